/**
 * Our second addition to the protocol (PROTOCOL.md, ACCESS.md A107): "this document's comments
 * changed", the message type alone. It carries no comment: the client asks the comment routes,
 * which decide what it may see, so a socket learns nothing it could not already ask for.
 */
import { MessageType } from '@cydweithio/model';

export function writeCommentsChanged(): Uint8Array {
  return Uint8Array.of(MessageType.commentsChanged);
}
