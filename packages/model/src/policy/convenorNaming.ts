import { decideConvenorChange, mayChangeConvenors } from './collaborativeChanges';
import { decideGrant, type GrantScope } from './grants';
import type { Actor, Decision } from './types';

/**
 * Naming and taking off a collaborative's convenors one at a time (P138, P139; the server's side
 * is COLLABORATIVES.md G43-G45). Who may is P114's (a convenor of it, or an officer of a member
 * school's LA); whom is P17's (a leader of a member school); a collaborative has one to four
 * convenors (M42's bound, kept after it is made). Pure: the server gathers the facts.
 */

/** The most convenors a collaborative has at once, as a proposal names at most (M42). */
export const MAX_CONVENORS = 4;

export interface ConvenorFacts {
  /** The collaborative's grant scope: its member schools and their LAs. */
  scope: Extract<GrantScope, { type: 'collaborative' }>;
  /** Everyone holding the convenor role on it now. */
  convenorIds: readonly string[];
}

export type ConvenorNaming =
  | { type: 'name'; grantee: Actor }
  | { type: 'remove'; personId: string };

function changeFacts(facts: ConvenorFacts) {
  return { collaborativeId: facts.scope.collaborativeId, convenorIds: facts.convenorIds, memberLaCodes: facts.scope.memberLaCodes };
}

/**
 * P138: may `actor` see and change the convenors at all (the screen's panel and its list)? The
 * same people P114 lets change them; a single convenor still may (naming a joint one).
 */
export function decideSeeConvenors(actor: Actor, facts: ConvenorFacts): Decision {
  return mayChangeConvenors(actor, changeFacts(facts));
}

/**
 * P138: one change to the convenors. Naming: never someone who convenes already
 * (`collaborative.already-convenor`) nor a fifth (`collaborative.too-many-convenors`), and only as
 * the grant policy allows (P17: `grant.grantee-not-member-staff` for anyone but a member school's
 * leader). Taking off: only a convenor (`collaborative.not-convenor`), never the last (P114's
 * `collaborative.last-convenor`), themselves included.
 */
export function decideConvenorNaming(actor: Actor, facts: ConvenorFacts, change: ConvenorNaming): Decision {
  const who = decideSeeConvenors(actor, facts);
  if (!who.allow) return who;
  if (change.type === 'remove') {
    if (!facts.convenorIds.includes(change.personId)) return { allow: false, reason: 'collaborative.not-convenor' };
    return decideConvenorChange(actor, changeFacts(facts), facts.convenorIds.filter((id) => id !== change.personId));
  }
  if (facts.convenorIds.includes(change.grantee.personId)) return { allow: false, reason: 'collaborative.already-convenor' };
  if (facts.convenorIds.length >= MAX_CONVENORS) return { allow: false, reason: 'collaborative.too-many-convenors' };
  const grant = decideGrant(actor, { role: 'convenor', scope: facts.scope }, change.grantee);
  return grant.allow ? who : grant;
}

/**
 * P139: the convenors an update of the whole collaborative leaves (an LA officer's edit, G44).
 * `convenorIds`, when sent, is every convenor. A body with only `convenorId` comes from a screen
 * that knows one convenor: it names the first-named (longest-standing) one, so it replaces that
 * one alone and the joint convenors stay; sending the first-named again changes nothing. A body
 * with neither names nobody, which leaves none (refused by P114).
 */
export function convenorsAfterUpdate(before: readonly string[], body: { convenorId?: string | undefined; convenorIds?: readonly string[] | undefined }): string[] {
  if (body.convenorIds !== undefined) return [...new Set(body.convenorIds)];
  if (body.convenorId === undefined) return [];
  return [...new Set([body.convenorId, ...before.slice(1)])];
}
