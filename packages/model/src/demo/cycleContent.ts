import type { Area, ProgressJudgement, TrackStatus } from '../domain/improvement';
import {
  planSectionTemplates, sectionKindOfTemplate,
  type CriterionStatus, type DevelopmentPlanState, type LastYearOutcome, type PlanPriority,
} from '../domain/plan';
import type { SupportChange } from '../domain/review';

/** The words of the demo plans and reviews, in Welsh: the demo cluster is a Welsh-medium one. */
export interface PrioritySpec {
  id: string;
  area: Area;
  title: string;
  outcomes: string;
  criteria: [string, CriterionStatus][];
  /** Description, owner as written, due date, done, and the owner's demo account when one owns it (P135: reminded). */
  actions: [string, string, string, boolean, string?][];
  milestones: [string, string, boolean][];
  support: PlanPriority['support'];
  yearTwo: string;
  yearThree: string;
  carriedFrom?: string;
}

const para = (text: string) => [{ type: 'paragraph', content: [{ type: 'text', text }] }];

export function demoPlanState(o: {
  schoolId: string; academicYear: number; title: string; previousPlanId?: string;
  priorities: PrioritySpec[]; lastYear?: [string, string, LastYearOutcome, string][]; strengths?: [Area, string][];
}): DevelopmentPlanState {
  const body: Record<string, string> = {
    'professional-learning': 'Bydd pob athro’n rhan o driawd ymholi sy’n canolbwyntio ar flaenoriaethau’r cynllun, gyda sesiynau rhannu bob hanner tymor.',
    'families-community': 'Byddwn yn cynnal boreau coffi misol i deuluoedd ac yn rhannu diweddariad byr am y cynllun bob tymor.',
    'staffing-resources': 'Mae’r gyllideb dysgu proffesiynol yn cefnogi amser rhyddhau ar gyfer y triawdau ymholi.',
  };
  return {
    kind: 'development-plan',
    schemaVersion: 1,
    title: o.title,
    schoolId: o.schoolId,
    academicYear: o.academicYear,
    previousPlanId: o.previousPlanId ?? '',
    sections: planSectionTemplates.map((template) => ({
      id: template, kind: sectionKindOfTemplate[template], template, heading: '', body: body[template] ? para(body[template]) : [],
    })),
    priorities: o.priorities.map((p) => ({
      id: p.id, area: p.area, title: p.title, outcomes: p.outcomes,
      criteria: p.criteria.map(([text, status], i) => ({ id: `${p.id}-c${i + 1}`, text, status })),
      actions: p.actions.map(([description, ownerName, due, done, ownerPersonId], i) => ({ id: `${p.id}-a${i + 1}`, description, ownerName, ownerPersonId: ownerPersonId ?? '', due, done })),
      milestones: p.milestones.map(([description, due, reached], i) => ({ id: `${p.id}-m${i + 1}`, description, due, reached })),
      resources: 'Amser rhyddhau i’r arweinydd a chyllideb dysgu proffesiynol.',
      monitoring: 'Teithiau dysgu bob hanner tymor a gwrando ar ddysgwyr; adroddiad i’r llywodraethwyr bob tymor.',
      support: p.support, yearTwo: p.yearTwo, yearThree: p.yearThree,
      carriedFrom: p.carriedFrom ?? '', fromDocId: '', fromFindingId: '',
    })),
    consultations: [
      { id: 'consult-learners', date: `${o.academicYear}-09-22`, group: 'learners', summary: 'Dywedodd y cyngor ysgol fod dysgwyr eisiau mwy o gyfleoedd i drafod mewn grwpiau bach.' },
      { id: 'consult-parents', date: `${o.academicYear}-09-29`, group: 'parents', summary: 'Roedd rhieni yn croesawu diweddariadau byr ac yn gofyn am weithdai darllen.' },
      { id: 'consult-staff', date: `${o.academicYear}-09-08`, group: 'staff', summary: 'Cytunodd y staff ar ddwy flaenoriaeth a gofyn am amser i gynllunio gyda’i gilydd.' },
    ],
    lastYear: (o.lastYear ?? []).map(([id, title, outcome, reasons]) => ({ id: `last-${id}`, priorityId: id, title, outcome, reasons })),
    findings: (o.strengths ?? []).map(([area, text], i) => ({ id: `strength-${i + 1}`, type: 'strength', area, text, fromDocId: '', fromFindingId: '' })),
    calendar: {
      inspectionReportDate: '',
      holidays: [
        { id: 'half-term-autumn', from: `${o.academicYear}-10-26`, to: `${o.academicYear}-10-30`, label: 'Hanner tymor yr hydref' },
        { id: 'christmas', from: `${o.academicYear}-12-21`, to: `${o.academicYear + 1}-01-01`, label: 'Gwyliau’r Nadolig' },
      ],
    },
  };
}

