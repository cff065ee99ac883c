import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { snapshotContains } from '@cydweithio/model/wire/durable';
import { connectClient, synced, textOf, type TestClient } from './helpers/provider';
import { makeDataDir, newDocId } from './helpers/server';
import { sleep, waitFor } from './helpers/wait';

const CYCLES = Number(process.env.CRASH_CYCLES ?? 5);
const fixture = fileURLToPath(new URL('./fixtures/sync-server-process.ts', import.meta.url));
const testsDir = fileURLToPath(new URL('..', import.meta.url));

async function spawnServer(dataDir: string): Promise<{ child: ChildProcess; syncUrl: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', fixture], { cwd: testsDir, env: { ...process.env, DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /READY (\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`server exited early (${code})`)));
  });
  return { child, syncUrl: `ws://127.0.0.1:${port}/sync` };
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

describe('crash safety', () => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it(`S20: every acknowledged edit survives SIGKILL at a random moment (${CYCLES} cycles)`, async () => {
    const data = makeDataDir('cyd-crash-');
    cleanups.push(() => data.remove());
    const docId = newDocId();
    const writerDoc = new Y.Doc();
    const edits: { token: string; after: Y.Snapshot }[] = [];
    const acknowledged = new Set<string>();
    let totalAcked = 0;

    for (let cycle = 0; cycle < CYCLES; cycle += 1) {
      const { child, syncUrl } = await spawnServer(data.dir);
      cleanups.push(() => killed(child));

      // Before the writer reconnects (and re-sends what was not saved), a fresh reader checks the disk.
      const reader = connectClient(syncUrl, docId, { name: 'Reader' });
      await synced(reader);
      const onDisk = textOf(reader);
      for (const token of acknowledged) expect(onDisk, `acknowledged edit ${token} lost`).toContain(token);
      reader.destroy();

      const writer: TestClient = connectClient(syncUrl, docId, { name: 'Writer' }, writerDoc);
      const original = writer.provider.messageHandlers[4]!;
      writer.provider.messageHandlers[4] = (...args) => {
        original(...args);
        const ack = writer.durable.at(-1)!;
        for (const edit of edits) if (!acknowledged.has(edit.token) && snapshotContains(ack, edit.after)) acknowledged.add(edit.token);
      };
      await synced(writer);
      const killAfterMs = 40 + Math.floor(Math.random() * 300);
      const started = Date.now();
      let n = 0;
      while (Date.now() - started < killAfterMs) {
        const token = `[c${cycle}e${n}]`;
        writerDoc.getText('t').insert(writerDoc.getText('t').length, token);
        edits.push({ token, after: Y.snapshot(writerDoc) });
        n += 1;
        await sleep(Math.random() < 0.5 ? 0 : 2);
      }
      await killed(child);
      writer.provider.shouldConnect = false;
      writer.provider.disconnect();
      writer.provider.destroy();
      totalAcked = acknowledged.size;
    }

    const { child, syncUrl } = await spawnServer(data.dir);
    cleanups.push(() => killed(child));
    const reader = connectClient(syncUrl, docId, { name: 'Final reader' });
    cleanups.push(() => reader.destroy());
    await synced(reader);
    await waitFor(() => [...acknowledged].every((token) => textOf(reader).includes(token)), 'all acknowledged edits present');
    expect(totalAcked).toBeGreaterThan(0);
  });
});
