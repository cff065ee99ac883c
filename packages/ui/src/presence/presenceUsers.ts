import type { PresenceUser } from '../sync/createDocConnection';

export interface PresentPerson extends PresenceUser {
  isMe: boolean;
}

/**
 * One entry per person from raw awareness states (a person with two tabs shows once); the
 * local person first, then by name. Pure, so it is unit-tested.
 */
export function makePresentPeople(states: Map<number, Record<string, unknown>>, localClientId: number): PresentPerson[] {
  const byPerson = new Map<string, PresentPerson>();
  for (const [clientId, state] of states) {
    const user = state['user'] as Partial<PresenceUser> | undefined;
    if (!user || typeof user.name !== 'string') continue;
    const personId = typeof user.personId === 'string' ? user.personId : `client-${clientId}`;
    const isMe = clientId === localClientId;
    const existing = byPerson.get(personId);
    if (existing) {
      existing.isMe ||= isMe;
      continue;
    }
    byPerson.set(personId, { personId, name: user.name, role: user.role, schoolName: user.schoolName, isMe });
  }
  return [...byPerson.values()].sort((a, b) => Number(b.isMe) - Number(a.isMe) || a.name.localeCompare(b.name, 'cy'));
}
