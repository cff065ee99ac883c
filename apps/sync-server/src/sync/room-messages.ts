/**
 * What the server does with each client message on a resident document (SPEC S4-S8, S12, S17):
 * the dispatch, and the answers that need no more than the room. Updates are update-messages.ts,
 * presence presence-messages.ts. A refusal throws (close-events.ts); the core closes that socket.
 */
import type { SyncMetrics } from '../observability/metrics';
import type { CommitQueue } from './commit-queue';
import type { Fanout } from './fanout/fanout';
import type { Connection } from './connection';
import type { SyncLimits } from './limits';
import type { SyncLogger } from './logger';
import type { PresenceOwners } from './presence-owners';
import { handleAwareness } from './presence-messages';
import { decodeClientFrame } from './protocol/frame';
import type { Room } from './room';
import { handleUpdate } from './update-messages';

export interface MessageContext {
  commits: CommitQueue;
  presence: PresenceOwners;
  metrics: SyncMetrics;
  logger: SyncLogger;
  limits: SyncLimits;
  /** Other instances (REDIS_URL): presence changes go to them too (SPEC S55). */
  fanout?: Fanout | undefined;
}

export function handleClientFrame(context: MessageContext, room: Room, connection: Connection, frame: Uint8Array): void {
  const message = decodeClientFrame(frame);
  switch (message.kind) {
    case 'sync-step1':
      connection.send(room.step2For(message.stateVector));
      return;
    case 'sync-step2':
    case 'sync-update':
      handleUpdate(context, room, connection, message.update);
      if (message.kind === 'sync-step2' && !connection.initialSyncDone) {
        // The client's answer to our step 1 completes its initial sync: tell it what is saved.
        connection.initialSyncDone = true;
        context.commits.ackWhenCommitted(room, connection);
      }
      return;
    case 'awareness':
      handleAwareness(context, room, connection, message.update);
      return;
    case 'query-awareness':
      connection.send(room.presence.frame());
      return;
  }
}
