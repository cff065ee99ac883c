import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as domain from '../src/domain/index';
import { DocumentRecord, docKindOf, newDocId } from '../src/domain/document';
import { ProgressEvaluation } from '../src/domain/improvement';
import { LaPartnership } from '../src/domain/localAuthority';
import { allDomainSchemas } from '../src/domain/schemas';
import { importReasons } from '../src/directory/reasons';
import { findLearnerDataKeys, isForbiddenKey, schemaKeyPaths } from '../src/rules/noLearnerData';
import { DOC_ID_PATTERN } from '../src/wire/constants';

describe('domain schemas', () => {
  it('M9: no domain schema has a key for learner-level or assessment data (pupil count included)', () => {
    for (const [name, schema] of Object.entries(allDomainSchemas)) {
      expect([name, findLearnerDataKeys(schema)]).toEqual([name, []]);
      expect(schemaKeyPaths(schema).length).toBeGreaterThan(0);
    }
    // The walker does find such keys, however deeply nested.
    const bad = z.object({ school: z.object({ pupils: z.number() }), learners: z.array(z.object({ learnerName: z.string(), upn: z.string() })).optional() });
    expect(findLearnerDataKeys(bad)).toEqual(['school.pupils', 'learners[].learnerName', 'learners[].upn']);
    for (const key of ['score', 'Grade', 'attainment_level', 'pupilCount', 'dateOfBirth', 'date_of_birth', 'UPN']) expect(isForbiddenKey(key)).toBe(true);
    expect(isForbiddenKey('schoolId')).toBe(false);
  });

  it('M9: every zod schema the domain exports is in the list the check walks', () => {
    const listed = new Set(Object.values(allDomainSchemas));
    const exported = Object.entries(domain).filter(([, v]) => v instanceof z.ZodObject || v instanceof z.ZodDiscriminatedUnion);
    expect(exported.length).toBeGreaterThan(10);
    for (const [name, schema] of exported) expect([name, listed.has(schema as z.ZodType)]).toEqual([name, true]);
  });

  it('M10: a partnership has two distinct LAs and a time-limited one states its end date', () => {
    const base = { id: 'p', kind: 'operational', laCodes: [674, 675], topic: { cy: 'Pontio', en: 'Transition' } };
    expect(LaPartnership.safeParse(base).success).toBe(true);
    expect(LaPartnership.safeParse({ ...base, kind: 'time-limited' }).success).toBe(false);
    expect(LaPartnership.safeParse({ ...base, kind: 'time-limited', endDate: '2027-08-31' }).success).toBe(true);
    expect(LaPartnership.safeParse({ ...base, laCodes: [674] }).success).toBe(false);
    expect(LaPartnership.safeParse({ ...base, laCodes: [674, 674] }).success).toBe(false);
    expect(LaPartnership.safeParse({ ...base, laCodes: [674, 699] }).success).toBe(false);
  });

  it('M12: every display label is bilingual, Welsh first, non-empty and not English in the Welsh slot', () => {
    const tables = Object.entries(domain).filter(([name]) => name.endsWith('Labels') || name.endsWith('Questions'));
    expect(tables.map(([n]) => n).sort()).toEqual(
      [
        'areaLabels', 'collaborativeKindLabels', 'continuumLabels', 'dialogueQuestions', 'documentKindLabels', 'enquiryQuestions',
        'evidenceKindLabels', 'judgementLabels', 'languageCategoryLabels', 'partnershipKindLabels', 'religiousCharacterLabels',
        'roleLabels', 'sectorFocusLabels', 'settingLabels', 'startingQuestions', 'structureLabels', 'trackStatusLabels',
        // The improvement cycle.
        'consultationGroupLabels', 'criterionStatusLabels', 'lastYearOutcomeLabels', 'planFindingTypeLabels', 'planSectionLabels',
        'supportChangeLabels', 'supportLevelLabels', 'supportSourceLabels', 'termNameLabels',
        // Peer reviews: the visit's activity log, the team and the stages.
        'visitActivityLabels', 'teamRoleLabels', 'reviewStageLabels',
      ].sort(),
    );
    const labels = [...tables.flatMap(([, t]) => Object.values(t as object)), ...Object.values(importReasons), ...Object.values(domain.judgementDescriptors)] as { cy: string; en: string }[];
    for (const label of labels) {
      expect(Object.keys(label)).toEqual(['cy', 'en']);
      expect(label.cy.trim().length > 0 && label.en.trim().length > 0).toBe(true);
      expect(label.cy).not.toBe(label.en);
      expect(label.cy).not.toMatch(/\b(the|and|of|with|school|is|are|we|you)\b/i);
    }
    expect(domain.areaLabels['vision-and-leadership'].cy).toBe('Arweinyddiaeth a gweledigaeth');
    expect(domain.judgementLabels.limited.cy).toBe('Cynnydd cyfyngedig');
    expect(domain.trackStatusLabels['off-track'].cy).toBe('Oddi ar y trywydd');
    expect(domain.documentKindLabels['peer-review'].cy).toBe('Adolygiad gan gymheiriaid');
  });

  it('M13: newDocId takes the caller’s randomness and gives ids that match DOC_ID_PATTERN', () => {
    const id = newDocId('peer-review', 'Ab3_xY-9qq');
    expect(id).toBe('peer-review:Ab3_xY-9qq');
    expect(DOC_ID_PATTERN.test(id)).toBe(true);
    expect(docKindOf(id)).toBe('peer-review');
    expect(docKindOf('notes:abcdefg')).toBeNull();
    expect(docKindOf('../etc/passwd')).toBeNull();
    for (const bad of ['short', 'has/slash', 'has space!', 'x'.repeat(65), '']) expect(() => newDocId('workspace', bad)).toThrow();
  });

  it('M14: documents belong to a school, a peer review to its host, a workspace to a collaborative', () => {
    const school = { type: 'school', schoolId: '6742001' } as const;
    expect(DocumentRecord.safeParse({ id: 'self-evaluation:abcdef', kind: 'self-evaluation', owner: school, title: 'T' }).success).toBe(true);
    expect(DocumentRecord.safeParse({ id: 'workspace:abcdef', kind: 'workspace', owner: school, title: 'T' }).success).toBe(false);
    expect(DocumentRecord.safeParse({ id: 'workspace:abcdef', kind: 'self-evaluation', owner: school, title: 'T' }).success).toBe(false);
    const pr = { id: 'peer-review:abcdef', kind: 'peer-review', owner: school, title: 'T' };
    expect(DocumentRecord.safeParse(pr).success).toBe(false);
    expect(DocumentRecord.safeParse({ ...pr, peerReview: { hostSchoolId: '6742001', reviewerIds: ['p'], sharedWithLa: false } }).success).toBe(true);
    expect(DocumentRecord.safeParse({ ...pr, peerReview: { hostSchoolId: '6742002', reviewerIds: ['p'], sharedWithLa: false } }).success).toBe(false);
  });

  it('M15: a progress evaluation judges progress in four steps; enhanced support is half-termly', () => {
    const base = {
      priorityId: 'p1', term: '2026-autumn', supportLevel: 'core', halfTermly: false, status: 'on-track', judgement: 'strong', risks: [], supportChanges: '', facilitatorId: 'f',
    };
    expect(ProgressEvaluation.safeParse(base).success).toBe(true);
    expect(ProgressEvaluation.safeParse({ ...base, judgement: 'excellent' }).success).toBe(false);
    expect(ProgressEvaluation.safeParse({ ...base, term: '2026-winter' }).success).toBe(false);
    expect(ProgressEvaluation.safeParse({ ...base, supportLevel: 'enhanced' }).success).toBe(false);
    expect(ProgressEvaluation.safeParse({ ...base, supportLevel: 'enhanced', halfTermly: true }).success).toBe(false);
    expect(ProgressEvaluation.safeParse({ ...base, supportLevel: 'enhanced', halfTermly: true, halfTerm: 2 }).success).toBe(true);
  });
});