const laSupport = (id: string, description: string, days: number): PlanPriority['support'][number] =>
  ({ id, source: 'la', provider: 'Partner Gwella Rhondda Cynon Taf', description, days });

export const oracy2025: PrioritySpec = {
  id: 'pri-oracy', area: 'learning-and-teaching',
  title: 'Datblygu llafaredd ar draws y cwricwlwm',
  outcomes: 'Mae dysgwyr yn trafod eu syniadau’n hyderus ym mhob maes dysgu a phrofiad.',
  criteria: [['Mae pob dosbarth yn cynllunio cyfleoedd siarad wythnosol.', 'met'], ['Mae teithiau dysgu yn dangos trafodaeth o ansawdd ym mhob dosbarth.', 'partly-met']],
  actions: [['Hyfforddiant llafaredd i bob athro', 'Pennaeth', '2025-11-14', true], ['Cyflwyno fframwaith llafaredd', 'Arweinydd llythrennedd', '2026-02-13', true]],
  milestones: [['Fframwaith llafaredd ar waith ym mhob dosbarth', '2026-02-13', true]],
  support: [laSupport('pri-oracy-s1', 'Cynllunio a modelu sesiynau llafaredd', 3)],
  yearTwo: 'Ymestyn llafaredd i waith ysgrifennu estynedig.', yearThree: 'Rhannu’r dull gydag ysgolion eraill y clwstwr.',
};

export const wellbeing2025: PrioritySpec = {
  id: 'pri-wellbeing', area: 'well-being',
  title: 'Dull ysgol gyfan o gefnogi lles emosiynol',
  outcomes: 'Mae dysgwyr a staff yn gwybod ble i droi am gymorth ac yn ei ddefnyddio.',
  criteria: [['Mae’r dull ysgol gyfan wedi’i gytuno gyda’r llywodraethwyr.', 'met'], ['Mae pob dosbarth yn defnyddio’r amser tawel dyddiol.', 'met']],
  actions: [['Llunio’r polisi lles gyda’r cyngor ysgol', 'Uwch arweinydd', '2025-12-12', true]],
  milestones: [['Polisi lles wedi’i gymeradwyo', '2026-01-30', true]],
  support: [{ id: 'pri-wellbeing-s1', source: 'specialist', provider: 'Gwasanaeth seicoleg addysg', description: 'Hyfforddiant ymarfer sy’n ystyriol o drawma', days: 2 }],
  yearTwo: 'Cynnwys teuluoedd yn y dull lles.', yearThree: 'Adolygu’r dull gyda dysgwyr.',
};

export const oracy2026: PrioritySpec = {
  ...oracy2025,
  title: 'Llafaredd sy’n arwain at ysgrifennu estynedig',
  outcomes: 'Mae dysgwyr yn defnyddio trafodaeth i gynllunio a gwella eu gwaith ysgrifennu.',
  criteria: [['Mae pob dosbarth yn defnyddio trafodaeth cyn ysgrifennu estynedig.', 'in-progress'], ['Mae dysgwyr yn esbonio sut mae trafod wedi gwella eu gwaith.', 'not-started']],
  actions: [['Triawdau ymholi ar drafod cyn ysgrifennu', 'Arweinydd llythrennedd', '2026-12-11', false], ['Teithiau dysgu ar ysgrifennu estynedig', 'Pennaeth', '2027-02-12', false, 'demo-headteacher']],
  milestones: [['Pob triawd wedi rhannu ei ganfyddiadau', '2027-03-26', false]],
  support: [laSupport('pri-oracy-s2', 'Cefnogi’r triawdau ymholi', 3), { id: 'pri-oracy-s3', source: 'school', provider: 'Ysgol arall yn y clwstwr', description: 'Ymweliad i weld arfer dda mewn ysgrifennu', days: 1 }],
  yearTwo: 'Ysgrifennu estynedig ar draws y meysydd dysgu.', yearThree: 'Dysgwyr yn arwain sesiynau adborth.',
  carriedFrom: 'previous',
};

