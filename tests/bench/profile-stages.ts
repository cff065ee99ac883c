/**
 * Where the server's CPU goes, by stage of the live path, from the V8 CPU profiles that
 * `pnpm bench -- --profile DIR` writes (one per thread of each server child). Each sample is
 * charged to the deepest stage found on its stack (a broadcast runs inside Yjs's update event,
 * inside the apply: it counts as broadcast), so the shares add up to 100 % of the thread's busy
 * time. Also runnable on its own: `tsx bench/profile-stages.ts DIR`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

type Matcher = (fn: string, url: string) => boolean;
const inFile = (file: string, ...fns: string[]): Matcher => (fn, url) => url.includes(file) && (fns.length === 0 || fns.includes(fn));

/** Stages in no particular order; the deepest frame that matches one decides. */
export const STAGES: readonly { name: string; matches: Matcher }[] = [
  { name: 'socket read (ws receiver, frame parsing)', matches: (fn, url) => url.includes('/ws/lib/receiver') || url.includes('/ws/lib/buffer-util') || fn === 'onStreamRead' },
  { name: 'socket write (ws sender, kernel write)', matches: (fn, url) => url.includes('/ws/lib/sender') || ['writev', 'writeGeneric', 'writeBuffer', 'writevGeneric', 'handleWriteReq'].includes(fn) },
  { name: 'frame decode and dispatch', matches: (fn, url) => url.includes('/sync/protocol/') || inFile('/sync/sync-core', 'onFrame', 'receive', 'handle')(fn, url) || inFile('/sync/room-messages', 'handleClientFrame')(fn, url) || inFile('/sync/peer-inbox')(fn, url) },
  { name: 'update check (decode, dependencies, adds-nothing)', matches: (fn, url) => inFile('/sync/update-check')(fn, url) || inFile('/sync/room-messages', 'handleUpdate', 'addsNothing', 'ensureFits')(fn, url) || inFile('/sync/update-messages')(fn, url) || (url.includes('/yjs/') && ['decodeUpdate', 'decodeUpdateV2'].includes(fn)) },
  { name: 'apply (Yjs integrate, transaction, update event)', matches: (fn, url) => inFile('/sync/room-messages', 'applyClientUpdate')(fn, url) || (url.includes('/yjs/') && ['applyUpdate', 'applyUpdateV2', 'readUpdateV2', 'transact'].includes(fn)) },
  { name: 'broadcast (encode, fan out)', matches: (fn, url) => inFile('/sync/room', 'broadcast', 'flushUpdates', 'sendToAllBut', 'mergedFrame')(fn, url) || inFile('/sync/turn-broadcasts')(fn, url) || inFile('/sync/connection', 'send')(fn, url) || inFile('/sync/ws-peer')(fn, url) || inFile('/sync/sync-core', 'onDocUpdate')(fn, url) },
  { name: 'commit queue and store round trip', matches: (fn, url) => url.includes('/sync/commit-queue') || url.includes('/storage/') },
  { name: 'durable ack (snapshot, encode, send)', matches: (fn, url) => url.includes('/sync/durable') || url.includes('/wire/durable') || (url.includes('/yjs/') && ['snapshot', 'encodeSnapshot', 'encodeSnapshotV2', 'createDeleteSetFromStructStore'].includes(fn)) },
  { name: 'presence (awareness parse, stamp, fan out)', matches: (fn, url) => url.includes('/sync/awareness') || url.includes('/sync/presence') || url.includes('/y-protocols/awareness') },
  { name: 'metrics', matches: (_fn, url) => url.includes('prom-client') || url.includes('/observability/') },
  { name: 'bench stats ticker (not the product)', matches: (_fn, url) => url.includes('/bench/servers/child-ipc') },
];

const OTHER = 'other (timers, promises, runtime)';
const GC = 'garbage collector';

export interface StageShare {
  stage: string;
  ms: number;
  /** Of the thread's busy (non-idle) time. */
  share: number;
}

/** Busy time of one profile, by stage. */
export function stagesOf(profile: CpuProfile): { busyMs: number; stages: StageShare[] } {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const stageOfNode = new Map<number, string | null>();
  const stageOf = (id: number): string | null => {
    const known = stageOfNode.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id);
    if (!node) return null;
    const { functionName, url } = node.callFrame;
    if (functionName === '(garbage collector)') return GC;
    if (functionName === '(idle)' || functionName === '(program)' || functionName === '(root)') return functionName;
    // Deepest match: this node's own stage if it has one, else its caller's.
    const own = STAGES.find((stage) => stage.matches(functionName, url))?.name ?? null;
    const up = parent.get(id);
    const stage = own ?? (up === undefined ? null : stageOf(up));
    stageOfNode.set(id, stage);
    return stage;
  };
  const totals = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const stage = stageOf(id) ?? OTHER;
    totals.set(stage, (totals.get(stage) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  });
  totals.delete('(idle)');
  totals.delete('(root)');
  const program = totals.get('(program)') ?? 0;
  totals.delete('(program)');
  totals.set(OTHER, (totals.get(OTHER) ?? 0) + program);
  const busyMs = [...totals.values()].reduce((sum, ms) => sum + ms, 0);
  const stages = [...totals].map(([stage, ms]) => ({ stage, ms, share: busyMs > 0 ? ms / busyMs : 0 })).sort((a, b) => b.ms - a.ms);
  return { busyMs, stages };
}

/** The profiles in `dir` with their busy time by stage; the store worker's is told apart by its code. */
export function summariseProfiles(dir: string): { file: string; thread: string; busyMs: number; stages: StageShare[] }[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.cpuprofile'))
    .map((file) => {
      const profile = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as CpuProfile;
      const urls = profile.nodes.map((node) => node.callFrame.url);
      const thread = urls.some((url) => url.includes('sqlite-store-worker')) ? 'store worker' : urls.some((url) => url.includes('/sync/')) ? 'main' : 'other';
      return { file, thread, ...stagesOf(profile) };
    })
    .filter((summary) => summary.thread !== 'other');
}

export function formatStages(dir: string): string {
  const lines: string[] = [];
  for (const summary of summariseProfiles(dir)) {
    lines.push(`${summary.thread} thread (${summary.file}): ${(summary.busyMs / 1000).toFixed(2)} s busy`);
    for (const stage of summary.stages) lines.push(`  ${(100 * stage.share).toFixed(1).padStart(5)} %  ${stage.stage}`);
  }
  return lines.join('\n');
}

if (process.argv[1]?.endsWith('profile-stages.ts') && process.argv[2]) console.log(formatStages(process.argv[2]));
