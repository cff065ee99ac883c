import { makeTranslator, useLocale, type Translate } from '@cydweithio/ui';
import { catalogues } from './catalogue';

/** The app's strings in the chosen language. */
export function useText(): Translate {
  return makeTranslator(catalogues, useLocale());
}
