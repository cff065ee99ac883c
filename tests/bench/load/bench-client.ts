/**
 * One simulated person. A writer types into the document's text (one character per update,
 * like a person typing) and applies what others type; a reader only listens. Both publish
 * presence. Latency: the writer records when each update left; readers look the update's
 * (client, clock) up when it arrives. Writers on our server also time the `durable` ack.
 */
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import WebSocket from 'ws';
import { MessageType } from '@cydweithio/model';
import { awarenessFrame, syncStep1Frame, updateFrame } from '../../reliability/support/frames.js';
import type { Dialect } from './dialect.js';
import type { RunMetrics } from './metrics.js';

const OPEN_TIMEOUT_MS = 20_000;

/**
 * How a client behaves beyond reading or writing. By default a writer applies what others type
 * and a reader times it; a regime of many writers on one document has writers that time (a
 * sample of them) and do not apply, since 200 Y.Docs each applying every keystroke in this one
 * process would make the load generator, not the server, the bottleneck.
 */
export interface ClientRole { applies?: boolean; times?: boolean; publishesPresence?: boolean }
const LETTERS = 'abcdefghijklmnopqrstuvwxyz ';

export class BenchClient {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  private socket: WebSocket | null = null;
  /** Own updates not yet covered by a durable ack: [clock after the update, sent at]. */
  private unacked: [number, number][] = [];
  private typed = 0;
  private closing = false;
  private readonly applies: boolean;
  private readonly times: boolean;
  private readonly publishesPresence: boolean;

  constructor(
    private readonly base: string,
    private readonly docName: string,
    private readonly dialect: Dialect,
    private readonly writer: boolean,
    private readonly metrics: RunMetrics,
    role: ClientRole = {},
  ) {
    this.applies = role.applies ?? writer;
    this.times = role.times ?? !writer;
    this.publishesPresence = role.publishesPresence ?? true;
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this) return;
      const meta = Y.parseUpdateMeta(update);
      const clock = meta.to.get(this.doc.clientID) ?? 0;
      // A delete-only update advances no clock, so it cannot be told apart by (client, clock).
      if (clock > (meta.from.get(this.doc.clientID) ?? 0)) {
        const now = performance.now();
        this.metrics.sentAt.set(`${this.doc.clientID}:${clock}`, now);
        this.unacked.push([clock, now]);
      }
      this.send(updateFrame(update));
    });
  }

  /** Resolves once the handshake is done (sync step 2 received, or the socket is open on the relay). */
  open(waitForSync: boolean): Promise<void> {
    const socket = new WebSocket(this.dialect.url(this.base, this.docName), { perMessageDeflate: false });
    this.socket = socket;
    socket.binaryType = 'nodebuffer';
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`open timed out: ${this.docName}`)), OPEN_TIMEOUT_MS);
      const done = (): void => {
        clearTimeout(timer);
        resolve();
      };
      const handshake = (): void => {
        this.send(syncStep1Frame(this.doc));
        this.awareness.setLocalState({ user: `u${this.doc.clientID}`, cursor: 0 });
        this.send(awarenessFrame(this.awareness, [this.doc.clientID]));
        if (!waitForSync) done();
      };
      socket.on('open', () => {
        for (const frame of this.dialect.hello(this.docName)) socket.send(frame);
        if (!this.dialect.waitsForAuth) handshake();
      });
      socket.on('message', (data: Buffer) => {
        const { frame, authenticated } = this.dialect.unwrap(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
        if (authenticated) handshake();
        if (frame && this.receive(frame) === syncProtocol.messageYjsSyncStep2) done();
      });
      socket.on('error', (error) => {
        this.metrics.errors++;
        clearTimeout(timer);
        reject(error);
      });
      socket.on('close', (code) => {
        // Our own close at the end of a run is not the server's doing.
        if (!this.closing) this.metrics.noteClose(code);
        // Closed before its handshake finished: say so now rather than time out later.
        clearTimeout(timer);
        reject(new Error(`closed by the server with ${code} while opening ${this.docName}`));
      });
    });
  }

  private send(frame: Uint8Array): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(this.dialect.wrap(this.docName, frame));
  }

  /** Handles one inner frame; returns the sync sub-type for sync frames, -1 otherwise. */
  private receive(frame: Uint8Array): number {
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    if (type === MessageType.sync) return this.receiveSync(decoder);
    if (type === MessageType.durable && this.writer) this.receiveDurable(decoding.readVarUint8Array(decoder));
    return -1;
  }

  private receiveSync(decoder: decoding.Decoder): number {
    const step = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (step === syncProtocol.messageYjsSyncStep1) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.sync);
      syncProtocol.writeSyncStep2(encoder, this.doc, payload);
      this.send(encoding.toUint8Array(encoder));
      return step;
    }
    if (step === syncProtocol.messageYjsUpdate && this.metrics.measuring) this.observe(payload);
    // Readers never apply: they stand for people whose client work is not the server's cost.
    if (this.applies) Y.applyUpdate(this.doc, payload, this);
    return step;
  }

  /**
   * A server may send several keystrokes as one merged update (ours does within one turn, S72):
   * every keystroke in it is counted and timed, each one clock of its writer. A delete adds no
   * clock, so a merged frame's deletions go uncounted: that errs against the server that merges.
   */
  private observe(update: Uint8Array): void {
    const meta = Y.parseUpdateMeta(update);
    let keystrokes = 0;
    for (const [client, to] of meta.to) keystrokes += to - (meta.from.get(client) ?? 0);
    this.metrics.updatesDelivered += Math.max(1, keystrokes);
    if (!this.times) return;
    const now = performance.now();
    for (const [client, to] of meta.to) {
      for (let clock = (meta.from.get(client) ?? 0) + 1; clock <= to; clock++) {
        const sent = this.metrics.sentAt.get(`${client}:${clock}`);
        if (sent !== undefined) this.metrics.editToPeer.add(now - sent);
      }
    }
  }

  private receiveDurable(encodedSnapshot: Uint8Array): void {
    const saved = Y.decodeSnapshot(encodedSnapshot).sv.get(this.doc.clientID) ?? 0;
    const now = performance.now();
    while (this.unacked.length > 0 && (this.unacked[0]?.[0] ?? Infinity) <= saved) {
      const [, sentAt] = this.unacked.shift() as [number, number];
      if (this.metrics.measuring) this.metrics.durableAck.add(now - sentAt);
    }
  }

  /** One keystroke: a letter at a random place (or a backspace one time in ten). */
  type(): void {
    const text = this.doc.getText('body');
    this.typed++;
    if (text.length > 0 && this.typed % 10 === 0) text.delete(Math.floor(Math.random() * text.length), 1);
    else text.insert(Math.floor(Math.random() * (text.length + 1)), LETTERS[this.typed % LETTERS.length] ?? 'a');
  }

  movePresence(): void {
    if (!this.publishesPresence) return;
    this.awareness.setLocalStateField('cursor', Math.floor(Math.random() * 1000));
    this.send(awarenessFrame(this.awareness, [this.doc.clientID]));
  }

  close(): void {
    this.closing = true;
    this.socket?.close();
    this.awareness.destroy();
    this.doc.destroy();
  }
}
