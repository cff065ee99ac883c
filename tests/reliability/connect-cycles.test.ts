import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOurServer, type OurServer } from './support/our-server.js';
import { runConnectCycles, waitForNoResidentDocs } from '../soak/connect-cycles.js';

describe('connect/disconnect churn', () => {
  let server: OurServer;
  beforeAll(async () => {
    server = await startOurServer({ env: { IDLE_MS: '300' } });
  });
  afterAll(async () => {
    await server.dispose();
  });

  it('R7: 400 connect/edit/disconnect cycles leave no error and, once idle, no resident document', async () => {
    const report = await runConnectCycles(server, 400);
    expect(report.errors).toBe(0);
    expect(report.unexpectedCloses).toBe(0);
    expect(await waitForNoResidentDocs(server, 20_000)).toBe(0);
    expect(server.child.exitCode).toBeNull();
  }, 180_000);
});
