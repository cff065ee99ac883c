import { makeTranslator, useLocale, type Translate } from '@cydweithio/ui';
import cy from './cy.json';
import en from './en.json';

/** The app's strings in the chosen language. */
export function useText(): Translate {
  return makeTranslator({ cy, en }, useLocale());
}
