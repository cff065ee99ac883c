/**
 * How a bench client frames the same Yjs messages for each server: the y-websocket protocol
 * (ours, the reference server, the relay) puts the room in the URL; Hocuspocus prefixes every
 * frame with the document name and needs an auth message before anything else.
 */
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';

export type ServerKind = 'ours' | 'relay' | 'reference' | 'hocuspocus' | 'reference-current' | 'hocuspocus-current';

export interface Dialect {
  url(base: string, docName: string): string;
  /** Frames to send right after the socket opens, before the sync handshake. */
  hello(docName: string): Uint8Array[];
  /** Whether to wait for the server's auth answer before starting the sync handshake. */
  waitsForAuth: boolean;
  wrap(docName: string, frame: Uint8Array): Uint8Array;
  /** The inner y-websocket frame, or null for dialect-only messages (auth answers, sync status). */
  unwrap(frame: Uint8Array): { frame: Uint8Array | null; authenticated: boolean };
}

const HOCUSPOCUS_AUTH = 2;
const HOCUSPOCUS_AUTH_TOKEN = 0;
const HOCUSPOCUS_AUTHENTICATED = 2;
const HOCUSPOCUS_SYNC_REPLY = 4;

const yWebsocket = (pathPrefix: string, query: string): Dialect => ({
  url: (base, docName) => `${base}${pathPrefix}${docName}${query}`,
  hello: () => [],
  waitsForAuth: false,
  wrap: (_docName, frame) => frame,
  unwrap: (frame) => ({ frame, authenticated: false }),
});

const hocuspocus: Dialect = {
  url: (base) => `${base}/`,
  hello(docName) {
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, docName);
    encoding.writeVarUint(encoder, HOCUSPOCUS_AUTH);
    encoding.writeVarUint(encoder, HOCUSPOCUS_AUTH_TOKEN);
    encoding.writeVarString(encoder, 'bench');
    return [encoding.toUint8Array(encoder)];
  },
  waitsForAuth: true,
  wrap(docName, frame) {
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, docName);
    encoding.writeUint8Array(encoder, frame);
    return encoding.toUint8Array(encoder);
  },
  unwrap(frame) {
    const decoder = decoding.createDecoder(frame);
    decoding.readVarString(decoder);
    const start = decoder.pos;
    const type = decoding.readVarUint(decoder);
    if (type === HOCUSPOCUS_AUTH) {
      return { frame: null, authenticated: decoding.readVarUint(decoder) === HOCUSPOCUS_AUTHENTICATED };
    }
    if (type === HOCUSPOCUS_SYNC_REPLY) {
      // A SyncReply is a sync message under another number: hand it on as type 0.
      const rest = frame.subarray(decoder.pos);
      const out = new Uint8Array(rest.length + 1);
      out[0] = 0;
      out.set(rest, 1);
      return { frame: out, authenticated: false };
    }
    return { frame: frame.subarray(start), authenticated: false };
  },
};

export function dialectFor(kind: ServerKind, oursQuery: string): Dialect {
  if (kind === 'hocuspocus' || kind === 'hocuspocus-current') return hocuspocus;
  if (kind === 'ours') return yWebsocket('/sync/', oursQuery);
  return yWebsocket('/', '');
}
