/**
 * Several instances of our server in this process (SPEC S50-S62): each its own pool on one
 * PostgreSQL database of the file's own, its own fan-out on one Redis under a prefix of the
 * test's own, the open test authorizer. Stopped and cleaned up after each test.
 */
import { afterEach } from 'vitest';
import type { ConnectionAuthorizer } from '@cydweithio/sync-server/sync/access';
import { usePgDatabase } from '@cydweithio/sync-server/db/postgres/test-database';
import { startServer, type RunningServer, type ServerOptions } from '@cydweithio/sync-server/server';
import { PgDocStore } from '@cydweithio/sync-server/storage/pg-doc-store';
import { openAuthorizer } from '@cydweithio/sync-server/sync/open-authorizer';
import { redisFanout, type RedisFanoutOptions } from '@cydweithio/sync-server/sync/fanout/redis-fanout';
import { quietLogger } from '../../sync/helpers/server';
import { dropPrefix, LOCAL_REDIS, runPrefix } from './redis';

export interface InstanceOptions {
  redisUrl?: string;
  /** Put between the instances and PostgreSQL (a balancer to pause): the database URL to use instead. */
  databaseUrl?: (url: string) => string;
  authorizer?: (index: number) => ConnectionAuthorizer;
  fanout?: Partial<RedisFanoutOptions>;
  server?: Partial<ServerOptions>;
}

export function useInstances() {
  const postgres = usePgDatabase();
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  });
  return {
    postgres,
    async start(count: number, options: InstanceOptions = {}): Promise<{ servers: RunningServer[]; url: string; prefix: string }> {
      const { url } = await postgres.fresh();
      const redisUrl = options.redisUrl ?? LOCAL_REDIS;
      const prefix = runPrefix();
      cleanups.push(() => dropPrefix(redisUrl, prefix));
      const servers: RunningServer[] = [];
      for (let i = 0; i < count; i += 1) {
        const pool = postgres.pool(options.databaseUrl ? options.databaseUrl(url) : url);
        const running = await startServer({
          store: new PgDocStore(pool),
          authorizer: options.authorizer?.(i) ?? openAuthorizer,
          logger: quietLogger,
          idleMs: 60_000,
          fanout: redisFanout(redisUrl, prefix, quietLogger, options.fanout),
          ...options.server,
        });
        cleanups.push(() => running.close());
        servers.push(running);
      }
      return { servers, url, prefix };
    },
    cleanup: (work: () => Promise<unknown>) => cleanups.push(work),
  };
}
