/**
 * Frame mutations, all driven by the seeded generator: bit flips, byte overwrites, truncation,
 * extension, varint length inflation, splices of two frames, duplicated regions, and frames of
 * pure noise. The base frames are real ones captured from a session (capture.ts).
 */
import * as prng from 'lib0/prng';

export type Mutation = 'bitflip' | 'overwrite' | 'truncate' | 'extend' | 'inflate-varint' | 'splice' | 'repeat-region' | 'noise' | 'original';

const MUTATIONS: readonly Mutation[] = ['bitflip', 'bitflip', 'overwrite', 'truncate', 'truncate', 'extend', 'inflate-varint', 'inflate-varint', 'splice', 'repeat-region', 'noise', 'original'];

/** Positions where a varint starts (after a byte without the continuation bit). */
function varintStarts(frame: Uint8Array): number[] {
  const starts = [0];
  for (let i = 0; i < frame.length - 1; i++) if (((frame[i] ?? 0) & 0x80) === 0) starts.push(i + 1);
  return starts;
}

function varintEnd(frame: Uint8Array, start: number): number {
  let i = start;
  while (i < frame.length && ((frame[i] ?? 0) & 0x80) !== 0) i++;
  return Math.min(frame.length, i + 1);
}

/** Replaces one varint (often a length prefix) by a huge value: the classic allocation bomb. */
function inflateVarint(gen: prng.PRNG, frame: Uint8Array): Uint8Array {
  const start = prng.oneOf(gen, varintStarts(frame));
  const end = varintEnd(frame, start);
  const huge = prng.oneOf(gen, [
    [0xff, 0xff, 0xff, 0xff, 0x0f],
    [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01],
    [0xff, 0xff, 0x03],
    [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01],
  ]);
  return Uint8Array.from([...frame.subarray(0, start), ...huge, ...frame.subarray(end)]);
}

export function mutate(gen: prng.PRNG, corpus: readonly Uint8Array[]): { frame: Uint8Array; mutation: Mutation } {
  const base = prng.oneOf(gen, corpus as Uint8Array[]);
  const mutation = prng.oneOf(gen, MUTATIONS as Mutation[]);
  const frame = base.slice();
  switch (mutation) {
    case 'bitflip':
      for (let n = prng.int32(gen, 1, 3); n > 0 && frame.length > 0; n--) {
        const at = prng.int32(gen, 0, frame.length - 1);
        frame[at] = (frame[at] ?? 0) ^ (1 << prng.int32(gen, 0, 7));
      }
      return { frame, mutation };
    case 'overwrite':
      if (frame.length > 0) frame[prng.int32(gen, 0, frame.length - 1)] = prng.int32(gen, 0, 255);
      return { frame, mutation };
    case 'truncate':
      return { frame: frame.subarray(0, prng.int32(gen, 0, Math.max(0, frame.length - 1))), mutation };
    case 'extend':
      return { frame: Uint8Array.from([...frame, ...prng.uint8Array(gen, prng.int32(gen, 1, 16))]), mutation };
    case 'inflate-varint':
      return { frame: inflateVarint(gen, frame), mutation };
    case 'splice': {
      const other = prng.oneOf(gen, corpus as Uint8Array[]);
      const cut = prng.int32(gen, 0, frame.length);
      return { frame: Uint8Array.from([...frame.subarray(0, cut), ...other.subarray(prng.int32(gen, 0, other.length))]), mutation };
    }
    case 'repeat-region': {
      const from = prng.int32(gen, 0, frame.length);
      const to = prng.int32(gen, from, Math.min(frame.length, from + 32));
      return { frame: Uint8Array.from([...frame.subarray(0, to), ...frame.subarray(from, to), ...frame.subarray(to)]), mutation };
    }
    case 'noise':
      return { frame: prng.uint8Array(gen, prng.int32(gen, 0, 64)), mutation };
    case 'original':
      return { frame, mutation };
  }
}
