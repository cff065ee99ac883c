import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { buildDemoDataset, DEMO_LA_CODE } from '../src/demo/dataset';
import { seedDemoDocument } from '../src/demo/documents';
import { DATA_LICENCE_LINE, DEMO_PASSWORD, POSTCODE_ATTRIBUTION } from '../src/demo/licence';
import { toPlainJson } from '../src/docs/plainJson';
import { renderMarkdown } from '../src/docs/renderMarkdown';
import { Collaborative } from '../src/domain/collaborative';
import { DocumentRecord } from '../src/domain/document';
import { LaPartnership } from '../src/domain/localAuthority';
import { allRoles, PersonWithRoles } from '../src/domain/person';
import { School } from '../src/domain/school';
import { decide, resolveAccess } from '../src/policy/decide';
import { resourceFromRecord } from '../src/policy/resource';
import { checkStructure, structureContext } from '../src/rules/collaborativeRules';
import { coverage } from '../src/rules/coverage';
import { readData } from './fixtures';

const read = readData;
const input = {
  lasCsv: read('wales-local-authorities.csv'),
  schoolsEnCsv: read('wg-schools-maintained-2022-06.en.csv'),
  schoolsCyCsv: read('wg-schools-maintained-2022-06.cy.csv'),
  schools2026Json: read('welsh-schools-2026-04.json'),
};
const demo = buildDemoDataset(input);
const byId = new Map(demo.schools.map((s) => [s.id, s]));
const person = (id: string) => demo.people.find((p) => p.id === id);
const lookup = { school: (id: string) => byId.get(id), collaborative: (id: string) => demo.collaboratives.find((c) => c.id === id) };

