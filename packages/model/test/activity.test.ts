import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { allRoles, type Role, type RoleAssignment } from '../src/domain/person';
import { changedSections, documentText, foldForSearch, matchesAll, searchTerms, snippetAround } from '../src/docs/documentText';
import { initialise } from '../src/docs/migrations';
import { peerReview } from '../src/docs/peerReview';
import { toPlainJson } from '../src/docs/plainJson';
import { selfEvaluation } from '../src/docs/selfEvaluation';
import { workspace } from '../src/docs/workspace';
import { activityActions, decideActivity } from '../src/policy/activity';
import { decide } from '../src/policy/decide';
import type { Actor, PolicyResource } from '../src/policy/types';

const HOST = '6742001';
const OTHER = '6742002';
function actor(role: Role, schoolId = HOST): Actor {
  const roles: RoleAssignment[] = role === 'convenor' || role === 'member-contact'
    ? [{ role, collaborativeId: 'c1' }]
    : role === 'la-facilitator' || role === 'la-officer' ? [{ role, laCode: 674 }] : [{ role, schoolId }];
  return { personId: `p-${role}`, roles };
}
const unsharedReview: PolicyResource = { kind: 'peer-review', hostSchoolId: HOST, hostLaCode: 674, reviewerIds: [], sharedWithLa: false };
const kinds: PolicyResource[] = [
  { kind: 'self-evaluation', schoolId: HOST, schoolLaCode: 674 },
  unsharedReview,
  { kind: 'workspace', collaborativeId: 'c1', memberSchoolIds: [HOST], memberLaCodes: [674], convenorId: 'p-convenor', facilitatorIds: [] },
  { kind: 'development-plan', schoolId: HOST, schoolLaCode: 674 },
  { kind: 'progress-review', schoolId: HOST, schoolLaCode: 674, partnerIds: [] },
];

describe('search and what changed: the policy', () => {
  it('P100: every activity action on every kind is allowed for every role exactly when reading is', () => {
    for (const resource of kinds) {
      for (const role of allRoles) {
        for (const a of [actor(role), actor(role, OTHER)]) {
          const read = decide(a, 'read', resource).allow;
          for (const action of activityActions) expect([resource.kind, role, action, decideActivity(a, action, resource).allow]).toEqual([resource.kind, role, action, read]);
        }
      }
    }
  });

  it('P100: an unshared peer review of another school is found by nobody there, whatever their role; once shared with a person, that person finds it', () => {
    const found = allRoles.filter((role) => decideActivity(actor(role, OTHER), 'search', unsharedReview).allow);
    // Written out: the LA roles of the host's own LA read no unshared review either (P5).
    expect(found).toEqual([]);
    expect(decideActivity(actor('headteacher', OTHER), 'search', unsharedReview)).toEqual({ allow: false, reason: 'peer-review.search-readers-only' });
    const shared: PolicyResource = { ...unsharedReview, sharedWithPersonIds: ['p-headteacher'] };
    expect(decideActivity(actor('headteacher', OTHER), 'search', shared)).toEqual({ allow: true, reason: 'peer-review.search' });
    expect(allRoles.filter((role) => decideActivity(actor(role, HOST), 'search', unsharedReview).allow)).toEqual(
      allRoles.filter((role) => decide(actor(role, HOST), 'read', unsharedReview).allow));
  });
});

function selfEval(): Y.Doc {
  const doc = new Y.Doc();
  initialise(doc, 'self-evaluation', { title: 'Hunanwerthuso 2026' });
  const section = selfEvaluation(doc).sections()[0];
  section?.answer('how-well').insert(0, 'Mae’r disgyblion yn ymateb yn dda i’r gwaith ar ddarllen yn y Gymraeg.');
  return doc;
}

