import { dropLocalCopyCloseCodes, permanentCloseCodes, CloseCode } from '@cydweithio/model';

/**
 * What the save-state badge shows. "saved" means durable on the server's disk (the server's
 * durable acknowledgement covers every local edit), not merely sent.
 */
export type SyncState = 'offline' | 'connecting' | 'syncing' | 'saved' | 'refused' | 'revoked';

export type SocketStatus = 'connecting' | 'connected' | 'disconnected';

export interface SyncInputs {
  /** navigator.onLine, kept current by online/offline events. */
  browserOnline: boolean;
  socket: SocketStatus;
  /** The provider finished the initial sync exchange with the server. */
  synced: boolean;
  /** The last durable snapshot from the server covers every local change. */
  savedByServer: boolean;
  /** The server refused one of our updates (y-protocols auth "permission denied"). */
  refused: boolean;
  /** Close code of a permanent close, or null while the connection may still reconnect. */
  permanentClose: number | null;
}

/** Pure derivation so that the badge's logic is testable without a socket (SPEC C3). */
export function deriveSyncState(inputs: SyncInputs): SyncState {
  const { permanentClose } = inputs;
  if (permanentClose !== null && dropLocalCopyCloseCodes.has(permanentClose)) return 'revoked';
  if (inputs.refused) return 'refused';
  if (permanentClose === CloseCode.tooLarge) return 'refused';
  // An expired session is "offline" for the document: edits stay local until sign-in.
  if (permanentClose !== null && permanentCloseCodes.has(permanentClose)) return 'offline';
  if (!inputs.browserOnline || inputs.socket === 'disconnected') return 'offline';
  if (inputs.socket === 'connecting') return 'connecting';
  if (!inputs.synced || !inputs.savedByServer) return 'syncing';
  return 'saved';
}

/** The server tells us not to retry after these; stock y-websocket's default range is wider. */
export function shouldReconnectAfter(code: number): boolean {
  return !permanentCloseCodes.has(code);
}
