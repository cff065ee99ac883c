import * as i18n from '@solid-primitives/i18n';
import { useLocale, type Locale } from '@cydweithio/ui';
import { dialogueQuestions, enquiryQuestions, evidenceKindLabels } from '@cydweithio/model/domain/enquiry';
import {
  areaLabels, collaborativeKindLabels, documentKindLabels, judgementLabels, reviewStageLabels, roleLabels, teamRoleLabels, trackStatusLabels, visitActivityLabels,
} from '@cydweithio/model/domain/labels';
import type { Bilingual } from '@cydweithio/model/domain/bilingual';
import type { cycleLabelGroups } from './cycleLabelGroups';
import { arrivedLabelGroups, type LabelGroups } from './labelGroups';

/**
 * Domain labels (areas, enquiry questions, evidence kinds, roles) are defined once in the model,
 * because exports and server messages use the same words as the screens. They reach the screen
 * through the same i18n translator as every other string. The improvement cycle's groups (plan,
 * review, record: ./cycleLabelGroups) arrive with the 'cycle' catalogue area, on the screens
 * that show them.
 */
const groups = {
  area: areaLabels,
  enquiry: enquiryQuestions,
  dialogue: dialogueQuestions,
  evidenceKind: evidenceKindLabels,
  role: roleLabels,
  documentKind: documentKindLabels,
  collaborativeKind: collaborativeKindLabels,
  // The improvement cycle's words the model keeps beside the document kinds.
  judgement: judgementLabels,
  track: trackStatusLabels,
  // Peer reviews: team roles, stages and the visit's activity log.
  teamRole: teamRoleLabels,
  reviewStage: reviewStageLabels,
  visitActivity: visitActivityLabels,
} as const satisfies Record<string, Record<string, Bilingual>>;

function dictionaryFor(locale: Locale, all: LabelGroups): Record<string, string> {
  const nested = Object.fromEntries(
    Object.entries(all).map(([group, labels]) => [group, Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, v[locale]]))]),
  );
  return i18n.flatten(nested) as unknown as Record<string, string>;
}

/** Built once per language and again only when more groups arrive. */
const built = new Map<Locale, { arrived: LabelGroups; dictionary: Record<string, string> }>();
function dictionary(locale: Locale): Record<string, string> {
  const arrived = arrivedLabelGroups();
  const cached = built.get(locale);
  if (cached && cached.arrived === arrived) return cached.dictionary;
  const fresh = dictionaryFor(locale, { ...groups, ...arrived });
  built.set(locale, { arrived, dictionary: fresh });
  return fresh;
}

export type LabelGroup = keyof typeof groups | keyof typeof cycleLabelGroups;

export function useLabels(): (group: LabelGroup, key: string) => string {
  const locale = useLocale();
  const translate = i18n.translator(() => dictionary(locale()));
  return (group, key) => (translate as (k: string) => string | undefined)(`${group}.${key}`) ?? key;
}

export const labelKeys = {
  areas: Object.keys(areaLabels),
  enquiry: Object.keys(enquiryQuestions),
  evidenceKinds: Object.keys(evidenceKindLabels),
};
