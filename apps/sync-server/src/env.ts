/**
 * The one place that reads process.env (SPEC S19). Validated with zod; bad configuration prints a
 * clear message and exits. Secrets that are absent are generated once and kept in the data dir.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { hwbSettingsFrom, type HwbSettings } from './auth/hwb/settings';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

const csv = z
  .string()
  .optional()
  .transform((value) => (value ? value.split(',').map((part) => part.trim()).filter(Boolean) : []));

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default(join(repoRoot, '.data')),
  /**
   * postgres://... : keep everything in PostgreSQL instead of the embedded SQLite file, so that
   * several instances can serve the same documents (SPEC S50). Absent: SQLite in DATA_DIR.
   */
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// or postgresql:// URL').optional(),
  /**
   * redis://... : Redis Streams between instances serving the same documents (SPEC S55), with
   * DATABASE_URL. Absent: one instance, nothing leaves the process.
   */
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'REDIS_URL must be a redis:// or rediss:// URL').optional(),
  /** Prepended to every Redis key: instances that share documents share it. */
  REDIS_PREFIX: z.string().min(1).max(64).default('cyd:'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** The built web app; served when present. */
  STATIC_DIR: z.string().min(1).default(join(repoRoot, 'apps/web/dist')),
  /** Signs sessions. Generated and stored in DATA_DIR/session-secret when absent. */
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be at least 32 characters').optional(),
  /** Extra web origins allowed to call the API and open sockets, comma separated. */
  ALLOWED_ORIGINS: csv,
  /**
   * A reverse proxy in front sets X-Forwarded-For and X-Forwarded-Proto, and nobody can reach the
   * server except through it: only then are those headers believed (sign-in throttling by client
   * address, HSTS and Secure cookies behind TLS). Off by default: a direct client could forge them.
   */
  TRUST_PROXY: z.enum(['true', 'false', '1', '0']).default('false').transform((value) => value === 'true' || value === '1'),
  /** Public base URL, e.g. https://cydweithio.example (invitation links). */
  PUBLIC_URL: z.url().optional(),
  /** Load the demo dataset on first start and accept the demo sign-ins. scripts/start.sh turns it on. */
  DEMO: z.enum(['true', 'false', '1', '0']).default('false').transform((value) => value === 'true' || value === '1'),
  /** Where the source data lives (LA list, WG address lists, 2026 school list) for the demo and imports. */
  SOURCE_DATA_DIR: z.string().min(1).default('data'),
  IDLE_UNLOAD_SECONDS: z.coerce.number().positive().default(30),
  /** An open document nobody has typed in for this long is held as bytes, not as a live Y.Doc. */
  COLD_AFTER_SECONDS: z.coerce.number().positive().default(30),
  MAX_RESIDENT_DOCS: z.coerce.number().int().positive().default(1000),
  /**
   * Sockets one document accepts (S17); beyond, a socket is closed as too many. The default suits
   * a collaborative's documents; an operator publishing one to a whole LA's staff raises it.
   */
  MAX_CONNECTIONS_PER_DOCUMENT: z.coerce.number().int().min(1).max(20_000).default(500),
  /** The liveness sweep's period: a socket that does not answer a ping is cut at the next sweep. */
  PING_INTERVAL_SECONDS: z.coerce.number().positive().default(30),
  /**
   * How often actions falling due are swept for reminders to their owners (ACCESS.md A150); the
   * first sweep is a few seconds after start. A minute to a day: a reminder is about a date.
   */
  ACTION_REMINDER_INTERVAL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(900),
  /** The least time between two commits: under load, edits arriving meanwhile share one transaction. */
  COMMIT_INTERVAL_MS: z.coerce.number().min(0).max(50).default(4),
  // Sign in with Hwb (IDENTITY.md H1-H4). All four of issuer, client id, secret and tenants, or none.
  /** The OpenID issuer, e.g. https://login.microsoftonline.com/<tenant id>/v2.0 (https; http only on loopback). */
  HWB_ISSUER: z.url().optional(),
  HWB_CLIENT_ID: z.string().min(1).optional(),
  HWB_CLIENT_SECRET: z.string().min(1).optional(),
  /** Where the provider sends people back; default PUBLIC_URL + /api/auth/hwb/callback. */
  HWB_REDIRECT_URL: z.url().optional(),
  /** Allowed tenants and the domains each vouches for: `<tenant id>=<domain>|<domain>,<tenant id>=<domain>`. */
  HWB_TENANTS: z.string().optional(),
  /** Turn password sign-in off: everyone signs in with Hwb. */
  HWB_ONLY: z.enum(['true', 'false', '1', '0']).default('false').transform((value) => value === 'true' || value === '1'),
});

export type Env = Omit<z.infer<typeof schema>, 'SESSION_SECRET'> & { SESSION_SECRET: string; hwb: HwbSettings | undefined };

export type EnvResult = { ok: true; env: Env } | { ok: false; problems: string[] };

/** Validates a given environment. Pure apart from creating the session secret file when absent. */
export function parseEnv(source: Record<string, string | undefined>): EnvResult {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`) };
  }
  const env = parsed.data;
  const hwb = hwbSettingsFrom(env);
  if (!hwb.ok) return { ok: false, problems: hwb.problems };
  // Relative paths are relative to the repository root, wherever the process was started from
  // (pnpm --filter runs scripts inside the package directory).
  const dataDir = resolve(repoRoot, env.DATA_DIR);
  return { ok: true, env: { ...env, DATA_DIR: dataDir, STATIC_DIR: resolve(repoRoot, env.STATIC_DIR), SOURCE_DATA_DIR: resolve(repoRoot, env.SOURCE_DATA_DIR), SESSION_SECRET: env.SESSION_SECRET ?? loadOrCreateSecret(dataDir, 'session-secret'), hwb: hwb.settings } };
}

/** Reads process.env; on bad configuration prints every problem and exits with status 1. */
export function readEnv(): Env {
  const result = parseEnv(process.env);
  if (result.ok) return result.env;
  console.error(`Invalid configuration:\n${result.problems.map((problem) => `  ${problem}`).join('\n')}`);
  process.exit(1);
}

/** A random secret kept in the data dir, created (mode 0600) on first start. */
export function loadOrCreateSecret(dataDir: string, name: string): string {
  const path = join(dataDir, name);
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(path, `${secret}\n`, { mode: 0o600 });
  return secret;
}
