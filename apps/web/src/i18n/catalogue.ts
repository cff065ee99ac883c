/**
 * Both languages' complete catalogues (shared strings and every area), for the tests that keep
 * Welsh and English in step. The app itself never imports this module (it would ship both
 * languages and every area to every page): it loads what it shows through ./loadedCatalogues.
 */
import type { Catalogue, Locale } from '@cydweithio/ui';
import cyShared from './cy.json';
import enShared from './en.json';
import { mergeCatalogues } from './mergeCatalogues';

const areaFiles = import.meta.glob<Catalogue>('./areas/*/*.json', { eager: true, import: 'default' });
const areasIn = (locale: Locale) => Object.fromEntries(Object.entries(areaFiles).filter(([file]) => file.endsWith(`/${locale}.json`)));

export const catalogues: Record<Locale, Catalogue> = {
  cy: mergeCatalogues(cyShared, 'cy.json', areasIn('cy')),
  en: mergeCatalogues(enShared, 'en.json', areasIn('en')),
};
