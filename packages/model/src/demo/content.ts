import type { PeerReviewSeed, SelfEvaluationSeed, WorkspaceSeed } from './documents';

/** The words of the demo documents, in Welsh: the demo cluster is a Welsh-medium one. */
export interface ContentNames {
  primaryName: string;
  reviewerSchoolName: string;
  headteacher: { id: string; name: string };
  reviewer: { id: string; name: string };
  convenorName: string;
}

export function selfEvaluationContent(n: ContentNames): SelfEvaluationSeed {
  return {
    kind: 'self-evaluation',
    sections: [
      {
        area: 'learning-and-teaching',
        narrative: [
          'Eleni rydyn ni wedi canolbwyntio ar ddatblygu llafaredd ar draws y cwricwlwm.',
          'Mae teithiau dysgu yn dangos bod dysgwyr yn trafod eu syniadau’n fwy hyderus.',
        ],
        answers: {
          'how-well': 'Mae’r rhan fwyaf o ddysgwyr yn gwneud cynnydd cryf yn eu sgiliau llafar, ond mae angen mwy o gysondeb rhwng dosbarthiadau.',
          'how-know': 'Rydyn ni’n gwrando ar ddysgwyr, yn cynnal teithiau dysgu ac yn edrych ar waith gyda’n gilydd bob hanner tymor.',
          'how-improve': 'Rhannu arfer dda rhwng athrawon a chynllunio cyfleoedd i siarad ym mhob maes dysgu a phrofiad.',
        },
        evidence: [
          {
            id: 'evidence-1',
            kind: 'listening-to-learners',
            description: 'Grŵp ffocws o ddysgwyr Blwyddyn 5 yn trafod sut maen nhw’n dysgu orau.',
            addedBy: n.headteacher.id,
            addedAt: '2026-10-07T09:30:00Z',
          },
          {
            id: 'evidence-2',
            kind: 'seeing-learning',
            description: 'Taith ddysgu ar y cyd gyda’r uwch dîm arwain.',
            addedBy: n.headteacher.id,
            addedAt: '2026-11-04T13:15:00Z',
          },
        ],
      },
      {
        area: 'well-being',
        narrative: ['Mae dysgwyr yn dweud eu bod yn teimlo’n ddiogel ac yn cael eu gwerthfawrogi yn yr ysgol.'],
        answers: {},
        evidence: [],
      },
    ],
  };
}

export function peerReviewContent(n: ContentNames): PeerReviewSeed {
  return {
    kind: 'peer-review',
    focus: 'Sut mae dysgwyr yn defnyddio adborth i wella eu gwaith ysgrifennu?',
    visitDates: ['2026-11-17'],
    participants: [
      { personId: n.headteacher.id, name: n.headteacher.name, schoolName: n.primaryName, role: 'host' },
      { personId: n.reviewer.id, name: n.reviewer.name, schoolName: n.reviewerSchoolName, role: 'reviewer' },
    ],
    notes: ['Buon ni’n gwrando ar ddysgwyr Blwyddyn 2 a Blwyddyn 6 ac yn edrych ar eu llyfrau gyda’r athrawon.'],
    strengths: ['Mae dysgwyr yn gallu esbonio beth yw eu camau nesaf wrth ysgrifennu.'],
    nextSteps: ['Rhoi mwy o amser i ddysgwyr ymateb i adborth cyn symud ymlaen at y dasg nesaf.'],
  };
}

export function workspaceContent(n: ContentNames): WorkspaceSeed {
  return {
    kind: 'workspace',
    priorities: [
      {
        id: 'priority-transition-writing',
        area: 'learning-and-teaching',
        title: 'Pontio o Flwyddyn 6 i Flwyddyn 7: dealltwriaeth gyffredin o gynnydd mewn ysgrifennu',
        successCriteria: 'Mae athrawon Blwyddyn 6 a Blwyddyn 7 yn cymedroli gwaith ysgrifennu gyda’i gilydd bob tymor.',
        support: 'Hwylusydd yr awdurdod lleol yn hwyluso’r sesiwn gymedroli gyntaf.',
        actions: [{ id: 'action-moderation-day', description: 'Trefnu diwrnod cymedroli ar y cyd', ownerName: n.convenorName, due: '2026-12-11', done: false }],
      },
      {
        id: 'priority-attendance',
        area: 'well-being',
        title: 'Gwella presenoldeb drwy weithio’n agos gyda theuluoedd',
        successCriteria: 'Mae gan bob ysgol yn y clwstwr ddull cyson o gysylltu â theuluoedd.',
        support: 'Swyddog lles addysg yr awdurdod lleol.',
        actions: [{ id: 'action-attendance-policy', description: 'Rhannu polisi presenoldeb y clwstwr', ownerName: n.headteacher.name, due: '2027-02-12', done: false }],
      },
    ],
    meetings: [
      {
        id: 'meeting-2026-10-14',
        date: '2026-10-14',
        agenda: '1. Croeso\n2. Blaenoriaethau a rennir\n3. Unrhyw fater arall',
        notes: ['Cytunodd yr ysgolion ar ddwy flaenoriaeth a rennir ar gyfer y flwyddyn.'],
        actions: [],
      },
    ],
  };
}
