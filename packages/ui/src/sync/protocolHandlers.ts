import type * as Y from 'yjs';
import * as authProtocol from 'y-protocols/auth';
import type { WebsocketProvider } from 'y-websocket';
import { MessageType } from '@cydweithio/model';
import { readDurablePayload } from '@cydweithio/model/wire/durable';

/**
 * The stock provider only logs a refused update to the console. We need it on screen, so the
 * auth handler is replaced with one that reports the reason.
 */
export function handleRefusals(provider: WebsocketProvider, onRefused: (reason: string) => void): void {
  provider.messageHandlers[MessageType.auth] = (_encoder, decoder) => {
    authProtocol.readAuthMessage(decoder, provider.doc, (_doc, reason) => onRefused(reason));
  };
}

/** Message 5: the document's comments changed (ACCESS.md A107); the client asks for them again. */
export function handleCommentNotices(provider: WebsocketProvider, onChanged: () => void): void {
  provider.messageHandlers[MessageType.commentsChanged] = () => onChanged();
}

/** Message 4 carries the snapshot the server has committed to disk; the stock client ignores it. */
export function handleDurableAcks(provider: WebsocketProvider, onDurable: (snapshot: Y.Snapshot) => void): void {
  provider.messageHandlers[MessageType.durable] = (_encoder, decoder) => {
    onDurable(readDurablePayload(decoder));
  };
}
