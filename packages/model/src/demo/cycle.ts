import type { Bilingual } from '../domain/bilingual';
import { newDocId } from '../domain/document';
import type { ApprovedPlan, DevelopmentPlanState } from '../domain/plan';
import { planSubject, reviewSubject, SUPPORT_LEVEL_SUBJECT, summarySubject } from '../domain/recordSubjects';
import type { ProgressReview, SupportLevelDecision } from '../domain/review';
import type { AgreedPriority } from '../domain/sharedPriorities';
import type { RecordableReview } from '../docs/reviewJson';
import { buildSummary } from '../docs/summary';
import {
  attendance2026, demoPlanState, feedback2026, leadership2025, oracy2025, oracy2026, primaryReviews2025, secondaryReviews2025,
  transition2025, wellbeing2025, type ReviewSpec,
} from './cycleContent';
import type { DemoDocument } from './documents';
import type { DemoCast } from './people';
import { randomString } from './random';

/** One agreement to write into a school's record when the demo is loaded, oldest first. */
export interface DemoAgreement {
  ownerKey: string;
  subject: string;
  state: ApprovedPlan | ReturnType<typeof buildSummary> | ProgressReview | SupportLevelDecision | AgreedPriority;
  by: string;
  label: string;
  /** Unix seconds. */
  at: number;
}

export interface DemoCycle {
  documents: DemoDocument[];
  agreements: DemoAgreement[];
  /** The demo facilitator's schools (their Improvement Partner's caseload). */
  caseloads: { facilitatorId: string; schoolIds: string[] }[];
}

const at = (date: string): number => Math.floor(Date.parse(`${date}T16:00:00Z`) / 1000);

interface CycleNames {
  cast: DemoCast;
  schoolName(id: string): Bilingual;
  personName(id: string): string;
  /** Schools of the demo LA, for the rest of the caseload. */
  laSchoolIds: readonly string[];
}

