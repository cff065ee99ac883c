/**
 * A minimal room with the reference server's semantics (apply, broadcast to every connection,
 * store each update) plus a durable ack after the store's commit. It calibrates the harness
 * (a harness that cannot pass against the reference proves nothing) and stands in while no
 * core Room is available; the real room is plugged in through room-adapter.ts.
 */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import { MessageType } from '@cydweithio/model';
import { encodeDurable } from '@cydweithio/model/wire/durable';
import { MemoryDocStore } from '@cydweithio/sync-server/storage/memory-doc-store';
import { awarenessFrame, syncStep1Frame } from '../../reliability/support/frames.js';
import type { FuzzServer, FuzzServerConnection } from './fuzz-server.js';

const DOC_ID = 'fuzz:reference';

interface Peer { send: (frame: Uint8Array) => void; onClose: (code: number) => void; controlled: Set<number> }

export async function loadFromStore(store: MemoryDocStore, docId: string): Promise<Y.Doc> {
  const stored = await store.load(docId);
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const update of stored.updates) Y.applyUpdate(doc, update);
  return doc;
}

export async function createReferenceRoom(): Promise<FuzzServer> {
  const store = new MemoryDocStore();
  const peers = new Set<Peer>();
  let doc = new Y.Doc();
  let awareness = new awarenessProtocol.Awareness(doc);
  let commits: Promise<unknown> = Promise.resolve();
  let seq = 0;

  const wire = (): void => {
    awareness.setLocalState(null);
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      for (const peer of peers) peer.send(encodeUpdate(update));
      seq += 1;
      const committed = store.appendUpdates([{ docId: DOC_ID, seq, update }]);
      const sender = peers.has(origin as Peer) ? (origin as Peer) : null;
      commits = commits.then(() => committed).then(() => sender?.send(encodeDurable(Y.snapshot(doc))));
    });
    awareness.on('update', ({ added, updated, removed }: Record<string, number[]>) => {
      const changed = [...(added ?? []), ...(updated ?? []), ...(removed ?? [])];
      for (const peer of peers) peer.send(awarenessFrame(awareness, changed));
    });
  };
  wire();

  return {
    acknowledges: true,
    async open(send, onClose) {
      const peer: Peer = { send, onClose, controlled: new Set() };
      peers.add(peer);
      send(syncStep1Frame(doc));
      if (awareness.getStates().size > 0) send(awarenessFrame(awareness, [...awareness.getStates().keys()]));
      const connection: FuzzServerConnection = {
        async receive(frame) {
          const decoder = decoding.createDecoder(frame);
          const type = decoding.readVarUint(decoder);
          if (type === MessageType.sync) {
            const encoder = encoding.createEncoder();
            encoding.writeVarUint(encoder, MessageType.sync);
            const step = syncProtocol.readSyncMessage(decoder, encoder, doc, peer);
            if (encoding.length(encoder) > 1) send(encoding.toUint8Array(encoder));
            // A reconnecting client whose last ack died with its old socket must still learn
            // that its edits are saved, even when it brings nothing new: ack on every step 1.
            if (step === syncProtocol.messageYjsSyncStep1) {
              commits = commits.then(() => peers.has(peer) && send(encodeDurable(Y.snapshot(doc))));
            }
          } else if (type === MessageType.awareness) {
            const update = decoding.readVarUint8Array(decoder);
            trackControlled(peer, update);
            awarenessProtocol.applyAwarenessUpdate(awareness, update, peer);
          }
        },
        async close() {
          peers.delete(peer);
          awarenessProtocol.removeAwarenessStates(awareness, [...peer.controlled], null);
        },
      };
      return connection;
    },
    settle: () => commits.then(() => undefined),
    residentDoc: () => doc,
    async restart() {
      await commits;
      for (const peer of [...peers]) peer.onClose(1001);
      peers.clear();
      doc.destroy();
      doc = await loadFromStore(store, DOC_ID);
      awareness = new awarenessProtocol.Awareness(doc);
      wire();
    },
    loadStored: () => loadFromStore(store, DOC_ID),
    async dispose() {
      doc.destroy();
    },
  };
}

function encodeUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** Remembers which awareness clients a connection speaks for, to remove them when it closes. */
function trackControlled(peer: Peer, update: Uint8Array): void {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  for (let i = 0; i < count; i++) {
    peer.controlled.add(decoding.readVarUint(decoder));
    decoding.readVarUint(decoder);
    decoding.readVarString(decoder);
  }
}
