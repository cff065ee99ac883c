/** Small probes of what a socket may do: open at all, and whether an edit is accepted. */
import WebSocket from 'ws';
import { MessageType } from '@cydweithio/model';
import type { RunningServer } from '@cydweithio/sync-server/server';
import { readStoredRows } from '@cydweithio/sync-server/db/inspect';
import { waitFor } from '../../sync/helpers/wait';
import { connectAs, syncedOrRefused, type SignedInClient } from './access-server';

/** The HTTP status of a refused upgrade, or 'open' with the number of frames received. */
export async function upgradeOutcome(url: string, headers: Record<string, string>): Promise<{ status: number | 'open'; frames: number }> {
  const ws = new WebSocket(url, { headers });
  let frames = 0;
  ws.on('message', () => { frames += 1; });
  ws.on('error', () => undefined);
  const status = await new Promise<number | 'open'>((resolve) => {
    ws.once('open', () => resolve('open'));
    ws.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
  });
  if (status === 'open') {
    await new Promise((r) => setTimeout(r, 50));
    ws.close();
  }
  return { status, frames };
}

/** Counts the y-protocols auth messages (permission denied) a client receives. */
export function countDenials(client: SignedInClient): void {
  client.provider.messageHandlers[MessageType.auth] = () => {
    client.denied += 1;
  };
}

export function storedBytesContain(dataDir: string, docId: string, marker: string): boolean {
  return readStoredRows(dataDir).updatesFor(docId).some((update) => Buffer.from(update).includes(marker));
}

/**
 * Connects as the person and writes a marker. 'accepted': the server's document holds it.
 * 'refused': the server answered permission denied and its document does not hold it.
 * 'no-socket': the upgrade itself was refused.
 */
export async function tryEdit(server: RunningServer, docId: string, cookie: string, marker: string): Promise<'accepted' | 'refused' | 'no-socket'> {
  const client = connectAs(server, docId, cookie);
  countDenials(client);
  try {
    if ((await syncedOrRefused(client)) === 'refused') return 'no-socket';
    client.doc.getText('access-probe').insert(0, marker);
    const serverHas = async () => (await server.sync.getDoc(docId)).getText('access-probe').toString().includes(marker);
    await waitFor(async () => client.denied > 0 || (await serverHas()), `edit ${marker} settled`);
    return (await serverHas()) ? 'accepted' : 'refused';
  } finally {
    client.destroy();
  }
}
