/**
 * The fuzzing socket: sends one frame, then a probe (sync step 1 with the mirror's state vector)
 * and waits for the probe's answer or the socket's close. The answer keeps a mirror of the
 * document exactly as the server holds it, so "nothing changed" can be checked after a refusal.
 */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import WebSocket from 'ws';
import { MessageType } from '@cydweithio/model';
import { readDurableFrame, readSyncFrame, syncStep1FrameFromVector } from '../../reliability/support/frames.js';

export interface ProbeOutcome {
  /** Close code when the server closed the socket instead of answering. */
  closed: number | null;
  roundTripMs: number;
  /** The probe's step 2 (what the server has beyond the mirror), when it answered. */
  answer: Uint8Array | null;
}

const PROBE_TIMEOUT_MS = 10_000;

export class ProbeSocket {
  private socket: WebSocket | null = null;
  private answers: Uint8Array[] = [];
  private wake: (() => void) | null = null;
  private closeCode: number | null = null;
  framesSent = 0;

  constructor(private readonly url: string, readonly mirror: Y.Doc) {}

  async open(): Promise<void> {
    const socket = new WebSocket(this.url, { perMessageDeflate: false });
    this.socket = socket;
    this.answers = [];
    this.closeCode = null;
    this.framesSent = 0;
    socket.on('message', (data: Buffer) => this.onMessage(socket, new Uint8Array(data.buffer, data.byteOffset, data.byteLength)));
    socket.on('close', (code) => {
      if (this.socket !== socket) return;
      this.closeCode = code;
      this.wake?.();
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
  }

  private onMessage(socket: WebSocket, frame: Uint8Array): void {
    if (this.socket !== socket) return;
    // Durable acks are not this socket's concern: the fuzz asks the server to flush instead.
    if (readDurableFrame(frame)) return;
    const sync = readSyncFrame(frame);
    if (!sync) return;
    if (sync.step === syncProtocol.messageYjsSyncStep1) {
      // Answer like the stock client, from the mirror (which never holds more than the server).
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.sync);
      syncProtocol.writeSyncStep2(encoder, this.mirror, sync.payload);
      socket.send(encoding.toUint8Array(encoder));
    } else {
      // Step 2 (our probe's answer) or a broadcast update: both are the server's state.
      Y.applyUpdate(this.mirror, sync.payload);
      if (sync.step === syncProtocol.messageYjsSyncStep2) {
        this.answers.push(sync.payload);
        this.wake?.();
      }
    }
  }

  get isOpen(): boolean {
    return this.socket?.readyState === WebSocket.OPEN && this.closeCode === null;
  }

  /** Sends `frame` (binary or, rarely, text) and a probe; `expectedAnswers` counts step 2 replies due. */
  async sendAndProbe(frame: Uint8Array | string, expectedAnswers: number): Promise<ProbeOutcome> {
    const socket = this.socket;
    if (!socket) throw new Error('probe socket not open');
    const started = performance.now();
    const before = this.answers.length;
    socket.send(frame);
    socket.send(syncStep1FrameFromVector(Y.encodeStateVector(this.mirror)));
    this.framesSent += 2;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('server neither answered nor closed within 10 s')), PROBE_TIMEOUT_MS);
      const check = (): void => {
        if (this.closeCode === null && this.answers.length < before + expectedAnswers) return;
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      this.wake = check;
      check();
    });
    return { closed: this.closeCode, roundTripMs: performance.now() - started, answer: this.answers.at(-1) ?? null };
  }

  close(): void {
    const socket = this.socket;
    this.socket = null;
    socket?.close();
  }
}
