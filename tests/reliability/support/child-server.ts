/**
 * Starts a server in its own child process (so its memory, CPU and crashes are its own) and
 * gives the parent its port, IPC stats and a way to kill it, SIGKILL included.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FlushReply, ServerStats, StatsReply } from '../../bench/servers/child-ipc.js';

export const TESTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const REPO_DIR = path.resolve(TESTS_DIR, '..');

export interface ChildServer {
  port: number;
  child: ChildProcess;
  /** Everything the child wrote to stderr (for failure messages). */
  stderr: () => string;
  /** `resetLoopDelay`: start a new event-loop delay distribution after this answer. */
  stats(gc?: boolean, resetLoopDelay?: boolean): Promise<ServerStats>;
  /** Resolves once everything the server has applied is committed (servers that store only). */
  flush(): Promise<void>;
  /** Resolves with the exit code or signal once the process is gone. */
  exited: Promise<string>;
  stop(signal?: NodeJS.Signals): Promise<string>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitForPort(port: number, exited: Promise<string>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let gone: string | null = null;
  void exited.then((how) => (gone = how));
  while (Date.now() < deadline) {
    if (gone !== null) throw new Error(`server exited before listening (${gone})`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => { socket.destroy(); resolve(true); });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`server did not listen on ${port} within ${timeoutMs} ms`);
}

export interface StartOptions {
  /** Script to run with tsx, relative to the repository root. */
  script: string;
  env?: Record<string, string>;
  /** Extra Node flags for the child, e.g. `--cpu-prof` (not allowed in NODE_OPTIONS). */
  nodeArgs?: string[];
  port?: number;
  timeoutMs?: number;
}

export async function startChildServer(options: StartOptions): Promise<ChildServer> {
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, ['--expose-gc', ...(options.nodeArgs ?? []), '--import', 'tsx', path.join(REPO_DIR, options.script)], {
    cwd: TESTS_DIR,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let errText = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errText = (errText + chunk.toString()).slice(-20_000);
  });
  child.stdout?.resume();
  const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? `code ${code}`)));
  const waiting = new Map<number, (stats: ServerStats) => void>();
  const flushing = new Map<number, (reply: FlushReply) => void>();
  child.on('message', (raw: unknown) => {
    const reply = raw as StatsReply | FlushReply;
    if (reply.type === 'stats') waiting.get(reply.id)?.(reply.stats);
    else if (reply.type === 'flushed') flushing.get(reply.id)?.(reply);
  });
  let nextId = 1;
  try {
    await waitForPort(port, exited, options.timeoutMs ?? 30_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n${errText}`);
  }
  return {
    port,
    child,
    stderr: () => errText,
    exited,
    stats(gc = false, resetLoopDelay = false) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        // A server that cannot answer in 30 s is saturated; callers decide what that means.
        const timer = setTimeout(() => reject(new Error('stats: no answer from the server process within 30 s')), 30_000);
        waiting.set(id, (stats) => {
          clearTimeout(timer);
          waiting.delete(id);
          resolve(stats);
        });
        child.send({ type: 'stats', gc, id, resetLoopDelay });
      });
    },
    flush() {
      const id = nextId++;
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('flush: no answer from the server process within 30 s')), 30_000);
        flushing.set(id, (reply) => {
          clearTimeout(timer);
          flushing.delete(id);
          if (reply.error) reject(new Error(`flush: ${reply.error}`));
          else resolve();
        });
        child.send({ type: 'flush', id });
      });
    },
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      const how = await exited;
      clearTimeout(timer);
      return how;
    },
  };
}
