import * as z from 'zod/mini';
import { Name } from './schemas';

/**
 * Client shapes of the improvement cycle's answers (CYCLE.md, RECORDS.md K10-K15). Lenient like
 * the others: only what the screens show is required.
 */
const Period = z.looseObject({ term: z.string(), halfTerm: z.nullable(z.number()), start: z.optional(z.string()), end: z.optional(z.string()), state: z.string() });
export type Period = z.infer<typeof Period>;

export const SchoolCycle = z.looseObject({
  school: z.looseObject({ id: z.string(), name: Name, setting: z.nullish(z.string()), laCode: z.optional(z.number()) }),
  academicYear: z.number(),
  supportLevel: z.enum(['core', 'enhanced']),
  decisions: z._default(z.array(z.looseObject({
    level: z.string(), reason: z.string(), from: z.string(), decidedByName: z.string(),
    atReview: z.optional(z.looseObject({ term: z.string(), halfTerm: z.nullable(z.number()) })),
  })), []),
  /** E22: the policy's answer (P40) to whether this reader may record a change; the server decides again. */
  mayChangeLevel: z._default(z.boolean(), false),
  plans: z._default(z.array(z.looseObject({
    docId: z.string(), academicYear: z.number(), published: z.boolean(),
    approved: z.nullish(z.looseObject({ meetingDate: z.string(), by: z.string() })),
  })), []),
  summary: z.nullish(z.looseObject({ academicYear: z.number(), address: z.string() })),
  reviews: z._default(z.array(z.looseObject({ docId: z.string(), term: z.string(), halfTerm: z.nullable(z.number()), confirmed: z.boolean() })), []),
  schedule: z._default(z.array(Period), []),
});
export type SchoolCycle = z.infer<typeof SchoolCycle>;

export const Caseload = z.looseObject({ facilitatorId: z.string(), today: z.string(), schools: z.array(SchoolCycle) });
export type Caseload = z.infer<typeof Caseload>;

export const RecordVersion = z.looseObject({ hash: z.string(), subject: z.string(), by: z.string(), byName: z.nullish(z.string()), label: z.string(), at: z.number() });
export type RecordVersion = z.infer<typeof RecordVersion>;
export const RecordVersions = z.looseObject({ ownerKey: z.string(), versions: z.array(RecordVersion) });

export const SubjectState = z.looseObject({ subject: z.string(), at: z.nullable(z.string()), state: z.unknown() });
export type SubjectState = z.infer<typeof SubjectState>;

export const PriorityPoints = z.looseObject({
  priorityId: z.string(),
  points: z.array(z.looseObject({ term: z.string(), halfTerm: z.nullable(z.number()), status: z.string(), judgement: z.string() })),
});
export type PriorityPoints = z.infer<typeof PriorityPoints>;

export const Confirmations = z.looseObject({
  gaps: z._default(z.array(z.string()), []),
  agreed: z.boolean(),
  contentHash: z.nullable(z.string()),
  confirmations: z._default(z.array(z.looseObject({ side: z.enum(['facilitator', 'school']), personId: z.string(), name: z.string(), current: z.boolean() })), []),
});
export type Confirmations = z.infer<typeof Confirmations>;

export const Created = z.looseObject({ id: z.string() });
