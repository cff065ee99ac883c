/**
 * The app's message catalogues: the shared strings in ./cy.json and ./en.json, and one pair per
 * area of the product in ./areas/<area>/ (a screen's own strings, and any error codes of its
 * own under "errors"). They are merged into one catalogue per language; two files defining the
 * same key is a mistake, so it throws at load rather than letting one silently win.
 */
import type { Catalogue, Locale } from '@cydweithio/ui';
import cyShared from './cy.json';
import enShared from './en.json';

const areaFiles = import.meta.glob<Catalogue>('./areas/*/*.json', { eager: true, import: 'default' });

function mergeInto(target: Catalogue, source: Catalogue, file: string, path = ''): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (typeof value === 'string' || typeof existing === 'string') {
      if (existing !== undefined) throw new Error(`i18n: ${path}${key} is defined twice (again in ${file})`);
      target[key] = value;
    } else {
      const child: Catalogue = existing ?? {};
      target[key] = child;
      mergeInto(child, value, file, `${path}${key}.`);
    }
  }
}

function catalogueFor(locale: Locale, shared: Catalogue): Catalogue {
  const merged: Catalogue = {};
  mergeInto(merged, shared, `${locale}.json`);
  for (const [file, catalogue] of Object.entries(areaFiles)) {
    if (file.endsWith(`/${locale}.json`)) mergeInto(merged, catalogue, file);
  }
  return merged;
}

export const catalogues: Record<Locale, Catalogue> = { cy: catalogueFor('cy', cyShared), en: catalogueFor('en', enShared) };
