/**
 * A peer review's strengths published to a collaborative (M47, M48, P130-P132, D61-D63): who
 * publishes, refreshes and withdraws, who reads the extract, and what the copy carries.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { DocumentRecord } from '../src/domain/document';
import type { RoleAssignment } from '../src/domain/person';
import { copyStrengths, reviewExtract, reviewExtractToJson, safeStrengths } from '../src/docs/reviewExtract';
import { initialise } from '../src/docs/migrations';
import { peerReview } from '../src/docs/peerReview';
import { richTextToJson, setParagraphs, setRichText } from '../src/docs/richText';
import { toPlainJson } from '../src/docs/plainJson';
import { creatableSchoolKinds } from '../src/policy/creation';
import { decide, resolveAccess } from '../src/policy/decide';
import { decideManage } from '../src/policy/manage';
import { resourceFromRecord } from '../src/policy/resource';
import { decidePublishExtract } from '../src/policy/reviewTeam';
import { allActions, type Actor, type PolicyResource } from '../src/policy/types';

const HOST = '6742001';
const MEMBER = '6742002';

const people: Record<string, RoleAssignment[]> = {
  'host-headteacher': [{ role: 'headteacher', schoolId: HOST }],
  'host-senior-leader': [{ role: 'senior-leader', schoolId: HOST }],
  'host-practitioner': [{ role: 'practitioner', schoolId: HOST }],
  'host-governor': [{ role: 'governor', schoolId: HOST }],
  reviewer: [{ role: 'headteacher', schoolId: '6612001' }],
  'member-headteacher': [{ role: 'headteacher', schoolId: MEMBER }],
  'member-senior-leader': [{ role: 'senior-leader', schoolId: MEMBER }],
  'member-practitioner': [{ role: 'practitioner', schoolId: MEMBER }],
  'member-governor': [{ role: 'governor', schoolId: MEMBER }],
  'member-contact': [{ role: 'member-contact', collaborativeId: 'c1' }],
  convenor: [{ role: 'convenor', collaborativeId: 'c1' }],
  'other-convenor': [{ role: 'convenor', collaborativeId: 'c2' }],
  partner: [{ role: 'la-facilitator', laCode: 674 }],
  'la-officer': [{ role: 'la-officer', laCode: 674 }],
  stranger: [{ role: 'headteacher', schoolId: '6742999' }],
};
const actor = (id: string): Actor => ({ personId: id, roles: people[id] ?? [] });

const lookup = {
  school: (id: string) => ({ id, laCode: Number(id.slice(0, 3)) }) as never,
  collaborative: (id: string) => (id === 'c1' ? ({ id, memberSchoolIds: [HOST, MEMBER], convenorId: 'convenor', laFacilitatorIds: ['partner'] }) as never : undefined),
  partners: () => ['partner'],
};

const reviewRecord: DocumentRecord = {
  id: 'peer-review:abcdef', kind: 'peer-review', owner: { type: 'school', schoolId: HOST }, title: 'Adolygiad',
  peerReview: { hostSchoolId: HOST, reviewerIds: ['reviewer'], sharedWithLa: true, lifecycle: { stage: 'closed', retainUntil: '2030-01-01' } },
};
const extractRecord: DocumentRecord = {
  id: 'review-extract:abcdef', kind: 'review-extract', owner: { type: 'school', schoolId: HOST }, title: 'Adolygiad',
  reviewExtract: { hostSchoolId: HOST, fromReviewId: 'peer-review:abcdef', collaborativeId: 'c1' },
};
const reviewResource = resourceFromRecord(reviewRecord, lookup) as Extract<PolicyResource, { kind: 'peer-review' }>;
const extractResource = resourceFromRecord(extractRecord, lookup) as PolicyResource;

/** By hand: what each person may do to the extract (P130) and whether they publish (P132). */
const expected: Record<string, { extract: string; publish: boolean; manage: boolean }> = {
  'host-headteacher': { extract: 'read edit comment share export erase', publish: true, manage: true },
  'host-senior-leader': { extract: 'read edit comment export', publish: false, manage: true },
  'host-practitioner': { extract: '', publish: false, manage: false },
  'host-governor': { extract: '', publish: false, manage: false },
  reviewer: { extract: '', publish: false, manage: false },
  'member-headteacher': { extract: 'read', publish: false, manage: false },
  'member-senior-leader': { extract: 'read', publish: false, manage: false },
  'member-practitioner': { extract: '', publish: false, manage: false },
  'member-governor': { extract: '', publish: false, manage: false },
  'member-contact': { extract: '', publish: false, manage: false },
  convenor: { extract: 'read', publish: false, manage: false },
  'other-convenor': { extract: '', publish: false, manage: false },
  partner: { extract: '', publish: false, manage: false },
  'la-officer': { extract: '', publish: false, manage: false },
  stranger: { extract: '', publish: false, manage: false },
};

