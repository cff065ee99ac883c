import type { Area } from '../domain/improvement';
import { brokeredSubject, type BrokeredSupport, type ItemThemes, type ThemeTag } from '../domain/laPicture';
import type { ApprovedPlan, DevelopmentPlanState, PlanPriority } from '../domain/plan';
import { planSubject, reviewSubject } from '../domain/recordSubjects';
import type { ProgressReview } from '../domain/review';
import type { School } from '../domain/school';
import type { DemoAgreement } from './cycle';

/**
 * M35: the LA picture's demo (OVERVIEW.md O26): approved plans for many of the demo LA's
 * schools, each with a few priorities, a strength to share and a professional-learning need, in
 * the school's language; the LA's theme list; the demo priorities tagged; and one brokered match.
 * The same generator, over every school in Wales, is the benchmark's synthetic dataset.
 * Synthetic: no real school wrote these words.
 */
interface Theme { tag: string; area: Area; cy: string; en: string }

/** Priorities, strengths and needs the generator draws from, each under one of the LA's themes. */
const bank: Theme[] = [
  { tag: 'welsh-oracy', area: 'curriculum', cy: 'Datblygu llafaredd Cymraeg ar draws y cwricwlwm', en: 'Developing Welsh oracy across the curriculum' },
  { tag: 'attendance', area: 'well-being', cy: 'Gwella presenoldeb gyda theuluoedd', en: 'Improving attendance with families' },
  { tag: 'transition', area: 'learning-and-teaching', cy: 'Cynllunio dilyniant gyda’r ysgolion partner', en: 'Planning progression with partner schools' },
  { tag: 'well-being', area: 'well-being', cy: 'Dull ysgol gyfan o ymdrin â lles emosiynol', en: 'A whole-school approach to emotional well-being' },
  { tag: 'additional-learning-needs', area: 'learning-and-teaching', cy: 'Cynllunio ar gyfer anghenion dysgu ychwanegol', en: 'Planning for additional learning needs' },
  { tag: 'leadership', area: 'vision-and-leadership', cy: 'Datblygu arweinwyr canol', en: 'Developing middle leaders' },
  { tag: 'feedback', area: 'learning-and-teaching', cy: 'Adborth sy’n symud y dysgu ymlaen', en: 'Feedback that moves learning on' },
  { tag: 'welsh-oracy', area: 'learning-and-teaching', cy: 'Darllen ar y cyd yn y blynyddoedd cynnar', en: 'Shared reading in the early years' },
];

export const demoThemeTags = (laCode: number): ThemeTag[] => [
  { id: 'welsh-oracy', laCode, label: { cy: 'Y Gymraeg a llafaredd', en: 'Welsh and oracy' } },
  { id: 'attendance', laCode, label: { cy: 'Presenoldeb', en: 'Attendance' } },
  { id: 'transition', laCode, label: { cy: 'Pontio a dilyniant', en: 'Transition and progression' } },
  { id: 'well-being', laCode, label: { cy: 'Lles', en: 'Well-being' } },
  { id: 'additional-learning-needs', laCode, label: { cy: 'Anghenion dysgu ychwanegol', en: 'Additional learning needs' } },
  { id: 'leadership', laCode, label: { cy: 'Arweinyddiaeth', en: 'Leadership' } },
  { id: 'feedback', laCode, label: { cy: 'Adborth', en: 'Feedback' } },
];

const at = (date: string): number => Math.floor(Date.parse(`${date}T16:00:00Z`) / 1000);
const pick = <T>(items: readonly T[], i: number): T => items[((i % items.length) + items.length) % items.length] as T;

export interface PictureSchoolOptions {
  academicYear: number;
  /** How many priorities each plan holds. */
  priorities: number;
  /** Confirmed termly reviews of this year's plan to add (0-3: autumn, spring, summer). */
  reviews: number;
  governorId: string;
  facilitatorId: string;
}