describe('a document\'s text by section', () => {
  it('D50: sections are the export\'s headings in both languages, with the people\'s text under each and none of our placeholder words', () => {
    const { sections } = documentText(toPlainJson(selfEval()));
    const answered = sections.find((s) => s.text.includes('ddarllen'));
    expect(answered?.label.en).toBe('Vision and leadership › How well are we doing?');
    expect(answered?.label.cy).toBe('Arweinyddiaeth a gweledigaeth › Pa mor dda ydyn ni’n ei wneud?');
    expect(answered?.key).toBe(answered?.label.en);
    expect(sections.every((s) => !s.text.includes('None yet.'))).toBe(true);
    expect(new Set(sections.map((s) => s.key)).size).toBe(sections.length);
  });

  it('D50: a peer review\'s focus and notes are sections of their own', () => {
    const doc = new Y.Doc();
    initialise(doc, 'peer-review', { title: 'Adolygiad', hostSchoolId: HOST });
    peerReview(doc).focus().insert(0, 'Llythrennedd ym mlwyddyn 5');
    const focus = documentText(toPlainJson(doc)).sections.find((s) => s.key === 'Focus');
    expect(focus).toMatchObject({ label: { cy: 'Ffocws', en: 'Focus' }, text: 'Llythrennedd ym mlwyddyn 5' });
  });

  it('D51: folding drops case and accents, so ŵ finds w and the other way round; every term must match', () => {
    expect(foldForSearch('Ŵyl Dewi’n')).toBe("wyl dewi'n");
    expect(searchTerms('  Cymraeg   DARLLEN a ')).toEqual(['cymraeg', 'darllen']);
    const folded = foldForSearch('Ysgol Gŵyr: darllen yn y Gymraeg');
    expect(matchesAll(folded, searchTerms('gwyr darllen'))).toBe(true);
    expect(matchesAll(folded, searchTerms('gwyr rhifedd'))).toBe(false);
    expect(matchesAll(folded, [])).toBe(false);
  });

  it('D51: a snippet is the words around the match, cut at word boundaries, as plain text', () => {
    const text = `${'gair '.repeat(40)}darllen yn y Gymraeg ${'arall '.repeat(40)}`;
    const snippet = snippetAround(text, 'darllen', 20);
    expect(snippet).toMatch(/^… (gair )+darllen yn y Gymraeg( arall)+ …$/);
    expect(snippetAround('<b>darllen</b>', 'darllen')).toBe('<b>darllen</b>');
    expect(snippetAround('dim byd', 'darllen')).toBeNull();
  });

  it('D52: a workspace\'s actions, under priorities and meetings, with owner and due date', () => {
    const doc = new Y.Doc();
    initialise(doc, 'workspace', { title: 'Clwstwr' });
    const ws = workspace(doc);
    ws.addPriority({ id: 'p1', area: 'curriculum', title: 'Pontio', actions: [{ id: 'a1', description: 'Trefnu ymweliadau', ownerName: 'Siân', due: '2027-02-01', done: false }] });
    ws.addAction(ws.addMeeting({ id: 'm1', date: '2027-01-20' }).actions, { id: 'a2', description: 'Rhannu cofnodion', ownerName: 'Dafydd', due: '', done: true });
    expect(documentText(toPlainJson(doc)).actions).toEqual([
      { id: 'a1', description: 'Trefnu ymweliadau', ownerName: 'Siân', ownerPersonId: '', due: '2027-02-01', done: false, where: 'Pontio' },
      { id: 'a2', description: 'Rhannu cofnodion', ownerName: 'Dafydd', ownerPersonId: '', due: '', done: true, where: '2027-01-20' },
    ]);
  });

  it('D53: the changed sections are those whose text differs, a removed one included', () => {
    const doc = selfEval();
    const before = documentText(toPlainJson(doc)).sections;
    selfEvaluation(doc).sections()[1]?.answer('how-know').insert(0, 'Teithiau dysgu');
    const after = documentText(toPlainJson(doc)).sections;
    expect(changedSections(before, after).map((s) => s.label.en)).toEqual(['Curriculum › How do we know?']);
    expect(changedSections(before, before)).toEqual([]);
    expect(changedSections(before, after.slice(1)).map((s) => s.key)).toContain(before[0]?.key);
  });
});