describe('review extracts', () => {
  for (const [id, want] of Object.entries(expected)) {
    it(`P130, P131, P132: ${id} may do to the extract exactly: ${want.extract || 'nothing'}; ${want.publish ? 'publishes' : 'does not publish'}`, () => {
      const who = actor(id);
      expect(allActions.filter((a) => decide(who, a, extractResource).allow).join(' ')).toBe(want.extract);
      for (const action of ['publish', 'refresh', 'withdraw'] as const) {
        expect(decidePublishExtract(who, reviewResource, { hostIsMember: true, action }).allow, action).toBe(want.publish);
      }
      expect(decideManage(who, 'archive', extractResource).allow).toBe(want.manage);
    });
  }

  it('P132: the host publishes only to a collaborative its school is in, and still withdraws from one it left', () => {
    const host = actor('host-headteacher');
    expect(decidePublishExtract(host, reviewResource, { hostIsMember: false, action: 'publish' })).toEqual({ allow: false, reason: 'peer-review.share-own-collaboratives-only' });
    expect(decidePublishExtract(host, reviewResource, { hostIsMember: false, action: 'refresh' }).allow).toBe(false);
    expect(decidePublishExtract(host, reviewResource, { hostIsMember: false, action: 'withdraw' }).allow).toBe(true);
    expect(decidePublishExtract(actor('host-senior-leader'), reviewResource, { hostIsMember: true, action: 'publish' }).reason).toBe('peer-review.host-headteacher-only');
    expect(decidePublishExtract(actor('stranger'), reviewResource, { hostIsMember: true, action: 'publish' }).reason).toBe('peer-review.no-access');
  });

  it('P130: nobody agrees an extract into a record (K9); members read it as viewers; an unknown collaborative leaves it to its owners', () => {
    expect(decide(actor('host-headteacher'), 'agree', extractResource)).toEqual({ allow: false, reason: 'review-extract.never-recorded' });
    expect(resolveAccess(actor('member-headteacher'), extractResource)).toBe('viewer');
    expect(resolveAccess(actor('host-headteacher'), extractResource)).toBe('owner');
    const orphan = resourceFromRecord({ ...extractRecord, reviewExtract: { ...extractRecord.reviewExtract!, collaborativeId: 'gone' } }, lookup)!;
    expect(resolveAccess(actor('member-headteacher'), orphan)).toBeNull();
    expect(resolveAccess(actor('host-headteacher'), orphan)).toBe('owner');
  });

  it('M47: an extract carries where it came from, is owned by the host school and is never offered to create', () => {
    expect(DocumentRecord.safeParse(extractRecord).success).toBe(true);
    expect(DocumentRecord.safeParse({ ...extractRecord, reviewExtract: undefined }).success).toBe(false);
    expect(DocumentRecord.safeParse({ ...extractRecord, owner: { type: 'school', schoolId: MEMBER } }).success).toBe(false);
    expect(DocumentRecord.safeParse({ ...extractRecord, reviewExtract: { ...extractRecord.reviewExtract!, fromReviewId: 'workspace:abcdef' } }).success).toBe(false);
    expect(creatableSchoolKinds(actor('host-headteacher'), { id: HOST, laCode: 674 })).not.toContain('review-extract');
  });

  it('M48: closing the review does not touch the extract: its readers are the collaborative\'s, whatever the stage', () => {
    expect(reviewResource.stage).toBe('closed');
    expect(decide(actor('member-headteacher'), 'read', extractResource).allow).toBe(true);
    expect(decidePublishExtract(actor('host-headteacher'), reviewResource, { hostIsMember: true, action: 'refresh' }).allow).toBe(true);
  });

  function writtenReview(): Y.Doc {
    const doc = new Y.Doc();
    initialise(doc, 'peer-review', { title: 'Adolygiad', hostSchoolId: HOST });
    const pr = peerReview(doc);
    pr.focus().insert(0, 'Darllen yn y cyfnod sylfaen');
    setParagraphs(pr.section('notes'), ['Nodiadau cyfrinachol']);
    setParagraphs(pr.section('nextSteps'), ['Camau nesaf']);
    setRichText(pr.section('strengths'), [
      { type: 'paragraph', content: [{ type: 'text', text: 'Cryfder', marks: ['strong'] }, { type: 'text', text: ' gweler', marks: ['link'], href: 'https://hwb.gov.wales' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'drwg', marks: ['link'], href: 'javascript:alert(1)' }] },
      { type: 'script', content: [{ type: 'text', text: 'testun' }] },
    ]);
    pr.addParticipant({ personId: 'reviewer', name: 'Rhiannon', schoolName: 'Ysgol', role: 'reviewer' });
    return doc;
  }

  it('D61: the copy holds the focus and strengths only; an unsafe link keeps its text, unlinked; an unknown node keeps its text', () => {
    const review = writtenReview();
    const extract = new Y.Doc();
    initialise(extract, 'review-extract', { title: 'Adolygiad', extract: { hostSchoolId: HOST, fromReviewId: 'peer-review:abcdef', collaborativeId: 'c1' } });
    copyStrengths(review, extract);
    const json = reviewExtractToJson(extract);
    expect(toPlainJson(extract)).toEqual(json);
    expect(json.focus).toBe('Darllen yn y cyfnod sylfaen');
    expect(json).toMatchObject({ fromReviewId: 'peer-review:abcdef', collaborativeId: 'c1', hostSchoolId: HOST });
    expect(json.strengths).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'Cryfder', marks: ['strong'] }, { type: 'text', text: ' gweler', marks: ['link'], href: 'https://hwb.gov.wales' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'drwg' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'testun' }] },
    ]);
    const text = JSON.stringify(extract.toJSON());
    expect(text).not.toContain('cyfrinachol');
    expect(text).not.toContain('Camau nesaf');
    expect(text).not.toContain('Rhiannon');
    expect(text).not.toContain('javascript');
  });

  it('D63: a refresh replaces what the extract held with the review\'s strengths now, in one change', () => {
    const review = writtenReview();
    const extract = new Y.Doc();
    initialise(extract, 'review-extract', { title: 'Adolygiad', extract: { hostSchoolId: HOST, fromReviewId: 'peer-review:abcdef', collaborativeId: 'c1' } });
    copyStrengths(review, extract);
    setParagraphs(peerReview(review).section('strengths'), ['Cryfder newydd']);
    let changes = 0;
    extract.on('afterTransaction', () => { changes += 1; });
    copyStrengths(review, extract);
    expect(changes).toBe(1);
    expect(richTextToJson(reviewExtract(extract).strengths())).toEqual([{ type: 'paragraph', content: [{ type: 'text', text: 'Cryfder newydd' }] }]);
  });

  it('P131: the host school\'s leaders archive or rename an extract; the convenor and members who read it do not', () => {
    for (const id of ['host-headteacher', 'host-senior-leader']) expect(decideManage(actor(id), 'archive', extractResource).allow).toBe(true);
    for (const id of ['convenor', 'member-headteacher']) expect(decideManage(actor(id), 'rename', extractResource)).toEqual({ allow: false, reason: 'review-extract.manage-owner-only' });
  });

  it('D62: an image is copied only from the app\'s own origin', () => {
    const nodes = safeStrengths([{ type: 'paragraph', content: [
      { type: 'image', attrs: { src: 'https://tracker.example/p.gif' }, content: [] },
      { type: 'image', attrs: { src: '/files/a.png', alt: 'llun' }, content: [] },
    ] }]);
    expect(nodes).toEqual([{ type: 'paragraph', content: [{ type: 'image', attrs: { src: '/files/a.png', alt: 'llun' }, content: [] }] }]);
  });
});
