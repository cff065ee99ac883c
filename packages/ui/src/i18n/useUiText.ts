import cy from './cy.json';
import en from './en.json';
import { useLocale } from './LocaleContext';
import { makeTranslator, type Translate } from './makeTranslator';

/** The ui package's own strings, in the language the app has chosen. */
export function useUiText(): Translate {
  return makeTranslator({ cy, en }, useLocale());
}