describe('demo dataset', () => {
  it('M11: every demo collaborative is labelled synthetic and valid', () => {
    expect(demo.collaboratives.length).toBeGreaterThan(20);
    for (const c of demo.collaboratives) {
      expect([c.id, c.synthetic]).toEqual([c.id, true]);
      expect(Collaborative.safeParse(c).success).toBe(true);
    }
  });

  it('X2: the demo satisfies every structural rule (M1-M6)', () => {
    expect(checkStructure(demo.collaboratives, structureContext(demo.schools, demo.partnerships))).toEqual([]);
    for (const p of demo.partnerships) expect(LaPartnership.safeParse(p).success).toBe(true);
  });

  it('X2: the only coverage gaps (M7) are the primaries deliberately left out of horizontal groups', () => {
    const gaps = coverage(DEMO_LA_CODE, demo.schools, demo.collaboratives);
    expect(gaps.length).toBeGreaterThan(0);
    expect(gaps.map((g) => g.schoolId).sort()).toEqual([...demo.intendedCoverageGaps].sort());
    for (const g of gaps) {
      expect(g.missing).toEqual(['horizontal']);
      expect(byId.get(g.schoolId)?.setting).toBe('primary');
    }
  });

  it('M11: synthetic clusters give each RCT primary exactly one cluster of a compatible language medium', () => {
    const clusters = demo.collaboratives.filter((c) => c.structure === 'cluster');
    const rct = demo.schools.filter((s) => s.laCode === DEMO_LA_CODE);
    expect(clusters).toHaveLength(rct.filter((s) => ['secondary', 'all-age-3-16', 'all-age-3-19'].includes(s.setting)).length);
    for (const primary of rct.filter((s) => s.setting === 'primary')) {
      const homes = clusters.filter((c) => c.memberSchoolIds.includes(primary.id));
      expect([primary.id, homes.length]).toEqual([primary.id, 1]);
      const lead = byId.get(homes[0]?.memberSchoolIds[0] ?? '');
      expect((lead?.languageCategory === 'welsh-medium') === (primary.languageCategory === 'welsh-medium')).toBe(true);
    }
  });

  it('M5: one horizontal Welsh-medium secondary collaborative crosses LAs with its sector focus', () => {
    const wm = demo.collaboratives.find((c) => c.kind === 'horizontal' && c.sectorFocus === 'welsh-medium');
    const las = new Set(wm?.memberSchoolIds.map((id) => byId.get(id)?.laCode));
    expect([...las].sort()).toEqual([672, 674, 681]);
    for (const id of wm?.memberSchoolIds ?? []) expect(byId.get(id)?.languageCategory).toBe('welsh-medium');
    expect(demo.collaboratives.some((c) => c.kind === 'horizontal' && c.structure === 'sig')).toBe(true);
  });

  it('X4: demo schools carry no pupil numbers (M9) and validate; the demo is deterministic', () => {
    for (const s of demo.schools) expect(School.safeParse(s).success).toBe(true);
    expect(JSON.stringify(demo)).not.toMatch(/pupil/i);
    expect(buildDemoDataset(input)).toEqual(demo);
  });

  it('X1: every role has a demo person with a fixed demo email', () => {
    const held = new Set(demo.people.flatMap((p) => p.roles.map((r) => r.role)));
    for (const role of allRoles) expect([role, held.has(role)]).toEqual([role, true]);
    for (const p of demo.people) {
      expect(PersonWithRoles.safeParse(p).success).toBe(true);
      expect(p.email.endsWith('@demo.cydweithio.cymru')).toBe(true);
    }
    expect(new Set(demo.people.map((p) => p.email)).size).toBe(demo.people.length);
    expect(person('demo-headteacher')?.email).toBe('headteacher@demo.cydweithio.cymru');
    expect(person('demo-facilitator')?.roles).toEqual([{ role: 'la-facilitator', laCode: 674 }]);
    expect(person('demo-headteacher-secondary')?.roles).toEqual([{ role: 'headteacher', schoolId: demo.cast.secondaryId }]);
    expect(DEMO_PASSWORD.length).toBeGreaterThan(8);
  });

  it('X3: the demo peer review names the visiting reviewer and is not shared with the LA', () => {
    const pr = demo.documents.find((d) => d.record.kind === 'peer-review');
    expect(pr?.record.peerReview).toEqual({ hostSchoolId: demo.cast.primaryId, reviewerIds: ['demo-reviewer'], sharedWithLa: false });
    const resource = pr === undefined ? null : resourceFromRecord(pr.record, lookup);
    if (resource === null) throw new Error('no resource');
    const actor = (id: string) => ({ personId: id, roles: person(id)?.roles ?? [] });
    expect(resolveAccess(actor('demo-headteacher'), resource)).toBe('owner');
    expect(resolveAccess(actor('demo-reviewer'), resource)).toBe('editor');
    expect(decide(actor('demo-facilitator'), 'read', resource).reason).toBe('peer-review.not-shared-with-la');
    expect(resolveAccess(actor('demo-headteacher-secondary'), resource)).toBeNull();
  });

  it('X3: demo documents are valid records and seed into Y.Docs through the accessors', () => {
    expect(demo.documents.slice(0, 3).map((d) => d.record.kind)).toEqual(['self-evaluation', 'peer-review', 'workspace']);
    for (const d of demo.documents) {
      expect(DocumentRecord.safeParse(d.record).success).toBe(true);
      const doc = new Y.Doc();
      seedDemoDocument(doc, d);
      const json = toPlainJson(doc);
      expect([json.kind, json.title]).toEqual([d.record.kind, d.record.title]);
      if (json.kind === 'workspace') expect(json.priorities.map((p) => p.id)).toEqual(['priority-transition-writing', 'priority-attendance']);
      if (json.kind === 'peer-review') expect(json.participants.map((p) => p.personId)).toEqual(['demo-headteacher', 'demo-reviewer']);
      if (json.kind === 'self-evaluation') expect(json.sections[0]?.evidence).toHaveLength(2);
      if (json.kind === 'development-plan' && d.content.kind === 'development-plan') expect(json).toEqual(d.content.state);
      expect(renderMarkdown(json, 'cy').length).toBeGreaterThan(200);
    }
    const ws = demo.documents[2];
    const resource = ws === undefined ? null : resourceFromRecord(ws.record, lookup);
    if (resource === null) throw new Error('no resource');
    expect(resolveAccess({ personId: 'demo-convenor', roles: person('demo-convenor')?.roles ?? [] }, resource)).toBe('owner');
    expect(resolveAccess({ personId: 'demo-la-officer', roles: person('demo-la-officer')?.roles ?? [] }, resource)).toBe('viewer');
  });

  it('X5: the data licence and postcode attributions are the documented lines', () => {
    expect(DATA_LICENCE_LINE).toBe('Contains public sector information licensed under the Open Government Licence v3.0.');
    expect(POSTCODE_ATTRIBUTION).toContain('Contains OS data © Crown copyright and database right');
  });
});
