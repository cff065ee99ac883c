/** The limits the sync core enforces. Defaults are the wire Limits; tests and operators may lower them. */
import { Limits } from '@cydweithio/model';

export interface SyncLimits {
  maxFrameBytes: number;
  maxDocumentBytes: number;
  maxAwarenessStateBytes: number;
  maxMessagesPerSecond: number;
  maxBytesPerSecond: number;
  maxAwarenessPerSecond: number;
  maxConnectionsPerDocument: number;
  /** A socket whose unsent bytes exceed this is too slow to keep: closed as rate limited. */
  maxBufferedBytes: number;
}

export const defaultSyncLimits: SyncLimits = {
  maxFrameBytes: Limits.maxFrameBytes,
  maxDocumentBytes: Limits.maxDocumentBytes,
  maxAwarenessStateBytes: Limits.maxAwarenessStateBytes,
  maxMessagesPerSecond: Limits.maxMessagesPerSecond,
  maxBytesPerSecond: Limits.maxBytesPerSecond,
  maxAwarenessPerSecond: Limits.maxAwarenessPerSecond,
  maxConnectionsPerDocument: Limits.maxConnectionsPerDocument,
  maxBufferedBytes: 4 * Limits.maxDocumentBytes,
};