/** One school's agreed plan (and, when asked, its confirmed reviews), with the items to tag. */
export function pictureAgreementsFor(school: School, index: number, o: PictureSchoolOptions): { agreements: DemoAgreement[]; themes: ItemThemes[] } {
  const lang = school.languageCategory === 'welsh-medium' || school.languageCategory === 'bilingual' ? 'cy' : 'en';
  const ownerKey = `school:${school.id}`;
  const chosen = Array.from({ length: o.priorities }, (_, k) => pick(bank, index + k * 3));
  const priorities: PlanPriority[] = chosen.map((theme, k) => ({
    id: `pri-${k + 1}`, area: theme.area, title: theme[lang], outcomes: '', criteria: [], actions: [], milestones: [], resources: '', monitoring: '',
    support: [{ id: `pri-${k + 1}-s1`, source: 'la', provider: lang === 'cy' ? 'Tîm gwella’r awdurdod' : 'The authority’s improvement team', description: lang === 'cy' ? 'Cyfarfodydd cynllunio a gwerthuso' : 'Planning and evaluation meetings', days: k === 0 ? 2 + (index % 4) : 1 }],
    yearTwo: '', yearThree: '', carriedFrom: '', fromDocId: '', fromFindingId: '',
  }));
  const strength = pick(bank, index + 5);
  const need = pick(bank, index + 2);
  const plan: DevelopmentPlanState = {
    kind: 'development-plan', schemaVersion: 1, title: lang === 'cy' ? 'Cynllun datblygu ysgol' : 'School development plan', schoolId: school.id, academicYear: o.academicYear,
    previousPlanId: '', sections: [], priorities, consultations: [], lastYear: [],
    findings: [
      { id: 'strength-1', type: 'strength', area: strength.area, text: strength[lang], fromDocId: '', fromFindingId: '' },
      { id: 'need-1', type: 'learning-need', area: need.area, text: need[lang], fromDocId: '', fromFindingId: '' },
    ],
    calendar: { inspectionReportDate: '', holidays: [] },
  };
  const planDocId = `development-plan:demo${school.id}`;
  const meeting = `${o.academicYear}-10-${String(10 + (index % 15)).padStart(2, '0')}`;
  const approved: ApprovedPlan = {
    approval: { planDocId, academicYear: o.academicYear, meetingDate: meeting, recordedBy: o.governorId, recordedByName: 'Llywodraethwr / Governor', recordedAt: `${meeting}T19:00:00.000Z` },
    plan,
  };
  const agreements: DemoAgreement[] = [{ ownerKey, subject: planSubject(o.academicYear), state: approved, by: o.governorId, label: `Governing body approval, meeting ${meeting}`, at: at(meeting) }];
  const terms = [`${o.academicYear}-autumn`, `${o.academicYear + 1}-spring`, `${o.academicYear + 1}-summer`].slice(0, o.reviews);
  for (const [t, term] of terms.entries()) {
    const confirmedOn = [`${o.academicYear}-12-09`, `${o.academicYear + 1}-03-24`, `${o.academicYear + 1}-07-07`][t] ?? `${o.academicYear}-12-09`;
    const review: ProgressReview = {
      reviewDocId: `progress-review:demo${school.id}${t}`, schoolId: school.id, planDocId, term, halfTerm: null, supportLevel: 'core',
      overall: { status: 'on-track', summary: '' },
      priorities: priorities.map((p, k) => ({
        priorityId: p.id, title: p.title, area: p.area, status: 'on-track', judgement: 'satisfactory', risks: [],
        supportChanges: k === 0 && t === 1 ? [{ change: 'added', source: 'school', provider: lang === 'cy' ? 'Ysgol bartner' : 'Partner school', description: lang === 'cy' ? 'Ymweliad i weld arfer' : 'A visit to see practice', days: 1 }] : [],
      })),
      confirmations: {
        facilitator: { personId: o.facilitatorId, name: 'Partner Gwella / Improvement Partner', at: `${confirmedOn}T15:00:00.000Z` },
        school: { personId: o.governorId, name: 'Pennaeth / Headteacher', at: `${confirmedOn}T15:30:00.000Z` },
      },
    };
    agreements.push({ ownerKey, subject: reviewSubject(term, null), state: review, by: o.facilitatorId, label: `Progress review ${term}`, at: at(confirmedOn) });
  }
  const themes: ItemThemes[] = [
    ...chosen.map((theme, k) => ({ ownerKey, itemId: `pri-${k + 1}`, tagIds: [theme.tag] })),
    { ownerKey, itemId: 'strength-1', tagIds: [strength.tag] },
    { ownerKey, itemId: 'need-1', tagIds: [need.tag] },
  ];
  return { agreements, themes };
}

