/**
 * Everything the access routes and the connection authorizer share, built once per layer.
 * Routes receive this bundle instead of reaching for globals, so a test can build a layer over
 * a temporary database with a fake clock and no sync core.
 */
import { AuditLog } from '../audit/audit-log';
import { PasswordIdentityProvider, type IdentityProvider } from '../auth/identity-provider';
import { defaultScryptParams, type ScryptParams } from '../auth/password';
import { defaultSignInThrottle, SignInThrottle, type SignInThrottleOptions } from '../auth/sign-in-throttle';
import { defaultSessionTtlMs, SessionStore } from '../auth/session-store';
import { DirectoryQueries } from '../directory/directory-queries';
import { Invitations } from '../directory/invitations';
import { DirectoryWrites } from '../directory/directory-writes';
import { RoleGrants } from '../directory/role-grants';
import { CommentStore } from '../comments/comment-store';
import { NotificationStore } from '../notifications/notification-store';
import { ActionReminderStore } from '../notifications/action-reminder-store';
import { ActivityStore } from '../activity/activity-store';
import { CycleStore } from '../cycle/cycle-store';
import { ConveningStore } from '../directory/convening-store';
import { DocumentRegistry } from './document-registry';
import { makeOriginCheck, type OriginCheck } from './origin';
import type { Sql } from '../db/sql';
import { createHwbServices, type HwbServices } from '../auth/hwb/hwb-services';
import type { HwbClient } from '../auth/hwb/hwb-client';
import type { FeedSource } from '../activity/feed';
import { silentLogger, systemClock, type AccessLogger, type Clock, type RecordControl, type SyncControl } from './context';

export interface AccessLayerOptions {
  /** The database every store of the layer runs its queries on (db/sql.ts). */
  sql: Sql;
  /** The started sync core; absent in route tests and before the server is assembled. */
  sync?: SyncControl;
  /** The record layer; without it agreeing and reading records answer server.unavailable. */
  records?: RecordControl;
  clock?: Clock;
  logger?: AccessLogger;
  /** Public origins of the web app allowed to call the API and open sockets (besides the server's own). */
  allowedOrigins?: readonly string[];
  /** Base URL invitation links point at, e.g. https://cydweithio.example; default: the request's origin. */
  publicUrl?: string;
  /** Force the Secure cookie flag; default: set when the request came over https. */
  secureCookies?: boolean;
  /** Read the client address from X-Forwarded-For and TLS from X-Forwarded-Proto (only behind a proxy that sets them). */
  trustProxy?: boolean;
  /** Sign-in throttling (A83); default defaultSignInThrottle. */
  signInThrottle?: SignInThrottleOptions;
  scryptParams?: ScryptParams;
  /** Accept sign-in to the demo accounts (public password). Only when the server runs the demo. */
  demoMode?: boolean;
  sessionTtlMs?: number;
  invitationTtlMs?: number;
  /** Sign in with Hwb (IDENTITY.md): the started OpenID Connect client, when configured. */
  hwb?: HwbClient;
  /** More of the home feed than changes and actions (mentions): see activity/feed.ts. */
  feedSources?: readonly FeedSource[];
}

export interface AccessServices {
  sql: Sql;
  sync: SyncControl | undefined;
  records: RecordControl | undefined;
  clock: Clock;
  logger: AccessLogger;
  sessions: SessionStore;
  identity: IdentityProvider;
  directory: DirectoryQueries;
  directoryWrites: DirectoryWrites;
  audit: AuditLog;
  invitations: Invitations;
  /** Role assignments with who granted them, for the access screen and removals (A65). */
  roleGrants: RoleGrants;
  registry: DocumentRegistry;
  comments: CommentStore;
  /** In-app notifications and the email outbox (A140-A144). */
  notifications: NotificationStore;
  /** Which action reminders were sent, once each (A149). */
  actionReminders: ActionReminderStore;
  /** Proposals of collaboratives, the LAs' decisions, membership requests and history (G20-G34). */
  convening: ConveningStore;
  /** Search text, section changes and looks, derived from the update log (A120-A126). */
  activity: ActivityStore;
  /** The improvement cycle's plans, reviews, confirmations and caseloads (CYCLE.md). */
  cycle: CycleStore;
  /** Sign-in attempts per (account, address) and per address, with backoff (A3, A83). */
  signInThrottle: SignInThrottle;
  /** Whether an Origin may use the API and sockets (A4, A8). */
  originAllowed: OriginCheck;
  /** Sign in with Hwb, when configured (IDENTITY.md). */
  hwb: HwbServices | undefined;
  /** False when the deployment is Hwb only: no password is checked or set (H20). */
  passwordSignIn: boolean;
  options: {
    publicUrl: string | undefined;
    secureCookies: boolean | undefined;
    trustProxy: boolean;
    scryptParams: ScryptParams;
    invitationTtlMs: number;
  };
}

/** A week: long enough for a headteacher to find the email, short enough to not linger. */
export const defaultInvitationTtlMs = 7 * 24 * 60 * 60 * 1000;

export function createAccessServices(options: AccessLayerOptions): AccessServices {
  const clock = options.clock ?? systemClock;
  const scryptParams = options.scryptParams ?? defaultScryptParams;
  return {
    sql: options.sql,
    sync: options.sync,
    records: options.records,
    clock,
    logger: options.logger ?? silentLogger,
    sessions: new SessionStore(options.sql, clock, options.sessionTtlMs ?? defaultSessionTtlMs),
    identity: new PasswordIdentityProvider(options.sql, scryptParams, options.demoMode ?? false),
    directory: new DirectoryQueries(options.sql),
    directoryWrites: new DirectoryWrites(options.sql),
    audit: new AuditLog(options.sql, clock),
    registry: new DocumentRegistry(options.sql, clock),
    comments: new CommentStore(options.sql, clock),
    notifications: new NotificationStore(options.sql, clock),
    actionReminders: new ActionReminderStore(options.sql, clock),
    activity: new ActivityStore(options.sql, clock),
    cycle: new CycleStore(options.sql, clock),
    convening: new ConveningStore(options.sql, clock),
    invitations: new Invitations(options.sql, clock, options.invitationTtlMs ?? defaultInvitationTtlMs),
    signInThrottle: new SignInThrottle(options.signInThrottle ?? defaultSignInThrottle, clock),
    roleGrants: new RoleGrants(options.sql),
    originAllowed: makeOriginCheck(options.allowedOrigins ?? [], options.publicUrl),
    hwb: options.hwb ? createHwbServices(options.sql, clock, options.hwb) : undefined,
    passwordSignIn: !(options.hwb?.settings.hwbOnly ?? false),
    options: {
      publicUrl: options.publicUrl,
      // Behind a TLS proxy the server sees http: an https public URL still means Secure cookies.
      secureCookies: options.secureCookies ?? (options.publicUrl?.startsWith('https:') ? true : undefined),
      trustProxy: options.trustProxy ?? false,
      scryptParams,
      invitationTtlMs: options.invitationTtlMs ?? defaultInvitationTtlMs,
    },
  };
}
