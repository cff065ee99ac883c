/** The y-protocols auth layer: the server's explicit refusal of a viewer's write (SPEC S7). */
import * as encoding from 'lib0/encoding';
import * as authProtocol from 'y-protocols/auth';
import { MessageType } from '@cydweithio/model';

export const PERMISSION_DENIED_READ_ONLY = 'permission denied: read-only access';

export function writePermissionDenied(reason = PERMISSION_DENIED_READ_ONLY): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.auth);
  authProtocol.writePermissionDenied(encoder, reason);
  return encoding.toUint8Array(encoder);
}