export interface DemoLaPicture {
  tags: ThemeTag[];
  /** Agreements into schools' records (plans approved; one brokered match), oldest first per school. */
  agreements: { ownerKey: string; subject: string; state: unknown; by: string; label: string; at: number }[];
  itemThemes: ItemThemes[];
}

/**
 * The demo LA's picture: `count` of its schools (by number, the demo cast's own schools left to
 * the cycle's demo) get an agreed plan, and the first needing school gets one brokered match
 * from the nearest school offering that strength (recorded by the demo facilitator).
 */
export function buildDemoLaPicture(laCode: number, schools: readonly School[], skip: readonly string[], academicYear: number, count = 40): DemoLaPicture {
  const chosen = schools.filter((s) => s.laCode === laCode && !skip.includes(s.id)).sort((a, b) => a.id.localeCompare(b.id)).slice(0, count);
  const agreements: DemoLaPicture['agreements'] = [];
  const itemThemes: ItemThemes[] = [];
  for (const [i, school] of chosen.entries()) {
    const out = pictureAgreementsFor(school, i, { academicYear, priorities: 3, reviews: 0, governorId: 'demo-governor', facilitatorId: 'demo-facilitator' });
    agreements.push(...out.agreements);
    itemThemes.push(...out.themes);
  }
  // The first school's need, matched with the nearest other school whose strength is in its area.
  const receiver = chosen[0];
  const needArea = pick(bank, 2).area;
  const km = (a: School, b: School) => (a.lat === undefined || a.lng === undefined || b.lat === undefined || b.lng === undefined
    ? Infinity : Math.hypot(a.lat - b.lat, (a.lng - b.lng) * Math.cos((a.lat * Math.PI) / 180)));
  const provider = receiver
    ? chosen.map((s, i) => ({ s, i })).filter(({ s, i }) => s.id !== receiver.id && pick(bank, i + 5).area === needArea).sort((a, b) => km(receiver, a.s) - km(receiver, b.s))[0]?.s
    : undefined;
  if (receiver && provider) {
    const served = Array.from({ length: 3 }, (_, k) => ({ k, theme: pick(bank, k * 3) })).find(({ theme }) => theme.area === needArea)?.k ?? 0;
    const brokered: BrokeredSupport = {
      id: 'demo-brokered-1', schoolId: receiver.id, priorityId: `pri-${served + 1}`, area: pick(bank, served * 3).area, source: 'school', providerSchoolId: provider.id,
      provider: provider.name.en, description: 'Two visits to see practice, then planning together / Dau ymweliad i weld arfer, yna cynllunio gyda’n gilydd',
      daysPlanned: 2, daysUsed: 1, impact: 'Staff have tried the approach in two classes. / Mae staff wedi rhoi cynnig ar y dull mewn dau ddosbarth.', matchedFrom: `school:${provider.id}#strength-1`,
      recordedBy: 'demo-facilitator', recordedByName: 'Catrin Lewis',
    };
    agreements.push({ ownerKey: `school:${receiver.id}`, subject: brokeredSubject(brokered.id), state: brokered, by: 'demo-facilitator', label: `Support brokered: ${provider.name.en}`, at: at(`${academicYear}-11-02`) });
  }
  return { tags: demoThemeTags(laCode), agreements, itemThemes };
}
