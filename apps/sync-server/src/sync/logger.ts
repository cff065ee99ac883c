/** The logging the sync core does: a pino logger fits, and so does a silent stub in tests. */
type LogMethod = (object: object, message?: string) => void;

export interface SyncLogger {
  debug: LogMethod;
  info: LogMethod;
  warn: LogMethod;
  error: LogMethod;
}

export const silentSyncLogger: SyncLogger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
