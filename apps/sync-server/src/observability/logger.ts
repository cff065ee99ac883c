/** pino JSON logs. The level comes from env.ts (LOG_LEVEL); tests pass 'silent' or their own destination. */
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

export function createLogger(level = 'info', destination?: DestinationStream): Logger {
  const options = { level, base: { service: 'sync-server' } };
  return destination ? pino(options, destination) : pino(options);
}

/** A logger that keeps its JSON lines in memory (tests assert on warn lines). */
export function createMemoryLogger(level = 'warn'): { logger: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger(level, { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { logger, lines };
}
