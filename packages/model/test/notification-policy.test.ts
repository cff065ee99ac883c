import { describe, expect, it } from 'vitest';
import { allRoles, type RoleAssignment } from '../src/domain/person';
import { NotificationKind } from '../src/domain/notification';
import { decideNotificationAccess } from '../src/policy/notifications';
import type { Actor } from '../src/policy/types';

const SCHOOL = '6744001';

/** One person holding each role, in scope of everything, plus someone with no role at all. */
function holder(role: (typeof allRoles)[number]): RoleAssignment {
  if (role === 'convenor' || role === 'member-contact') return { role, collaborativeId: 'c1' };
  if (role === 'la-facilitator' || role === 'la-officer') return { role, laCode: 674 };
  return { role, schoolId: SCHOOL };
}
const people: Record<string, RoleAssignment[]> = {
  ...Object.fromEntries(allRoles.map((role) => [role, [holder(role)]])),
  nobody: [],
};
const everyone = Object.keys(people);
const actor = (id: string): Actor => ({ personId: id, roles: people[id] ?? [] });

describe('notifications', () => {
  it('P125: a person reads and marks only their own notifications, for every role', () => {
    for (const recipient of everyone) {
      const may = everyone.filter((id) => decideNotificationAccess(actor(id), { recipientId: recipient }).allow);
      expect([recipient, may]).toEqual([recipient, [recipient]]);
      expect(decideNotificationAccess(actor(recipient), { recipientId: recipient }).reason).toBe('notification.recipient');
    }
    // An LA officer over the recipient's school, or its headteacher, still has no view of it.
    for (const id of everyone.filter((x) => x !== 'practitioner')) {
      expect([id, decideNotificationAccess(actor(id), { recipientId: 'practitioner' }).reason]).toEqual([id, 'notification.not-recipient']);
    }
  });
});

describe('notification kinds', () => {
  it('P134: a request\'s answer has a kind of its own, for the headteacher\'s answer and the LA\'s, and stays its recipient\'s alone', () => {
    for (const kind of ['membership-accepted', 'membership-declined', 'membership-la-approved', 'membership-la-declined']) {
      expect(NotificationKind.safeParse(kind).success).toBe(true);
    }
    expect(NotificationKind.safeParse('membership-answered').success).toBe(false);
    for (const id of everyone) {
      expect([id, decideNotificationAccess(actor(id), { recipientId: 'convenor' }).allow]).toEqual([id, id === 'convenor']);
    }
  });
});

describe('a convenor named', () => {
  it('P140: naming someone a convenor is a notification of its own kind, its recipient\'s alone', () => {
    expect(NotificationKind.safeParse('convenor-named').success).toBe(true);
    for (const id of everyone) {
      expect([id, decideNotificationAccess(actor(id), { recipientId: 'senior-leader' }).allow]).toEqual([id, id === 'senior-leader']);
    }
  });
});
