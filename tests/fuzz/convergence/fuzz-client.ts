/**
 * A replica that behaves like the stock y-websocket client: sync step 1 and its awareness on
 * open, answers the server's sync messages, sends every local update, and keeps the last
 * `durable` snapshots it received. Sockets are replaced by Links the harness flushes.
 */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import { MessageType } from '@cydweithio/model';
import { awarenessFrame, syncStep1Frame, updateFrame } from '../../reliability/support/frames.js';

export class FuzzClient {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  /** Every durable snapshot received, newest last; reordered links may deliver them out of order. */
  readonly durableSnapshots: Uint8Array[] = [];
  /** Local updates produced so far (an edit that changes nothing produces none). */
  localUpdates = 0;
  /** Where outgoing frames go while connected; null while disconnected. */
  private outbox: ((frame: Uint8Array) => void) | null = null;

  constructor(readonly name: string, clientID: number) {
    this.doc = new Y.Doc();
    // Fixed client ids keep a seed's run identical from one replay to the next.
    this.doc.clientID = clientID;
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this) return;
      this.localUpdates++;
      this.outbox?.(updateFrame(update));
    });
    this.awareness.on('update', ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
      if (origin === this) return;
      const changed = [...(added ?? []), ...(updated ?? []), ...(removed ?? [])];
      this.outbox?.(awarenessFrame(this.awareness, changed));
    });
  }

  get connected(): boolean {
    return this.outbox !== null;
  }

  connect(send: (frame: Uint8Array) => void): void {
    this.outbox = send;
    send(syncStep1Frame(this.doc));
    if (this.awareness.getLocalState() !== null) send(awarenessFrame(this.awareness, [this.doc.clientID]));
  }

  disconnect(): void {
    this.outbox = null;
    // The stock client forgets remote presence when its socket closes.
    const remote = [...this.awareness.getStates().keys()].filter((id) => id !== this.doc.clientID);
    awarenessProtocol.removeAwarenessStates(this.awareness, remote, this);
  }

  receive(frame: Uint8Array): void {
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    if (type === MessageType.sync) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.sync);
      syncProtocol.readSyncMessage(decoder, encoder, this.doc, this);
      if (encoding.length(encoder) > 1) this.outbox?.(encoding.toUint8Array(encoder));
    } else if (type === MessageType.awareness) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), this);
    } else if (type === MessageType.queryAwareness) {
      this.outbox?.(awarenessFrame(this.awareness, [...this.awareness.getStates().keys()]));
    } else if (type === MessageType.durable) {
      this.durableSnapshots.push(decoding.readVarUint8Array(decoder));
    }
  }
}
