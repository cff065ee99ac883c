import * as i18n from '@solid-primitives/i18n';
import { useLocale, type Locale, type Translate } from '@cydweithio/ui';
import { flatCatalogue } from './loadedCatalogues';
import { resolveTemplateFor } from './welshLinking';

const resolvers = { cy: resolveTemplateFor('cy'), en: resolveTemplateFor('en') };

/**
 * A translator for one language, read from the loaded catalogues; Welsh writes "ag", "ac" and
 * "gydag" before a name starting with a vowel (C308). A missing key returns the key itself so
 * that a gap is visible in review rather than rendering nothing.
 */
export function translatorFor(locale: () => Locale): Translate {
  const resolve = (template: string, args?: Record<string, string | number | boolean>) => resolvers[locale()](template, args);
  const translate = i18n.translator(() => flatCatalogue(locale()), resolve) as (k: string, a?: Record<string, string | number>) => string | undefined;
  return (key, args) => {
    const text = translate(key, args);
    return typeof text === 'string' ? text : key;
  };
}

/** The app's strings in the chosen language. */
export function useText(): Translate {
  return translatorFor(useLocale());
}
