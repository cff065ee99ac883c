/**
 * Two well-behaved clients on another document, editing throughout the fuzzing: they must stay
 * connected, converge, get their edits acknowledged, and their edit-to-peer delay shows how long
 * the fuzzing ever held up the server's event loop.
 */
import * as Y from 'yjs';
import { connectRawClient, type RawClient } from '../../reliability/support/raw-client.js';
import { snapshotCovers } from '../../reliability/support/snapshots.js';

export class ControlPair {
  private sentAt = new Map<number, number>();
  maxDelayMs = 0;
  edits = 0;
  private closes: number[] = [];
  private timer: NodeJS.Timeout | undefined;

  private constructor(private readonly writer: RawClient, private readonly reader: RawClient) {
    reader.doc.on('update', (update: Uint8Array) => {
      const clock = Y.parseUpdateMeta(update).to.get(writer.doc.clientID);
      const sent = clock === undefined ? undefined : this.sentAt.get(clock);
      if (sent !== undefined) this.maxDelayMs = Math.max(this.maxDelayMs, performance.now() - sent);
    });
    for (const client of [writer, reader]) void client.closed.then((code) => this.closes.push(code));
  }

  static async start(url: (name: string) => string): Promise<ControlPair> {
    const writer = await connectRawClient(url('control-writer'));
    const reader = await connectRawClient(url('control-reader'));
    await Promise.all([writer.synced, reader.synced]);
    const pair = new ControlPair(writer, reader);
    pair.timer = setInterval(() => pair.edit(), 50);
    return pair;
  }

  private edit(): void {
    const text = this.writer.doc.getText('body');
    text.insert(text.length, `${this.edits++ % 10}`);
    this.sentAt.set(Y.getState(this.writer.doc.store, this.writer.doc.clientID), performance.now());
  }

  /** Stops editing and returns what went wrong, if anything. */
  async finish(): Promise<string[]> {
    clearInterval(this.timer);
    const problems: string[] = [];
    try {
      await this.writer.waitForDurable((snapshot) => snapshotCovers(snapshot, Y.snapshot(this.writer.doc)), 10_000);
    } catch {
      problems.push('control writer: last edits never acknowledged');
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    if (this.closes.length > 0) problems.push(`control clients closed: ${this.closes.join(', ')}`);
    if (this.reader.doc.getText('body').toString() !== this.writer.doc.getText('body').toString()) {
      problems.push('control reader diverged from the writer');
    }
    this.writer.close();
    this.reader.close();
    return problems;
  }
}
