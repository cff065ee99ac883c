/**
 * One peer on one document: who it is, what it may do, its rate budget, and where it stands
 * (SPEC S27). Its state is one field: loading (its document is being loaded; frames wait, in
 * order), joined (in its room) or closed. The connection is also the peer's inbox: the frames
 * the peer receives and its end go to the core through it.
 */
import type { ConnectionIdentity, DocAccess } from './access';
import { CloseEvents, type CloseEvent } from './close-events';
import type { SyncLimits } from './limits';
import type { Peer, PeerInbox } from './peer';
import { RateBudget } from './rate-budget';
import type { Room } from './room';

export type ConnectionState =
  | { kind: 'loading'; queued: Uint8Array[] }
  | { kind: 'joined'; room: Room }
  /** Closed by us or by the peer; `room` is the one it had joined, until its end is handled. */
  | { kind: 'closed'; room: Room | undefined };

/** Where an accepted connection's frames and end go: the sync core. */
export interface ConnectionEvents {
  frame(connection: Connection, frame: Uint8Array, isBinary: boolean): void;
  ended(connection: Connection): void;
}

export class Connection implements PeerInbox {
  state: ConnectionState = { kind: 'loading', queued: [] };
  /** The client has completed its initial sync (its first step 2 arrived). */
  initialSyncDone = false;
  readonly budget: RateBudget;

  constructor(
    readonly peer: Peer,
    readonly docId: string,
    public identity: ConnectionIdentity,
    public access: DocAccess,
    private readonly limits: SyncLimits,
    private readonly events: ConnectionEvents,
    /** Asked for durable acknowledgements (SPEC S9); stock clients do not and get none. */
    readonly wantsDurableAcks = false,
    /** Asked to be told when the document's comments change (ACCESS.md A107); stock clients do not. */
    readonly wantsCommentNotices = false,
  ) {
    this.budget = new RateBudget(limits);
  }

  get closed(): boolean {
    return this.state.kind === 'closed';
  }

  /** The room, once joined. */
  get room(): Room | undefined {
    return this.state.kind === 'joined' ? this.state.room : undefined;
  }

  send(frame: Uint8Array): void {
    if (this.state.kind === 'closed' || !this.peer.isOpen) return;
    if (this.peer.bufferedAmount > this.limits.maxBufferedBytes) {
      // A reader this slow would make the server hold the whole document for it, again and again.
      this.close(CloseEvents.tooSlow);
      return;
    }
    this.peer.send(frame);
  }

  /** Closes the peer; the connection counts as closed from now on (its end is reported later). */
  close(event: CloseEvent, detail?: string): void {
    if (this.state.kind === 'closed') return;
    this.state = { kind: 'closed', room: this.room };
    this.peer.close(event.code, (detail ?? event.reason).slice(0, 120));
  }

  receive(frame: Uint8Array, isBinary: boolean): void {
    this.events.frame(this, frame, isBinary);
  }

  ended(): void {
    this.events.ended(this);
  }
}
