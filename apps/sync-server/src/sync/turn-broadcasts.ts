/**
 * S72: what the rooms accepted in one turn of the event loop goes out at the end of that turn,
 * as one frame per socket and document. Under load one turn reads many sockets, and a document
 * with 200 people typing has several keystrokes in each: sending each to all 199 others was most
 * of the server's work (socket writes were 55 % of its main thread), and each frame is work for
 * every client too. When nothing else is happening a turn holds one update, sent as it came.
 */
import type { Room } from './room';

/** Runs `flush` once the current turn's I/O has been read (Node's check phase). */
export type TurnScheduler = (flush: () => void) => void;

export const endOfTurn: TurnScheduler = (flush) => {
  setImmediate(flush);
};

export class TurnBroadcasts {
  private readonly rooms = new Set<Room>();
  private scheduled = false;
  private readonly flushAll = (): void => this.flush();

  constructor(private readonly schedule: TurnScheduler = endOfTurn) {}

  /** Queues an integrated update for the room's sockets but `except` (its sender). */
  add(room: Room, update: Uint8Array, except?: unknown): void {
    room.queueUpdate(update, except);
    this.rooms.add(room);
    if (this.scheduled) return;
    this.scheduled = true;
    this.schedule(this.flushAll);
  }

  /** Sends everything queued; also called at shutdown so nothing accepted stays unsent. */
  flush(): void {
    this.scheduled = false;
    for (const room of this.rooms) room.flushUpdates();
    this.rooms.clear();
  }
}