export const feedback2026: PrioritySpec = {
  id: 'pri-feedback', area: 'learning-and-teaching',
  title: 'Adborth sy’n helpu dysgwyr i wella eu gwaith ysgrifennu',
  outcomes: 'Mae dysgwyr yn cael amser i ymateb i adborth ac yn gwybod beth yw eu camau nesaf.',
  criteria: [['Mae amser ymateb i adborth ym mhob uned ysgrifennu.', 'in-progress']],
  actions: [['Cytuno ar ddull adborth cyson', 'Uwch arweinydd', '2026-12-04', false, 'demo-senior-leader']],
  milestones: [['Dull adborth ar waith ym mhob dosbarth', '2027-01-29', false]],
  support: [laSupport('pri-feedback-s1', 'Adolygu’r dull adborth gyda’r uwch dîm', 2)],
  yearTwo: 'Dysgwyr yn asesu gwaith ei gilydd.', yearThree: 'Rhannu’r dull gyda’r clwstwr.',
};

export const attendance2026: PrioritySpec = {
  id: 'pri-families', area: 'well-being',
  title: 'Gweithio’n agos gyda theuluoedd i wella presenoldeb',
  outcomes: 'Mae gan yr ysgol berthynas gref gyda theuluoedd ac mae presenoldeb yn gwella.',
  criteria: [['Mae pob teulu wedi cael cyswllt personol ar ddechrau’r flwyddyn.', 'met']],
  actions: [['Boreau coffi misol i deuluoedd', 'Swyddog cyswllt teuluoedd', '2026-12-18', false]],
  milestones: [['Cynllun presenoldeb y clwstwr wedi’i rannu', '2027-02-12', false]],
  support: [{ id: 'pri-families-s1', source: 'collaborative', provider: 'Clwstwr yr ysgol uwchradd', description: 'Polisi presenoldeb cyffredin', days: 0 }, laSupport('pri-families-s2', 'Swyddog lles addysg', 2)],
  yearTwo: 'Rhaglen ddysgu i deuluoedd.', yearThree: 'Teuluoedd yn rhan o’r cyngor ysgol.',
};

export interface ReviewSpec {
  term: string;
  halfTerm: 1 | 2 | null;
  overall: TrackStatus;
  summary: string;
  priorities: { id: string; status: TrackStatus; judgement: ProgressJudgement; risks: string[]; support: SupportChange[] }[];
}

const supportLine = (change: SupportChange['change'], description: string, days: number): SupportChange =>
  ({ change, source: 'la', provider: 'Partner Gwella Rhondda Cynon Taf', description, days });

export const primaryReviews2025: ReviewSpec[] = [
  {
    term: '2025-autumn', halfTerm: null, overall: 'on-track', summary: 'Dechrau cadarn: mae’r hyfforddiant llafaredd wedi’i gwblhau.',
    priorities: [
      { id: 'pri-oracy', status: 'on-track', judgement: 'satisfactory', risks: ['Amser cynllunio cyfyngedig i athrawon newydd.'], support: [supportLine('added', 'Modelu sesiynau llafaredd', 2)] },
      { id: 'pri-wellbeing', status: 'on-track', judgement: 'strong', risks: [], support: [] },
    ],
  },
  {
    term: '2026-spring', halfTerm: null, overall: 'on-track', summary: 'Mae’r fframwaith llafaredd ar waith ym mhob dosbarth.',
    priorities: [
      { id: 'pri-oracy', status: 'on-track', judgement: 'strong', risks: [], support: [supportLine('changed', 'Symud o fodelu i hyfforddi cymheiriaid', 1)] },
      { id: 'pri-wellbeing', status: 'on-track', judgement: 'very-good', risks: [], support: [] },
    ],
  },
  {
    term: '2026-summer', halfTerm: null, overall: 'on-track', summary: 'Mae’r flaenoriaeth lles wedi’i chyflawni; bydd llafaredd yn parhau.',
    priorities: [
      { id: 'pri-oracy', status: 'on-track', judgement: 'strong', risks: ['Mae angen cysondeb rhwng dosbarthiadau o hyd.'], support: [supportLine('ended', 'Modelu sesiynau llafaredd', 0)] },
      { id: 'pri-wellbeing', status: 'on-track', judgement: 'very-good', risks: [], support: [] },
    ],
  },
];

