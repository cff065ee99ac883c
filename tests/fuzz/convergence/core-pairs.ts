/**
 * The connections a convergence harness opens to sync cores (one core, or two linked instances):
 * each a test socket pair the core accepts as its peer (SPEC S27), moved only when the harness
 * delivers, with the core's closes reported to the harness. Shared by room-adapter.ts and
 * two-instances.ts, which differ in the cores behind them, not in how a connection behaves.
 */
import type { SyncCore } from '@cydweithio/sync-server/sync/sync-core';
import type { TurnScheduler } from '@cydweithio/sync-server/sync/turn-broadcasts';
import { defaultSyncLimits } from '@cydweithio/sync-server/sync/limits';
import { TestSocketPair } from '../../sync/helpers/socket-pair.js';
import type { FuzzServerConnection } from './fuzz-server.js';

export const fuzzIdentity = { personId: 'fuzz-person', name: 'Fuzz', role: 'test-editor' };
/** The fuzz sends bursts no person would; rate limits are tested elsewhere. */
export const fuzzLimits = { ...defaultSyncLimits, maxMessagesPerSecond: 1e9, maxBytesPerSecond: 1e12, maxAwarenessPerSecond: 1e9 };

export class CorePairs {
  /** Open pairs, with what the harness is told when the server closes one. */
  private readonly pairs = new Map<TestSocketPair, (code: number) => void>();
  private turnEnds: (() => void)[] = [];

  /**
   * The cores' end of a turn (S72), given to them as `broadcastTurn`: here a turn ends when the
   * harness delivers, so the seed, not the event loop, decides when broadcasts go out.
   */
  readonly endOfTurn: TurnScheduler = (flush) => {
    this.turnEnds.push(flush);
  };

  /** Frames read so far: every third ends a turn, so a turn's broadcasts merge up to three updates. */
  private reads = 0;

  /** Ends the turn, then moves every frame the cores have sent, and every close they made, to the harness. */
  deliver(): void {
    const ends = this.turnEnds;
    this.turnEnds = [];
    for (const end of ends) end();
    this.moveFrames();
  }

  /** Moves what the cores sent so far, leaving the turn open (its broadcasts still waiting). */
  private moveFrames(): void {
    for (const [pair, onClose] of this.pairs) {
      pair.flush();
      if (pair.open) continue;
      this.pairs.delete(pair);
      if (pair.closeCode !== undefined) onClose(pair.closeCode);
    }
  }

  /** A connection to `core`, delivered once `joined` (a turn of the loop for its load) has passed. */
  async open(core: SyncCore, docId: string, send: (frame: Uint8Array) => void, onClose: (code: number) => void, joined: () => Promise<void>): Promise<FuzzServerConnection> {
    const pair = new TestSocketPair(send);
    pair.attach(core.accept(pair.server, docId, fuzzIdentity, 'editor', { durableAcks: true }));
    this.pairs.set(pair, onClose);
    await joined();
    this.deliver();
    return {
      receive: async (frame) => {
        pair.send(frame);
        await Promise.resolve();
        this.reads += 1;
        if (this.reads % 3 === 0) this.deliver();
        else this.moveFrames();
      },
      close: async () => {
        pair.disconnect();
        this.deliver();
        await Promise.resolve();
      },
    };
  }
}
