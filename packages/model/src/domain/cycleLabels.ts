import type { Bilingual } from './bilingual';
import type { ProgressJudgement } from './improvement';
import type { ConsultationGroup, CriterionStatus, LastYearOutcome, PlanFindingType, planSectionTemplates } from './plan';
import type { SupportChangeKind } from './review';

/**
 * Words of the improvement cycle, Welsh first (M12). Kept in the model because the published
 * summary, its exports and the screens use the same words.
 */
export const criterionStatusLabels: Record<CriterionStatus, Bilingual> = {
  'not-started': { cy: 'Heb ddechrau', en: 'Not started' },
  'in-progress': { cy: 'Ar y gweill', en: 'In progress' },
  'partly-met': { cy: 'Wedi’i gyflawni’n rhannol', en: 'Partly met' },
  met: { cy: 'Wedi’i gyflawni', en: 'Met' },
  'not-met': { cy: 'Heb ei gyflawni', en: 'Not met' },
};

export const lastYearOutcomeLabels: Record<LastYearOutcome, Bilingual> = {
  met: { cy: 'Wedi’i chyflawni', en: 'Met' },
  'partly-met': { cy: 'Wedi’i chyflawni’n rhannol', en: 'Partly met' },
  'not-met': { cy: 'Heb ei chyflawni', en: 'Not met' },
};

export const consultationGroupLabels: Record<ConsultationGroup, Bilingual> = {
  learners: { cy: 'Disgyblion', en: 'Pupils' },
  parents: { cy: 'Rhieni a gofalwyr', en: 'Parents and carers' },
  staff: { cy: 'Staff', en: 'School staff' },
  governors: { cy: 'Llywodraethwyr', en: 'Governors' },
  community: { cy: 'Y gymuned leol', en: 'Local community' },
};

export const supportSourceLabels: Record<'la' | 'school' | 'collaborative' | 'specialist', Bilingual> = {
  la: { cy: 'Yr awdurdod lleol', en: 'Local authority' },
  school: { cy: 'Ysgol arall', en: 'Another school' },
  collaborative: { cy: 'Cydweithrediad', en: 'A collaborative' },
  specialist: { cy: 'Arbenigwr', en: 'A specialist' },
};

export const supportChangeLabels: Record<SupportChangeKind, Bilingual> = {
  added: { cy: 'Cymorth newydd', en: 'Support added' },
  changed: { cy: 'Cymorth wedi newid', en: 'Support changed' },
  ended: { cy: 'Cymorth wedi dod i ben', en: 'Support ended' },
};

export const supportLevelLabels: Record<'core' | 'enhanced', Bilingual> = {
  core: { cy: 'Cymorth craidd', en: 'Core support' },
  enhanced: { cy: 'Cymorth ychwanegol', en: 'Enhanced support' },
};

export const planFindingTypeLabels: Record<PlanFindingType | 'emerging-priority', Bilingual> = {
  strength: { cy: 'Cryfder i’w rannu', en: 'Strength to share' },
  'learning-need': { cy: 'Angen dysgu proffesiynol', en: 'Professional-learning need' },
  'emerging-priority': { cy: 'Blaenoriaeth sy’n dod i’r amlwg', en: 'Emerging priority' },
};

export const planSectionLabels: Record<(typeof planSectionTemplates)[number], Bilingual> = {
  priorities: { cy: 'Blaenoriaethau gwella', en: 'Improvement priorities' },
  'professional-learning': { cy: 'Strategaeth dysgu proffesiynol', en: 'Professional-learning strategy' },
  'learning-needs': { cy: 'Anghenion dysgu proffesiynol', en: 'Professional-learning needs' },
  'families-community': { cy: 'Gweithio gyda theuluoedd a’r gymuned', en: 'Working with families and the community' },
  'staffing-resources': { cy: 'Staffio ac adnoddau', en: 'Staffing and resources' },
  'last-year': { cy: 'Adolygiad o flaenoriaethau’r llynedd', en: 'Review of last year’s priorities' },
  consultation: { cy: 'Ymgynghori â disgyblion, rhieni a staff', en: 'Consulting pupils, parents and staff' },
  strengths: { cy: 'Cryfderau i’w rhannu', en: 'Strengths to share' },
};

/**
 * What each step of the four-step judgement means (regional practice): how far the priority is
 * addressed, its impact, and the school's capacity to sustain it. In the product's own words.
 */
export const judgementDescriptors: Record<ProgressJudgement, Bilingual> = {
  'very-good': {
    cy: 'Mae’r ysgol wedi mynd i’r afael â’r flaenoriaeth ym mhob agwedd, heb ddim ar ôl i’w wneud. Mae’r effaith yn gryf iawn ac mae gan yr ysgol allu cryf iawn i gynnal y gwaith a’i ddatblygu.',
    en: 'The school has addressed the priority in every respect and nothing is left to do. The impact is very strong and the school has a very strong capacity to sustain and build on the work.',
  },
  strong: {
    cy: 'Mae’r ysgol wedi mynd i’r afael â’r flaenoriaeth yn y rhan fwyaf o agweddau; dim ond manylion bach sydd ar ôl. Mae’r effaith yn gadarnhaol ac mae gan yr ysgol allu da i gynnal y gwaith.',
    en: 'The school has addressed the priority in most respects; only minor details remain. The impact is positive and the school has a good capacity to sustain the work.',
  },
  satisfactory: {
    cy: 'Mae’r ysgol wedi mynd i’r afael â’r flaenoriaeth mewn llawer o agweddau, ond mae angen gwaith sylweddol o hyd ar ambell agwedd bwysig. Nid yw’r effaith yn ddigon cryf eto.',
    en: 'The school has addressed the priority in many respects, but a few important aspects still need significant work. The impact is not yet strong enough.',
  },
  limited: {
    cy: 'Mae llawer o agweddau pwysig heb eu datblygu eto, ac nid oes fawr o effaith i’w gweld. Mae llawer o waith i’w wneud o hyd ac nid yw’r ysgol eto’n dangos digon o allu i sicrhau’r gwelliant.',
    en: 'Many important aspects are still to be addressed and there is little visible impact. Much work remains and the school does not yet show enough capacity to secure the improvement.',
  },
};

export const termNameLabels: Record<'autumn' | 'spring' | 'summer', Bilingual> = {
  autumn: { cy: 'Tymor yr hydref', en: 'Autumn term' },
  spring: { cy: 'Tymor y gwanwyn', en: 'Spring term' },
  summer: { cy: 'Tymor yr haf', en: 'Summer term' },
};
