import { describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../src/domain/document';
import type { RoleAssignment, SchoolRole } from '../src/domain/person';
import { teamRoles, type ReviewStage, type TeamMember, type TeamRole } from '../src/domain/reviewTeam';
import { resourceFromRecord } from '../src/policy/resource';
import { decideTeamAcceptance, decideTeamInvitation, isMendableTeamRefusal } from '../src/policy/teamInvitations';
import type { Actor, PolicyResource } from '../src/policy/types';

const HOST = '6742001';
const ELSEWHERE = '6612001'; // a school in another LA (Gwynedd)
const hostScope = { type: 'school' as const, schoolId: HOST, laCode: 674 };

/** Every role, at the host, at another school, in a collaborative and in an LA. */
const people: Record<string, RoleAssignment[]> = {
  'host-headteacher': [{ role: 'headteacher', schoolId: HOST }],
  'host-senior-leader': [{ role: 'senior-leader', schoolId: HOST }],
  'host-practitioner': [{ role: 'practitioner', schoolId: HOST }],
  'host-governor': [{ role: 'governor', schoolId: HOST }],
  'other-headteacher': [{ role: 'headteacher', schoolId: ELSEWHERE }],
  'other-practitioner': [{ role: 'practitioner', schoolId: ELSEWHERE }],
  'other-governor': [{ role: 'governor', schoolId: ELSEWHERE }],
  convenor: [{ role: 'convenor', collaborativeId: 'c1' }],
  'member-contact': [{ role: 'member-contact', collaborativeId: 'c1' }],
  facilitator: [{ role: 'la-facilitator', laCode: 674 }],
  'la-officer': [{ role: 'la-officer', laCode: 674 }],
  nobody: [],
};
const actor = (id: string): Actor => ({ personId: id, roles: people[id] ?? [] });

const lookup = {
  school: (id: string) => ({ id, laCode: Number(id.slice(0, 3)) }) as never,
  collaborative: () => undefined,
  partners: () => [],
  today: () => '2027-03-01',
};

function review(stage: ReviewStage, team: TeamMember[] = []): Extract<PolicyResource, { kind: 'peer-review' }> {
  const record: DocumentRecord = {
    id: 'peer-review:abcdef', kind: 'peer-review', owner: { type: 'school', schoolId: HOST }, title: 'Adolygiad',
    peerReview: { hostSchoolId: HOST, reviewerIds: [], sharedWithLa: false, team, lifecycle: { stage, retainUntil: stage === 'closed' ? '2027-06-01' : null }, shares: [] },
  };
  const resource = resourceFromRecord(record, lookup);
  if (resource?.kind !== 'peer-review') throw new Error('no resource');
  return resource;
}

const asks: { teamRole: TeamRole; schoolRole: SchoolRole | null }[] = [
  { teamRole: 'host-staff', schoolRole: 'practitioner' },
  { teamRole: 'lead-reviewer', schoolRole: null },
  { teamRole: 'reviewer', schoolRole: null },
  { teamRole: 'facilitator', schoolRole: null },
];

describe('inviting people onto a peer review team by email', () => {
  it('P126: every role x every team place: only the host headteacher invites, and not once closed', () => {
    for (const id of Object.keys(people)) {
      for (const ask of asks) {
        const decision = decideTeamInvitation(actor(id), review('planning'), ask, hostScope);
        expect([id, ask.teamRole, decision.allow]).toEqual([id, ask.teamRole, id === 'host-headteacher']);
      }
    }
    const host = actor('host-headteacher');
    expect(decideTeamInvitation(host, review('closed'), asks[0]!, hostScope).reason).toBe('peer-review.closed');
    expect(decideTeamInvitation(actor('host-senior-leader'), review('planning'), asks[0]!, hostScope).reason).toBe('peer-review.host-headteacher-only');
  });

  it('P126: host staff carry a host-school role the headteacher may give; other places carry none', () => {
    const host = actor('host-headteacher');
    const planning = review('planning');
    for (const schoolRole of ['headteacher', 'senior-leader', 'practitioner', 'governor'] as const) {
      expect([schoolRole, decideTeamInvitation(host, planning, { teamRole: 'host-staff', schoolRole }, hostScope).allow]).toEqual([schoolRole, schoolRole !== 'governor']);
    }
    expect(decideTeamInvitation(host, planning, { teamRole: 'host-staff', schoolRole: 'governor' }, hostScope).reason).toBe('peer-review.invite.not-a-staff-role');
    expect(decideTeamInvitation(host, planning, { teamRole: 'host-staff', schoolRole: null }, hostScope).reason).toBe('peer-review.invite.school-role-needed');
    for (const teamRole of teamRoles.filter((r) => r !== 'host-staff')) {
      expect([teamRole, decideTeamInvitation(host, planning, { teamRole, schoolRole: 'practitioner' }, hostScope).reason]).toEqual([teamRole, 'peer-review.invite.no-school-role-elsewhere']);
    }
    // The host school's role is the host's to give; another school's is not (P16).
    const elsewhere = { type: 'school' as const, schoolId: ELSEWHERE, laCode: 661 };
    expect(decideTeamInvitation(host, planning, { teamRole: 'host-staff', schoolRole: 'practitioner' }, elsewhere).reason).toBe('grant.not-permitted');
  });

  it('P127: every accepting person x every team place: the fit is read from their roles then', () => {
    const host = actor('host-headteacher');
    const planning = review('planning');
    const expected: Record<string, TeamRole[]> = {
      // Host staff get the host-school role with the place, so anyone fits it.
      'host-headteacher': ['host-staff'],
      'host-senior-leader': ['host-staff'],
      'host-practitioner': ['host-staff'],
      'host-governor': ['host-staff'],
      'other-headteacher': ['host-staff', 'lead-reviewer', 'reviewer'],
      'other-practitioner': ['host-staff', 'lead-reviewer', 'reviewer'],
      'other-governor': ['host-staff'],
      convenor: ['host-staff'],
      'member-contact': ['host-staff'],
      facilitator: ['host-staff', 'facilitator'],
      'la-officer': ['host-staff'],
      nobody: ['host-staff'],
    };
    for (const [id, fits] of Object.entries(expected)) {
      // The host invites others; inviting oneself is P19's (self-elevation), tested in grants.
      if (id === 'host-headteacher') continue;
      const accepted = asks.filter((ask) => decideTeamAcceptance(host, planning, ask, hostScope, actor(id), []).allow).map((a) => a.teamRole);
      expect([id, accepted.sort()]).toEqual([id, [...fits].sort()]);
    }
    const reason = (id: string, teamRole: TeamRole, team: TeamMember[] = []) => decideTeamAcceptance(host, review('planning', team), { teamRole, schoolRole: null }, hostScope, actor(id), team).reason;
    expect(reason('nobody', 'reviewer')).toBe('peer-review.team.reviewer-not-staff');
    expect(reason('host-practitioner', 'reviewer')).toBe('peer-review.team.reviewer-from-host');
    expect(reason('la-officer', 'facilitator')).toBe('peer-review.team.not-facilitator');
    expect(reason('other-headteacher', 'lead-reviewer', [{ personId: 'x', role: 'lead-reviewer' }])).toBe('peer-review.team.one-lead');
  });

  it('P127: the inviter must still be the host, and the review still open, when the link is used', () => {
    const ask = { teamRole: 'reviewer' as const, schoolRole: null };
    expect(decideTeamAcceptance(actor('host-practitioner'), review('planning'), ask, hostScope, actor('other-headteacher'), []).allow).toBe(false);
    expect(decideTeamAcceptance(actor('host-headteacher'), review('closed'), ask, hostScope, actor('other-headteacher'), []).reason).toBe('peer-review.closed');
  });

  it('P128: a missing role of the person accepting can be mended and keeps the link; the inviter\'s lost right cannot', () => {
    for (const reason of ['peer-review.team.reviewer-not-staff', 'peer-review.team.not-facilitator', 'peer-review.team.one-lead']) expect([reason, isMendableTeamRefusal(reason)]).toEqual([reason, true]);
    for (const reason of ['peer-review.closed', 'peer-review.host-headteacher-only', 'grant.not-permitted', 'peer-review.team.already-member', 'peer-review.team.reviewer-from-host']) expect([reason, isMendableTeamRefusal(reason)]).toEqual([reason, false]);
  });
});
