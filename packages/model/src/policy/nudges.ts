import type { Actor, Decision } from './types';

/**
 * P119: who may listen for change nudges (the event stream of GET /api/events, server S63).
 * Anyone signed in, whatever they hold (a person with no role yet still watches their
 * invitations on home): a nudge carries only a topic, never what changed or for whom, so
 * listening reveals nothing a person could not ask for; each card then asks its own route,
 * which answers within that person's policy. Nobody signed out.
 */
export function decideListenForNudges(actor: Actor | null): Decision {
  return actor ? { allow: true, reason: 'nudges.signed-in' } : { allow: false, reason: 'nudges.sign-in-required' };
}
