import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEMO_PASSWORD } from '@cydweithio/model/demo/index';
import { demoSignIns, loadDemoDirectory } from '../src/directory/demo';
import { fastScryptParams } from '../src/auth/password';
import { makeApi } from './support/api';
import { demoDataset } from './support/demo';

// Each test loads the demo directory into a fresh database: seconds, not milliseconds, on CI.
vi.setConfig({ testTimeout: 30_000 });

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function login(app: Awaited<ReturnType<typeof makeApi>>['app'], email: string) {
  return app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORD }) });
}

describe('demo directory', () => {
  it('A25: one sign-in per demo role, each of which works in demo mode', async () => {
    const api = await makeApi({ demoMode: true });
    cleanup = api.close;
    await loadDemoDirectory(api.sql, demoDataset(), fastScryptParams);
    const signIns = demoSignIns(demoDataset());
    expect(signIns.map((s) => s.role).sort()).toEqual(['convenor', 'facilitator', 'governor', 'headteacher', 'la-officer', 'la-officer-other-la', 'practitioner', 'reviewer', 'reviewer-other-la', 'senior-leader']);
    for (const signIn of signIns) expect((await login(api.app, signIn.email)).status).toBe(200);
  });

  it('A25: loading twice changes nothing', async () => {
    const api = await makeApi({ demoMode: true });
    cleanup = api.close;
    await loadDemoDirectory(api.sql, demoDataset(), fastScryptParams);
    await loadDemoDirectory(api.sql, demoDataset(), fastScryptParams);
    expect(await api.layer.services.directory.collaboratives()).toHaveLength(demoDataset().collaboratives.length);
    expect(await api.layer.services.directory.roles('demo-convenor')).toHaveLength(2);
  });

  it('A5: outside demo mode the demo accounts cannot sign in, even with their rows present', async () => {
    const api = await makeApi();
    cleanup = api.close;
    await loadDemoDirectory(api.sql, demoDataset(), fastScryptParams);
    const response = await login(api.app, 'headteacher@demo.cydweithio.cymru');
    expect(response.status).toBe(401);
  });
});
