import { createEffect, createSignal, type Accessor } from 'solid-js';
import { isLocale, type Locale } from '@cydweithio/ui';
import { loadCatalogue } from './loadedCatalogues';

const STORAGE_KEY = 'cyd.locale';

/** Welsh unless the person chose otherwise on this device (SPEC C2). */
export function readStoredLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isLocale(stored) ? stored : 'cy';
  } catch {
    return 'cy';
  }
}

/**
 * The language choice, persisted and mirrored on <html lang> for assistive technology. A switch
 * takes effect once the new language's strings have loaded, so no screen shows bare keys; if
 * they cannot load, the page stays in the language it was in.
 */
export function createLocaleState(): [Accessor<Locale>, (locale: Locale) => void] {
  const [locale, setLocale] = createSignal<Locale>(readStoredLocale());
  createEffect(() => {
    document.documentElement.lang = locale();
    try {
      localStorage.setItem(STORAGE_KEY, locale());
    } catch {
      // Private mode without storage: the choice lasts for this visit.
    }
  });
  const switchTo = (next: Locale) => {
    void loadCatalogue(next).then(() => setLocale(next), () => undefined);
  };
  return [locale, switchTo];
}
