/**
 * No socket outlives its session (SPEC S23). A socket opened by a session is closed with the
 * permanent `sessionEnded` code when the access layer ends the session (sign-out, account
 * removed: `end()`) and when the session expires. Expiry needs no sweep over every socket: one
 * timer is armed for the earliest expiry among open sockets, and when it fires the sockets are
 * scanned once, the expired closed and the timer armed for the next.
 */
import { CloseEvents } from './close-events';
import type { Connection } from './connection';

/** setTimeout's largest delay (about 24.8 days); a later expiry is reached in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface SessionScope {
  /** Session ids (`ConnectionIdentity.session.id`): every socket those sessions opened. */
  sessionIds?: readonly string[];
  /** People: every socket of theirs that a session opened (the account was removed). */
  personIds?: readonly string[];
}

export class SessionEnds {
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Number.POSITIVE_INFINITY;

  constructor(
    private readonly connections: () => Iterable<Connection>,
    private readonly now: () => number = Date.now,
  ) {}

  /** A socket was accepted: closed at once if its session has already expired, else watched. */
  watch(connection: Connection): void {
    const expiresAt = connection.identity.session?.expiresAt;
    if (expiresAt === undefined) return;
    if (expiresAt <= this.now()) connection.close(CloseEvents.sessionExpired);
    else if (expiresAt < this.timerAt) this.arm(expiresAt);
  }

  /** Closes every open socket of the sessions or people in scope; returns how many. */
  end(scope: SessionScope): number {
    const sessionIds = new Set(scope.sessionIds ?? []);
    const personIds = new Set(scope.personIds ?? []);
    let closed = 0;
    for (const connection of this.connections()) {
      const session = connection.identity.session;
      if (connection.closed || !session) continue;
      if (!sessionIds.has(session.id) && !personIds.has(connection.identity.personId)) continue;
      connection.close(CloseEvents.sessionEnded);
      closed += 1;
    }
    return closed;
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = Number.POSITIVE_INFINITY;
  }

  private arm(at: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(() => this.expire(), Math.min(MAX_TIMER_MS, Math.max(1, at - this.now())));
    this.timer.unref();
  }

  private expire(): void {
    this.timer = undefined;
    this.timerAt = Number.POSITIVE_INFINITY;
    const now = this.now();
    let next = Number.POSITIVE_INFINITY;
    for (const connection of this.connections()) {
      const expiresAt = connection.identity.session?.expiresAt;
      if (connection.closed || expiresAt === undefined) continue;
      if (expiresAt <= now) connection.close(CloseEvents.sessionExpired);
      else next = Math.min(next, expiresAt);
    }
    if (next < Number.POSITIVE_INFINITY) this.arm(next);
  }
}