export function buildDemoCycle(n: CycleNames, random: () => number): DemoCycle {
  const { cast } = n;
  const documents: DemoDocument[] = [];
  const agreements: DemoAgreement[] = [];
  const ownerKey = (schoolId: string) => `school:${schoolId}`;

  const plan = (schoolId: string, state: DevelopmentPlanState, approval: { governor: string; meeting: string; headteacher: string; published: string }) => {
    const id = newDocId('development-plan', randomString(random));
    const withLinks: DevelopmentPlanState = { ...state, priorities: state.priorities.map((p) => (p.carriedFrom === 'previous' ? { ...p, carriedFrom: state.previousPlanId } : p)) };
    documents.push({
      record: { id, kind: 'development-plan', owner: { type: 'school', schoolId }, title: state.title },
      content: { kind: 'development-plan', state: withLinks },
      plan: { academicYear: state.academicYear, previousPlanId: state.previousPlanId },
    });
    const approved: ApprovedPlan = {
      approval: { planDocId: id, academicYear: state.academicYear, meetingDate: approval.meeting, recordedBy: approval.governor, recordedByName: n.personName(approval.governor), recordedAt: `${approval.meeting}T19:00:00.000Z` },
      plan: withLinks,
    };
    agreements.push({ ownerKey: ownerKey(schoolId), subject: planSubject(state.academicYear), state: approved, by: approval.governor, label: `Governing body approval, meeting ${approval.meeting}`, at: at(approval.meeting) });
    const summary = buildSummary(approved, n.schoolName(schoolId), `${approval.published}T10:00:00.000Z`);
    agreements.push({ ownerKey: ownerKey(schoolId), subject: summarySubject(state.academicYear), state: summary, by: approval.headteacher, label: `Published summary ${state.academicYear}`, at: at(approval.published) });
    return { id, state: withLinks };
  };

  const reviews = (schoolId: string, planned: { id: string; state: DevelopmentPlanState }, specs: ReviewSpec[], headteacher: string) => {
    for (const spec of specs) {
      const id = newDocId('progress-review', randomString(random));
      const byId = new Map(planned.state.priorities.map((p) => [p.id, p]));
      const recordable: RecordableReview = {
        reviewDocId: id, schoolId, planDocId: planned.id, term: spec.term, halfTerm: spec.halfTerm, supportLevel: 'core',
        overall: { status: spec.overall, summary: spec.summary },
        priorities: spec.priorities.map((p) => ({
          priorityId: p.id, title: byId.get(p.id)?.title ?? p.id, area: byId.get(p.id)?.area ?? 'learning-and-teaching',
          status: p.status, judgement: p.judgement, risks: p.risks, supportChanges: p.support,
        })),
      };
      const confirmedOn = spec.term.endsWith('autumn') ? `${spec.term.slice(0, 4)}-12-09` : spec.term.endsWith('spring') ? `${spec.term.slice(0, 4)}-03-24` : `${spec.term.slice(0, 4)}-07-07`;
      documents.push({
        record: { id, kind: 'progress-review', owner: { type: 'school', schoolId }, title: `Adolygiad cynnydd ${spec.term}` },
        content: { kind: 'progress-review', state: recordable, notes: 'Trafodwyd gyda’r pennaeth; tystiolaeth o deithiau dysgu a gwrando ar ddysgwyr.' },
        review: { term: spec.term, halfTerm: spec.halfTerm, planDocId: planned.id, supportLevel: 'core' },
      });
      const confirmed: ProgressReview = {
        ...recordable,
        confirmations: {
          facilitator: { personId: 'demo-facilitator', name: n.personName('demo-facilitator'), at: `${confirmedOn}T15:00:00.000Z` },
          school: { personId: headteacher, name: n.personName(headteacher), at: `${confirmedOn}T15:30:00.000Z` },
        },
      };
      agreements.push({ ownerKey: ownerKey(schoolId), subject: reviewSubject(spec.term, spec.halfTerm), state: confirmed, by: headteacher, label: `Progress review ${spec.term}`, at: at(confirmedOn) });
    }
  };

  // The demo primary: last year's plan with three confirmed reviews, then this year's plan.
  const primary2025 = plan(cast.primaryId, demoPlanState({
    schoolId: cast.primaryId, academicYear: 2025, title: 'Cynllun datblygu ysgol 2025-28', priorities: [oracy2025, wellbeing2025],
  }), { governor: 'demo-governor', meeting: '2025-10-15', headteacher: 'demo-headteacher', published: '2025-10-20' });
  reviews(cast.primaryId, primary2025, primaryReviews2025, 'demo-headteacher');
  plan(cast.primaryId, demoPlanState({
    schoolId: cast.primaryId, academicYear: 2026, title: 'Cynllun datblygu ysgol 2026-29', previousPlanId: primary2025.id,
    priorities: [oracy2026, feedback2026, attendance2026],
    lastYear: [['pri-oracy', oracy2025.title, 'partly-met', 'Mae’r fframwaith ar waith, ond mae angen cysondeb rhwng dosbarthiadau: yn parhau eleni.'], ['pri-wellbeing', wellbeing2025.title, 'met', 'Mae’r dull lles ar waith ac mae dysgwyr yn dweud eu bod yn gwybod ble i droi.']],
    strengths: [['well-being', 'Dull ysgol gyfan o gefnogi lles emosiynol, gan gynnwys amser tawel dyddiol.']],
  }), { governor: 'demo-governor', meeting: '2026-10-14', headteacher: 'demo-headteacher', published: '2026-10-19' });

  // The cluster's secondary: last year's plan and two confirmed reviews; this year's plan is still to write.
  const secondary2025 = plan(cast.secondaryId, demoPlanState({
    schoolId: cast.secondaryId, academicYear: 2025, title: 'Cynllun datblygu ysgol 2025-28', priorities: [transition2025, leadership2025],
  }), { governor: 'demo-governor-secondary', meeting: '2025-10-08', headteacher: 'demo-headteacher-secondary', published: '2025-10-13' });
  reviews(cast.secondaryId, secondary2025, secondaryReviews2025, 'demo-headteacher-secondary');

  // The convenor's school moved to enhanced support this year: half-termly reviews.
  const decision: SupportLevelDecision = {
    level: 'enhanced', from: '2026-09-01', decidedBy: 'demo-facilitator', decidedByName: n.personName('demo-facilitator'),
    reason: 'Cytunwyd gyda’r ysgol, y llywodraethwyr a’r awdurdod lleol: mae angen cymorth ychwanegol i’r arweinwyr newydd yn ystod eu blwyddyn gyntaf.',
  };
  agreements.push({ ownerKey: ownerKey(cast.convenorSchoolId), subject: SUPPORT_LEVEL_SUBJECT, state: decision, by: 'demo-facilitator', label: 'Support level: enhanced', at: at('2026-07-10') });
  agreements.sort((a, b) => a.at - b.at);

  // A caseload of sixteen: the demo cluster's schools first, then others of the LA by number.
  const first = [cast.primaryId, cast.secondaryId, cast.convenorSchoolId];
  const rest = n.laSchoolIds.filter((id) => !first.includes(id)).slice(0, 16 - first.length);
  return { documents, agreements, caseloads: [{ facilitatorId: 'demo-facilitator', schoolIds: [...first, ...rest] }] };
}