export const secondaryReviews2025: ReviewSpec[] = [
  {
    term: '2025-autumn', halfTerm: null, overall: 'on-track', summary: 'Mae’r gwaith pontio wedi dechrau gyda’r ysgolion cynradd.',
    priorities: [{ id: 'pri-transition', status: 'on-track', judgement: 'satisfactory', risks: ['Amserlenni gwahanol yn yr ysgolion.'], support: [supportLine('added', 'Hwyluso’r diwrnod cymedroli cyntaf', 2)] }],
  },
  {
    term: '2026-spring', halfTerm: null, overall: 'off-track', summary: 'Mae’r cymedroli ar y cyd wedi arafu; mae angen cytuno ar ddyddiadau.',
    priorities: [{ id: 'pri-transition', status: 'off-track', judgement: 'limited', risks: ['Dim dyddiad cymedroli wedi’i gytuno ar gyfer yr haf.'], support: [supportLine('changed', 'Cyfarfod cynllunio gyda’r cynullydd', 1)] }],
  },
];

export const transition2025: PrioritySpec = {
  id: 'pri-transition', area: 'curriculum',
  title: 'Dealltwriaeth gyffredin o gynnydd ar draws pontio 6-7',
  outcomes: 'Mae athrawon Blwyddyn 6 a 7 yn rhannu disgwyliadau ar gyfer ysgrifennu.',
  criteria: [['Dau ddiwrnod cymedroli ar y cyd bob blwyddyn.', 'partly-met'], ['Unedau pontio wedi’u cynllunio gyda’i gilydd.', 'not-met']],
  actions: [['Trefnu diwrnodau cymedroli', 'Pennaeth cynorthwyol', '2025-12-05', true], ['Cynllunio uned bontio ar y cyd', 'Arweinydd Cymraeg', '2026-05-22', false]],
  milestones: [['Uned bontio wedi’i chynllunio', '2026-06-26', false]],
  support: [laSupport('pri-transition-s1', 'Hwyluso cymedroli ar y cyd', 2), { id: 'pri-transition-s2', source: 'collaborative', provider: 'Clwstwr yr ysgol', description: 'Amser cynllunio ar y cyd', days: 2 }],
  yearTwo: 'Uned bontio ym mhob maes dysgu.', yearThree: 'Olrhain cynnydd grwpiau drwy’r continwwm 3-16.',
};

export const leadership2025: PrioritySpec = {
  id: 'pri-leadership', area: 'vision-and-leadership',
  title: 'Cryfhau arweinyddiaeth ganol',
  outcomes: 'Mae arweinwyr canol yn arwain hunanwerthuso yn eu meysydd.',
  criteria: [['Pob arweinydd canol wedi arwain taith ddysgu.', 'in-progress']],
  actions: [['Rhaglen arweinyddiaeth ganol', 'Dirprwy bennaeth', '2026-11-20', false, 'demo-senior-leader-secondary']],
  milestones: [['Hunanwerthuso pob maes wedi’i gwblhau', '2027-03-19', false]],
  support: [laSupport('pri-leadership-s1', 'Hyfforddi arweinwyr canol', 4)],
  yearTwo: 'Arweinwyr canol yn cefnogi ysgolion eraill.', yearThree: 'Rhannu arfer yn y grŵp gwella ysgolion.',
};
