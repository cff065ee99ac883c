import type { Bilingual } from './bilingual';

/** The three enquiry questions every self-evaluation section answers (2024 guidance). */
export const enquiryQuestionIds = ['how-well', 'how-know', 'how-improve'] as const;
export type EnquiryQuestionId = (typeof enquiryQuestionIds)[number];

export const enquiryQuestions: Record<EnquiryQuestionId, Bilingual> = {
  'how-well': { cy: 'Pa mor dda ydyn ni’n ei wneud?', en: 'How well are we doing?' },
  'how-know': { cy: 'Sut ydyn ni’n gwybod?', en: 'How do we know?' },
  'how-improve': { cy: 'Sut gallwn ni wella?', en: 'How can we improve?' },
};

/** The two starting questions for every school. */
export const startingQuestions: readonly Bilingual[] = [
  {
    cy: 'A yw dysgwyr yn gwneud cynnydd fel y mae’r egwyddorion cynnydd yn ei ddisgrifio, tuag at y pedwar diben?',
    en: 'Are learners progressing as the principles of progression describe, towards the four purposes?',
  },
  {
    cy: 'A yw cyflymder y cynnydd yn unol â’r disgwyliadau?',
    en: 'Is the pace of progress in line with expectations?',
  },
];

/** The five questions of the dialogue between a school and its facilitator. */
export const dialogueQuestionIds = ['evaluation', 'how-know', 'doing', 'evaluating-success', 'support'] as const;
export type DialogueQuestionId = (typeof dialogueQuestionIds)[number];

export const dialogueQuestions: Record<DialogueQuestionId, Bilingual> = {
  evaluation: { cy: 'Beth yw eich gwerthusiad o’r agwedd hon?', en: 'What is your evaluation of this aspect?' },
  'how-know': { cy: 'Sut ydych chi’n gwybod?', en: 'How do you know?' },
  doing: { cy: 'Beth ydych chi’n ei wneud yn ei gylch?', en: 'What are you doing about it?' },
  'evaluating-success': { cy: 'Sut ydych chi’n gwerthuso llwyddiant?', en: 'How are you evaluating success?' },
  support: { cy: 'Pa gymorth sydd ei angen arnoch chi?', en: 'What support do you need?' },
};

/** First-hand evidence comes first; information must not outweigh it. */
export const evidenceKinds = ['listening-to-learners', 'seeing-learning', 'looking-at-work', 'information', 'other'] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];

export const evidenceKindLabels: Record<EvidenceKind, Bilingual> = {
  'listening-to-learners': { cy: 'Gwrando ar ddysgwyr', en: 'Listening to learners' },
  'seeing-learning': { cy: 'Gweld dysgu', en: 'Seeing learning' },
  'looking-at-work': { cy: 'Edrych ar waith dysgwyr', en: 'Looking at learners’ work' },
  information: { cy: 'Gwybodaeth', en: 'Information' },
  other: { cy: 'Arall', en: 'Other' },
};
