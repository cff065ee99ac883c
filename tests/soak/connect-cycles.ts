/**
 * Connect/disconnect cycles against our server: each cycle opens a socket, syncs, sometimes
 * edits and publishes presence, and closes. Afterwards, once idle documents unload, the heap
 * must be back near its baseline and no document may remain resident.
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import type { OurServer } from '../reliability/support/our-server.js';
import { connectRawClient } from '../reliability/support/raw-client.js';
import { awarenessFrame } from '../reliability/support/frames.js';

export interface CycleReport { cycles: number; errors: number; unexpectedCloses: number; seconds: number }

const PARALLEL = 16;
const DOCS = 50;

async function oneCycle(server: OurServer, index: number): Promise<{ error: boolean; unexpectedClose: boolean }> {
  try {
    const client = await connectRawClient(server.docUrl(`soak:document${index % DOCS}`, `p${index % 200}`));
    let unexpectedClose = false;
    void client.closed.then((code) => (unexpectedClose = code !== 1005 && code !== 1000));
    await client.synced;
    if (index % 3 === 0) client.doc.getText('body').insert(0, `${index % 10}`);
    if (index % 2 === 0) {
      const awareness = new awarenessProtocol.Awareness(client.doc);
      awareness.setLocalState({ user: `p${index % 200}`, cursor: index % 50 });
      client.sendRaw(awarenessFrame(awareness, [client.doc.clientID]));
      awareness.destroy();
    }
    if (index % 3 === 0) await client.waitForDurable((s) => (s.sv.get(client.doc.clientID) ?? 0) > 0, 10_000);
    client.close();
    await client.closed;
    client.doc.destroy();
    return { error: false, unexpectedClose };
  } catch {
    return { error: true, unexpectedClose: false };
  }
}

export async function runConnectCycles(server: OurServer, cycles: number, start = 0): Promise<CycleReport> {
  const started = performance.now();
  let next = start;
  let errors = 0;
  let unexpectedCloses = 0;
  const worker = async (): Promise<void> => {
    while (next < start + cycles) {
      const result = await oneCycle(server, next++);
      if (result.error) errors++;
      if (result.unexpectedClose) unexpectedCloses++;
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, () => worker()));
  return { cycles, errors, unexpectedCloses, seconds: (performance.now() - started) / 1000 };
}

/** Waits until the server reports no resident document (idle unload), up to `timeoutMs`. */
export async function waitForNoResidentDocs(server: OurServer, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let resident = (await server.stats()).residentDocs ?? -1;
  while (resident !== 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    resident = (await server.stats()).residentDocs ?? -1;
  }
  return resident;
}

