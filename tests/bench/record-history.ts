/**
 * Five years of one school's improvement cycle as the agreements that made its record (CYCLE.md
 * E21, RECORDS.md K17): each year the governors' approval of an eight-priority plan and its
 * published summary, three confirmed termly reviews of all eight priorities (15 terms x 8
 * priorities) and the termly evaluations of A36 for each priority. Shared by bench:records and
 * the record layer's test of the diff on a long history, so both use the same record.
 */
import { buildSummary } from '@cydweithio/model/docs/summary';
import { demoPlanState, type PrioritySpec } from '@cydweithio/model/demo/cycleContent';
import type { ApprovedPlan } from '@cydweithio/model/domain/plan';
import type { ProgressReview } from '@cydweithio/model/domain/review';
import { planSubject, reviewSubject, summarySubject } from '@cydweithio/model/domain/recordSubjects';
import type { AgreementMeta, RecordValue } from '@cydweithio/sync-server/records/record-doc';

export const YEARS = [2021, 2022, 2023, 2024, 2025];
export const PRIORITIES = 8;
const areas = ['vision-and-leadership', 'curriculum', 'learning-and-teaching', 'well-being'] as const;
const judgements = ['very-good', 'strong', 'satisfactory', 'limited'] as const;

export interface Agreement { subject: string; state: RecordValue; meta: AgreementMeta }

function priority(year: number, i: number): PrioritySpec {
  const words = 'Datblygu llafaredd a darllen ar draws y cwricwlwm gyda chefnogaeth gan deuluoedd a’r gymuned leol. '.repeat(3);
  return {
    id: `pri-${i}`, area: areas[i % areas.length]!, title: `Blaenoriaeth ${i + 1} (${year})`, outcomes: words,
    criteria: [[`Maen prawf cyntaf ${i}`, 'in-progress'], [`Ail faen prawf ${i}`, 'not-started'], [`Trydydd maen prawf ${i}`, 'met']],
    actions: [[`Cam un ${i}`, 'Pennaeth cynorthwyol', `${year}-11-30`, false], [`Cam dau ${i}`, 'Arweinydd y maes', `${year + 1}-02-28`, false], [`Cam tri ${i}`, 'Pob athro', `${year + 1}-06-30`, true]],
    milestones: [[`Carreg filltir ${i}`, `${year + 1}-03-31`, false], [`Ail garreg filltir ${i}`, `${year + 1}-07-15`, false]],
    support: [{ id: `sup-${i}`, source: 'la', provider: 'Tîm gwella’r awdurdod', description: words.slice(0, 120), days: 2 }],
    yearTwo: words.slice(0, 200), yearThree: words.slice(0, 150),
  };
}

function review(schoolId: string, planDocId: string, year: number, term: string, t: number): ProgressReview {
  return {
    reviewDocId: `progress-review:bench${year}${t}`, schoolId, planDocId, term, halfTerm: null, supportLevel: 'core',
    overall: { status: t % 2 === 0 ? 'on-track' : 'off-track', summary: 'Cynnydd cyson yn y rhan fwyaf o feysydd; angen mwy o gysondeb mewn dau faes.' },
    priorities: Array.from({ length: PRIORITIES }, (_, i) => ({
      priorityId: `pri-${i}`, title: `Blaenoriaeth ${i + 1} (${year})`, area: areas[i % areas.length]!,
      status: (i + t) % 3 === 0 ? 'off-track' : 'on-track', judgement: judgements[(i + t) % 4]!,
      risks: ['Amser staff', 'Newidiadau staffio'], supportChanges: [{ change: 'changed', source: 'school', provider: 'Ysgol bartner', description: 'Rhannu arfer', days: 1 }],
    })),
    confirmations: { facilitator: { personId: 'demo-facilitator', name: 'Catrin Lewis', at: `${year}-12-09T15:00:00.000Z` }, school: { personId: 'x', name: 'Pennaeth', at: `${year}-12-09T15:30:00.000Z` } },
  };
}

const at = (date: string) => Math.floor(Date.parse(`${date}T16:00:00Z`) / 1000);

/** The 145 agreements, oldest first: 5 plans, 5 summaries, 15 reviews and 120 termly evaluations. */
export function fiveYearsOfAgreements(schoolId: string, schoolName: Parameters<typeof buildSummary>[1]): Agreement[] {
  const out: Agreement[] = [];
  for (const year of YEARS) {
    const planDocId = `development-plan:bench${year}`;
    const state = demoPlanState({ schoolId, academicYear: year, title: `Cynllun datblygu ysgol ${year}`, priorities: Array.from({ length: PRIORITIES }, (_, i) => priority(year, i)) });
    const approved: ApprovedPlan = { approval: { planDocId, academicYear: year, meetingDate: `${year}-10-14`, recordedBy: 'demo-governor', recordedByName: 'Llywodraethwr', recordedAt: `${year}-10-14T19:00:00.000Z` }, plan: state };
    out.push({ subject: planSubject(year), state: approved as unknown as RecordValue, meta: { by: 'demo-governor', label: `Governing body approval ${year}`, at: at(`${year}-10-14`) } });
    out.push({ subject: summarySubject(year), state: buildSummary(approved, schoolName, `${year}-10-20T10:00:00.000Z`) as unknown as RecordValue, meta: { by: 'demo-headteacher', label: `Published summary ${year}`, at: at(`${year}-10-20`) } });
    const terms = [`${year}-autumn`, `${year + 1}-spring`, `${year + 1}-summer`];
    for (const [t, term] of terms.entries()) {
      const r = review(schoolId, planDocId, year, term, t);
      const date = `${year + (t === 0 ? 0 : 1)}-0${t === 0 ? 9 : t === 1 ? 3 : 7}`;
      out.push({ subject: reviewSubject(term, null), state: r as unknown as RecordValue, meta: { by: 'demo-headteacher', label: `Progress review ${term}`, at: at(`${date}-20`) } });
      for (const p of r.priorities) {
        const evaluation = { schoolId, priorityId: p.priorityId, term, status: p.status, judgement: p.judgement, summary: 'Cynnydd yn unol â’r cynllun.' };
        out.push({ subject: `termly:${term}:${p.priorityId}`, state: evaluation, meta: { by: 'demo-facilitator', label: `Termly evaluation ${term}`, at: at(`${date}-21`) } });
      }
    }
  }
  return out;
}
