import { describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../src/domain/document';
import type { RoleAssignment } from '../src/domain/person';
import { reviewStages, stageMoveFits, teamRoleFits, type ReviewShare, type ReviewStage } from '../src/domain/reviewTeam';
import { decide, resolveAccess } from '../src/policy/decide';
import { resourceFromRecord } from '../src/policy/resource';
import { decideShareWith, decideStageMove, decideTeamChange } from '../src/policy/reviewTeam';
import { allActions, type Action, type Actor, type PolicyResource } from '../src/policy/types';

const HOST = '6742001';
const ELSEWHERE = '6612001'; // a school in another LA (Gwynedd)
const MEMBER = '6742002'; // a fellow member of the host's collaborative

const people: Record<string, RoleAssignment[]> = {
  'host-headteacher': [{ role: 'headteacher', schoolId: HOST }],
  'host-senior-leader': [{ role: 'senior-leader', schoolId: HOST }],
  'host-practitioner': [{ role: 'practitioner', schoolId: HOST }],
  'host-staff': [{ role: 'practitioner', schoolId: HOST }],
  'host-governor': [{ role: 'governor', schoolId: HOST }],
  reviewer: [{ role: 'headteacher', schoolId: ELSEWHERE }],
  'shared-person': [{ role: 'headteacher', schoolId: '6742050' }],
  'member-headteacher': [{ role: 'headteacher', schoolId: MEMBER }],
  'member-practitioner': [{ role: 'practitioner', schoolId: MEMBER }],
  convenor: [{ role: 'headteacher', schoolId: MEMBER }],
  // Every role is on the table: a convenor and a contact of the host's collaborative, by their role.
  'convenor-role': [{ role: 'convenor', collaborativeId: 'c1' }, { role: 'headteacher', schoolId: MEMBER }],
  'member-contact': [{ role: 'member-contact', collaborativeId: 'c1' }, { role: 'practitioner', schoolId: MEMBER }],
  'host-member-contact': [{ role: 'member-contact', collaborativeId: 'c1' }, { role: 'practitioner', schoolId: HOST }],
  partner: [{ role: 'la-facilitator', laCode: 674 }],
  'la-officer': [{ role: 'la-officer', laCode: 674 }],
  'other-la-officer': [{ role: 'la-officer', laCode: 661 }],
  stranger: [{ role: 'headteacher', schoolId: '6742999' }],
};
const actor = (id: string): Actor => ({ personId: id, roles: people[id] ?? [] });

const lookup = {
  school: (id: string) => ({ id, laCode: Number(id.slice(0, 3)) }) as never,
  collaborative: (id: string) => (id === 'c1' ? ({ id, memberSchoolIds: [HOST, MEMBER], convenorId: 'convenor', laFacilitatorIds: [] }) as never : undefined),
  partners: () => ['partner'],
  today: () => '2027-03-01',
};

function review(stage: ReviewStage, retainUntil: string | null, shares: ReviewShare[] = []): Extract<PolicyResource, { kind: 'peer-review' }> {
  const record: DocumentRecord = {
    id: 'peer-review:abcdef',
    kind: 'peer-review',
    owner: { type: 'school', schoolId: HOST },
    title: 'Adolygiad',
    peerReview: {
      hostSchoolId: HOST,
      reviewerIds: ['reviewer'],
      sharedWithLa: false,
      team: [{ personId: 'reviewer', role: 'lead-reviewer' }, { personId: 'host-staff', role: 'host-staff' }],
      lifecycle: { stage, retainUntil },
      shares,
    },
  };
  const resource = resourceFromRecord(record, lookup);
  if (resource?.kind !== 'peer-review') throw new Error('no resource');
  return resource;
}

const RW: Action[] = ['read', 'edit', 'comment'];
const HOST_ALL: Action[] = ['read', 'edit', 'comment', 'share', 'export', 'erase'];
/** Expected actions per person before closing, once closed, and after the retention date. */
const table: Record<string, { open: Action[]; closed: Action[]; expired: Action[] }> = {
  'host-headteacher': { open: HOST_ALL, closed: HOST_ALL, expired: HOST_ALL },
  'host-senior-leader': { open: ['read', 'edit', 'comment', 'export'], closed: ['read', 'edit', 'comment', 'export'], expired: ['read', 'edit', 'comment', 'export'] },
  'host-practitioner': { open: [], closed: [], expired: [] },
  'host-staff': { open: RW, closed: ['read'], expired: ['read'] },
  'host-governor': { open: ['read'], closed: ['read'], expired: ['read'] },
  reviewer: { open: RW, closed: ['read'], expired: [] },
  'shared-person': { open: [], closed: [], expired: [] },
  'member-headteacher': { open: [], closed: [], expired: [] },
  'member-practitioner': { open: [], closed: [], expired: [] },
  convenor: { open: [], closed: [], expired: [] },
  'convenor-role': { open: [], closed: [], expired: [] },
  'member-contact': { open: [], closed: [], expired: [] },
  'host-member-contact': { open: [], closed: [], expired: [] },
  partner: { open: [], closed: [], expired: [] },
  'la-officer': { open: [], closed: [], expired: [] },
  'other-la-officer': { open: [], closed: [], expired: [] },
  stranger: { open: [], closed: [], expired: [] },
};
const allowed = (id: string, resource: PolicyResource) => allActions.filter((a) => decide(actor(id), a, resource).allow);

describe('peer-review team and lifecycle in the policy', () => {
  it('P61: every person x every open stage: the team writes, host staff included, other practitioners not', () => {
    for (const stage of reviewStages.filter((s) => s !== 'closed')) {
      for (const [id, row] of Object.entries(table)) expect([stage, id, allowed(id, review(stage, null))]).toEqual([stage, id, row.open]);
    }
  });

  it('P62: every person once closed: the team reads, and reviewers lose it after the retention date', () => {
    for (const [id, row] of Object.entries(table)) {
      expect(['closed', id, allowed(id, review('closed', '2027-03-01'))]).toEqual(['closed', id, row.closed]);
      expect(['expired', id, allowed(id, review('closed', '2027-02-28'))]).toEqual(['expired', id, row.expired]);
    }
    expect(resolveAccess(actor('reviewer'), review('write-up', null))).toBe('editor');
    expect(resolveAccess(actor('reviewer'), review('closed', '2027-03-01'))).toBe('viewer');
    expect(decide(actor('reviewer'), 'read', review('closed', '2027-02-28')).reason).toBe('peer-review.retention-passed');
  });

  it('P63: a share with a person, a collaborative or the school\'s facilitator lets exactly them read, never write', () => {
    const shared = review('closed', '2027-03-01', [{ type: 'person', id: 'shared-person' }, { type: 'collaborative', id: 'c1' }, { type: 'facilitator', id: HOST }]);
    const readers = Object.keys(table).filter((id) => decide(actor(id), 'read', shared).allow);
    expect(readers.sort()).toEqual(['convenor', 'convenor-role', 'host-governor', 'host-headteacher', 'host-senior-leader', 'host-staff', 'member-headteacher', 'partner', 'reviewer', 'shared-person'].sort());
    for (const id of ['shared-person', 'member-headteacher', 'partner', 'convenor', 'convenor-role']) expect([id, allowed(id, shared)]).toEqual([id, ['read']]);
    // Nothing reaches the LA unless the host shares with it (P5 still).
    expect(decide(actor('la-officer'), 'read', shared).allow).toBe(false);
  });

  it('P64: only the host builds the team; reviewers from other schools in any LA, host staff from the host, one lead', () => {
    const resource = review('planning', null);
    const candidate = (id: string) => ({ personId: `new-${id}`, schoolRoles: (people[id] ?? []).flatMap((r) => ('schoolId' in r ? [{ role: r.role, schoolId: r.schoolId }] : [])), laRoles: (people[id] ?? []).flatMap((r) => ('laCode' in r ? [{ role: r.role, laCode: r.laCode }] : [])) });
    const team = [{ personId: 'reviewer', role: 'lead-reviewer' as const }];
    for (const id of Object.keys(table)) {
      const decision = decideTeamChange(actor(id), resource, { add: candidate('reviewer'), role: 'reviewer', team });
      expect([id, decision.allow]).toEqual([id, id === 'host-headteacher']);
    }
    const host = actor('host-headteacher');
    expect(decideTeamChange(host, resource, { add: candidate('host-practitioner'), role: 'host-staff', team }).allow).toBe(true);
    expect(decideTeamChange(host, resource, { add: candidate('host-practitioner'), role: 'reviewer', team }).reason).toBe('peer-review.team.reviewer-from-host');
    expect(decideTeamChange(host, resource, { add: candidate('reviewer'), role: 'host-staff', team }).reason).toBe('peer-review.team.not-host-staff');
    expect(decideTeamChange(host, resource, { add: candidate('shared-person'), role: 'lead-reviewer', team }).reason).toBe('peer-review.team.one-lead');
    expect(decideTeamChange(host, resource, { add: candidate('partner'), role: 'facilitator', team }).allow).toBe(true);
    expect(decideTeamChange(host, resource, { add: candidate('la-officer'), role: 'facilitator', team }).reason).toBe('peer-review.team.not-facilitator');
    expect(decideTeamChange(host, resource, { add: candidate('host-governor'), role: 'reviewer', team }).allow).toBe(false);
    expect(decideTeamChange(host, review('closed', '2027-03-01'), { remove: 'reviewer' }).reason).toBe('peer-review.closed');
  });

  it('P65: only the host moves the stage, forward only; closing needs a retention date from today on', () => {
    const resource = review('write-up', null);
    for (const id of Object.keys(table)) expect([id, decideStageMove(actor(id), resource, 'closed', '2027-06-01', '2027-03-01').allow]).toEqual([id, id === 'host-headteacher']);
    expect(stageMoveFits('planning', 'visit', null, '2027-03-01').fits).toBe(true);
    expect(stageMoveFits('visit', 'planning', null, '2027-03-01').reason).toBe('stage.forward-only');
    expect(stageMoveFits('write-up', 'closed', null, '2027-03-01').reason).toBe('stage.retention-needed');
    expect(stageMoveFits('write-up', 'closed', '2027-02-01', '2027-03-01').reason).toBe('stage.retention-needed');
    expect(stageMoveFits('closed', 'write-up', null, '2027-03-01').reason).toBe('stage.closed');
  });

  it('P141: planning moves on to the visit (or the write-up) only once the focus and a visit date are agreed; a review called off still closes', () => {
    const planning = review('planning', null);
    const host = actor('host-headteacher');
    expect(decideStageMove(host, planning, 'visit', null, '2027-03-01', ['focus', 'visit-dates'])).toEqual({ allow: false, reason: 'peer-review.planning-incomplete' });
    expect(decideStageMove(host, planning, 'write-up', null, '2027-03-01', ['visit-dates']).reason).toBe('peer-review.planning-incomplete');
    expect(decideStageMove(host, planning, 'visit', null, '2027-03-01', []).allow).toBe(true);
    expect(decideStageMove(host, planning, 'closed', '2027-06-01', '2027-03-01', ['focus']).allow).toBe(true);
    // Later stages never look at the planning again.
    expect(decideStageMove(host, review('visit', null), 'write-up', null, '2027-03-01', ['focus']).allow).toBe(true);
    // Whoever may not move the stage is refused as before, whatever the planning.
    for (const id of Object.keys(table)) {
      const decision = decideStageMove(actor(id), planning, 'visit', null, '2027-03-01', ['focus']);
      expect([id, decision.reason === 'peer-review.planning-incomplete']).toEqual([id, id === 'host-headteacher']);
      expect([id, decideStageMove(actor(id), planning, 'visit', null, '2027-03-01', []).allow]).toEqual([id, id === 'host-headteacher']);
    }
  });

  it('P66: only the host shares, and with a collaborative only when the host school is in it', () => {
    const resource = review('write-up', null);
    for (const id of Object.keys(table)) {
      const decision = decideShareWith(actor(id), resource, { type: 'collaborative', id: 'c1' }, { hostIsMember: true, personExists: true });
      expect([id, decision.allow]).toEqual([id, id === 'host-headteacher']);
    }
    const host = actor('host-headteacher');
    expect(decideShareWith(host, resource, { type: 'collaborative', id: 'c9' }, { hostIsMember: false, personExists: true }).reason).toBe('peer-review.share-own-collaboratives-only');
    expect(decideShareWith(host, resource, { type: 'person', id: 'ghost' }, { hostIsMember: false, personExists: false }).reason).toBe('peer-review.share-unknown-person');
  });

  it('G11: team fit is read from the candidate\'s roles, not from anything typed', () => {
    expect(teamRoleFits({ personId: 'x', schoolRoles: [], laRoles: [] }, 'reviewer', HOST, []).reason).toBe('team.reviewer-not-staff');
    expect(teamRoleFits({ personId: 'x', schoolRoles: [{ role: 'practitioner', schoolId: ELSEWHERE }], laRoles: [] }, 'reviewer', HOST, [{ personId: 'x', role: 'reviewer' }]).reason).toBe('team.already-member');
  });
});

describe('the visit activity log', () => {
  it('D31: activities are typed evidence in the write-up, listed in its JSON and its export', async () => {
    const Y = await import('yjs');
    const { initialise, peerReview, peerReviewToJson, renderMarkdown } = await import('../src/docs/index');
    const doc = new Y.Doc();
    initialise(doc, 'peer-review', { title: 'Adolygiad', hostSchoolId: HOST });
    const pr = peerReview(doc);
    pr.addActivity({ id: 'a1', kind: 'talking-with-learners', date: '2027-01-20', note: 'Grŵp o ddysgwyr Blwyddyn 5' });
    pr.addActivity({ id: 'a2', kind: 'looking-at-work', date: '', note: 'Llyfrau gwyddoniaeth' });
    pr.activitiesArray().get(1)?.set('kind', 'grading');
    expect(peerReviewToJson(doc).activities.map((a) => a.kind)).toEqual(['talking-with-learners', 'learning-walk']);
    pr.removeActivity('a2');
    const json = peerReviewToJson(doc);
    expect(json.activities).toEqual([{ id: 'a1', kind: 'talking-with-learners', date: '2027-01-20', note: 'Grŵp o ddysgwyr Blwyddyn 5' }]);
    expect(renderMarkdown(json, 'en')).toContain('Talking with learners');
  });
});
