/**
 * A client that streams edits (inserts, map writes and delete-only edits) and keeps, for each
 * edit, a snapshot of its document right after it. An edit is acknowledged when a durable
 * snapshot covers that snapshot: deletes included, which a clock comparison would miss.
 */
import * as Y from 'yjs';
import * as prng from 'lib0/prng';
import { connectRawClient, type RawClient } from '../support/raw-client.js';
import { snapshotCovers } from '../support/snapshots.js';

export class EditingClient {
  private pending: Y.Snapshot[] = [];
  /** The latest edit state the server has acknowledged as committed. */
  acknowledged: Y.Snapshot | null = null;
  edits = 0;
  acks = 0;

  private constructor(readonly client: RawClient, private readonly gen: prng.PRNG, readonly label: string) {}

  static async connect(url: string, seed: number, label: string): Promise<EditingClient> {
    const raw = await connectRawClient(url, { doc: new Y.Doc({ gc: false }) });
    await raw.synced;
    const editing = new EditingClient(raw, prng.create(seed), label);
    raw.socket.on('message', () => editing.collectAcks());
    return editing;
  }

  private collectAcks(): void {
    const latest = this.client.durable.at(-1);
    if (!latest) return;
    while (this.pending.length > 0 && snapshotCovers(latest, this.pending[0] as Y.Snapshot)) {
      this.acknowledged = this.pending.shift() as Y.Snapshot;
      this.acks++;
    }
  }

  edit(): void {
    const doc = this.client.doc;
    const text = doc.getText('body');
    const roll = prng.int32(this.gen, 0, 9);
    if (roll < 5 || text.length < 4) text.insert(prng.int32(this.gen, 0, text.length), `${this.label}${this.edits} `);
    else if (roll < 8) doc.getMap('meta').set(`${this.label}-${prng.int32(this.gen, 0, 20)}`, this.edits);
    // Delete-only: advances no clock; only the delete set shows whether it was saved.
    else text.delete(prng.int32(this.gen, 0, text.length - 2), 2);
    this.edits++;
    this.pending.push(Y.snapshot(doc));
  }

  close(): void {
    this.client.close();
    this.client.doc.destroy();
  }
}
