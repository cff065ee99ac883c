import { useLocale } from '@cydweithio/ui';
import type { Bilingual } from '@cydweithio/model/domain/bilingual';
import { areaLabels, continuumLabels, languageCategoryLabels, settingLabels } from '@cydweithio/model/domain/labels';
import { supportSourceLabels } from '@cydweithio/model/domain/cycleLabels';

/** The model's bilingual labels the LA screens use (the same words as the exports). */
const tables: Record<string, Record<string, Bilingual>> = {
  area: areaLabels, setting: settingLabels, language: languageCategoryLabels, placement: continuumLabels, source: supportSourceLabels,
};

export function useDomainLabel(): (table: 'area' | 'setting' | 'language' | 'placement' | 'source', key: string) => string {
  const locale = useLocale();
  return (table, key) => tables[table]?.[key]?.[locale()] ?? key;
}

export const settingKeys = Object.keys(settingLabels);
export const languageKeys = Object.keys(languageCategoryLabels);
export const placementKeys = Object.keys(continuumLabels);
