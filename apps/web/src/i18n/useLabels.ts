import * as i18n from '@solid-primitives/i18n';
import { useLocale, type Locale } from '@cydweithio/ui';
import { dialogueQuestions, enquiryQuestions, evidenceKindLabels } from '@cydweithio/model/domain/enquiry';
import {
  areaLabels, collaborativeKindLabels, documentKindLabels, judgementLabels, reviewStageLabels, roleLabels, teamRoleLabels, trackStatusLabels, visitActivityLabels,
} from '@cydweithio/model/domain/labels';
import {
  consultationGroupLabels, criterionStatusLabels, judgementDescriptors, lastYearOutcomeLabels, planFindingTypeLabels, planSectionLabels,
  supportChangeLabels, supportLevelLabels, supportSourceLabels,
} from '@cydweithio/model/domain/cycleLabels';
import type { Bilingual } from '@cydweithio/model/domain/bilingual';

/**
 * Domain labels (areas, enquiry questions, evidence kinds, roles) are defined once in the model,
 * because exports and server messages use the same words as the screens. They reach the screen
 * through the same i18n translator as every other string.
 */
const groups = {
  area: areaLabels,
  enquiry: enquiryQuestions,
  dialogue: dialogueQuestions,
  evidenceKind: evidenceKindLabels,
  role: roleLabels,
  documentKind: documentKindLabels,
  collaborativeKind: collaborativeKindLabels,
  // The improvement cycle (plan, review, record).
  criterionStatus: criterionStatusLabels,
  consultationGroup: consultationGroupLabels,
  lastYearOutcome: lastYearOutcomeLabels,
  supportSource: supportSourceLabels,
  supportChange: supportChangeLabels,
  supportLevel: supportLevelLabels,
  planSection: planSectionLabels,
  findingType: planFindingTypeLabels,
  judgement: judgementLabels,
  judgementDescriptor: judgementDescriptors,
  track: trackStatusLabels,
  // Peer reviews: team roles, stages and the visit's activity log.
  teamRole: teamRoleLabels,
  reviewStage: reviewStageLabels,
  visitActivity: visitActivityLabels,
} as const satisfies Record<string, Record<string, Bilingual>>;

function dictionaryFor(locale: Locale): Record<string, string> {
  const nested = Object.fromEntries(
    Object.entries(groups).map(([group, labels]) => [group, Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, v[locale]]))]),
  );
  return i18n.flatten(nested) as unknown as Record<string, string>;
}

const dictionaries = { cy: dictionaryFor('cy'), en: dictionaryFor('en') };

export type LabelGroup = keyof typeof groups;

export function useLabels(): (group: LabelGroup, key: string) => string {
  const locale = useLocale();
  const translate = i18n.translator(() => dictionaries[locale()]);
  return (group, key) => (translate as (k: string) => string | undefined)(`${group}.${key}`) ?? key;
}

export const labelKeys = {
  areas: Object.keys(areaLabels),
  enquiry: Object.keys(enquiryQuestions),
  evidenceKinds: Object.keys(evidenceKindLabels),
};
