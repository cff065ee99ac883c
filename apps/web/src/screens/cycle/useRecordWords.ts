import { useLocale } from '@cydweithio/ui';
import { formatDate, formatDateTime } from '../../i18n/formatDate';
import { useLabels, type LabelGroup } from '../../i18n/useLabels';
import { useText } from '../../i18n/useText';

/** Which label groups a stored value may come from, by the field that holds it. */
const groupsOfField: Record<string, LabelGroup[]> = {
  status: ['track', 'criterionStatus'],
  judgement: ['judgement'],
  area: ['area'],
  source: ['supportSource'],
  change: ['supportChange'],
  supportLevel: ['supportLevel'],
  level: ['supportLevel'],
  outcome: ['lastYearOutcome'],
  group: ['consultationGroup'],
  type: ['findingType'],
};

/**
 * Words for the record's fields and values in the reader's language: field names from the
 * catalogue (record.fields.*), stored codes (on-track, strong) through the model's labels.
 */
export function useRecordWords() {
  const t = useText();
  const label = useLabels();
  const locale = useLocale();
  const field = (key: string): string => {
    const words = t(`record.fields.${key}`);
    return words === `record.fields.${key}` ? key : words;
  };
  const value = (fieldKey: string, raw: string | null): string => {
    if (raw === null) return '—';
    if (raw === 'true') return t('record.yes');
    if (raw === 'false') return t('record.no');
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(raw)) return formatDateTime(raw, locale());
    if (/^\d{4}-\d{2}-\d{2}$/.test(raw)) return formatDate(raw, locale());
    for (const group of groupsOfField[fieldKey] ?? []) {
      const words = label(group, raw);
      if (words !== raw) return words;
    }
    return raw;
  };
  return { field, value };
}
