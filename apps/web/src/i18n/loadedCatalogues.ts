import * as i18n from '@solid-primitives/i18n';
import { createSignal } from 'solid-js';
import type { Catalogue, Locale } from '@cydweithio/ui';
import { addLabelGroups } from './labelGroups';
import type { ScreenArea } from './screenAreas';

/**
 * The strings this page has loaded. One language at a time: the one the person reads is loaded
 * before the first render, the other when they switch (or when a screen must show both). Within
 * a language, the core catalogue first and each screen area (./screenAreas) with the first
 * screen that needs it; switching language loads the same areas again in the new one. The
 * service worker precaches every chunk, so all of it works offline too.
 */
const coreLoaders: Record<Locale, () => Promise<Catalogue>> = {
  cy: () => import('./welshCatalogue').then((module) => module.welshCatalogue),
  en: () => import('./englishCatalogue').then((module) => module.englishCatalogue),
};

const areaFiles: Record<Locale, Record<string, () => Promise<Catalogue>>> = {
  cy: import.meta.glob<Catalogue>('./areas/{collaborative,convening,cycle,home,invitation,la,la-roles,review-host}/cy.json', { import: 'default' }),
  en: import.meta.glob<Catalogue>('./areas/{collaborative,convening,cycle,home,invitation,la,la-roles,review-host}/en.json', { import: 'default' }),
};

function areaLoader(locale: Locale, area: ScreenArea): () => Promise<Catalogue> {
  const loader = areaFiles[locale][`./areas/${area}/${locale}.json`];
  if (!loader) throw new Error(`i18n: no ${locale} catalogue for the ${area} area`);
  return loader;
}

type Flat = Record<string, string>;
const [core, setCore] = createSignal<Partial<Record<Locale, Flat>>>({});
const [settled, setSettled] = createSignal<Partial<Record<Locale, true>>>({});
const [areas, setAreas] = createSignal<Partial<Record<Locale, Flat>>>({});
const pending = new Map<string, Promise<void>>();
/** The areas some screen on this page has asked for, to load again on a language switch. */
const wanted = new Set<ScreenArea>();

function once(key: string, load: () => Promise<void>): Promise<void> {
  const existing = pending.get(key);
  if (existing) return existing;
  const loading = load();
  // A failed load (offline before the first visit finished caching) may be tried again.
  loading.catch(() => pending.delete(key));
  pending.set(key, loading);
  return loading;
}

/** Whatever else an area brings, in both languages at once: the cycle's domain label groups. */
const areaExtras: Partial<Record<ScreenArea, () => Promise<void>>> = {
  cycle: () => import('./cycleLabelGroups').then((module) => addLabelGroups(module.cycleLabelGroups)),
};

function loadArea(locale: Locale, area: ScreenArea): Promise<void> {
  const extra = areaExtras[area];
  const loadingExtra = extra ? once(`*/${area}`, extra) : Promise.resolve();
  const loadingStrings = once(`${locale}/${area}`, () =>
    areaLoader(locale, area)().then((catalogue) => {
      setAreas((current) => ({ ...current, [locale]: { ...current[locale], ...(i18n.flatten(catalogue) as Flat) } }));
    }),
  );
  return Promise.all([loadingExtra, loadingStrings]).then(() => undefined);
}

/** Loads one language's strings (once), with every area asked for so far; resolves when they can be shown. */
export function loadCatalogue(locale: Locale): Promise<void> {
  const loadingCore = once(locale, () =>
    coreLoaders[locale]()
      .then((catalogue) => {
        setCore((current) => ({ ...current, [locale]: i18n.flatten(catalogue) as Flat }));
      })
      .finally(() => setSettled((current) => ({ ...current, [locale]: true }))),
  );
  return Promise.all([loadingCore, ...[...wanted].map((area) => loadArea(locale, area))]).then(() => undefined);
}

/** Loads screen areas in every language this page has begun to load; resolves when they are in. */
export function loadAreas(needed: readonly ScreenArea[]): Promise<void> {
  for (const area of needed) wanted.add(area);
  const locales = (['cy', 'en'] as const).filter((locale) => pending.has(locale));
  return Promise.all(locales.flatMap((locale) => needed.map((area) => loadArea(locale, area)))).then(() => undefined);
}

/**
 * A screen's module together with the areas it needs. A missing area (offline before it was
 * cached) does not keep the screen from opening; it shows the keys instead.
 */
export function withAreas<T>(needed: readonly ScreenArea[], load: () => Promise<T>): Promise<T> {
  return Promise.all([load(), loadAreas(needed).catch(() => undefined)]).then(([module]) => module);
}

/** Whether the first load of a language's core strings has ended, loaded or not (reactive). */
export function catalogueSettled(locale: Locale): boolean {
  return settled()[locale] === true;
}

/** Whether a language's core strings are here yet (reactive). */
export function hasCatalogue(locale: Locale): boolean {
  return core()[locale] !== undefined;
}

const merged = new Map<Locale, { core: Flat; areas: Flat | undefined; flat: Flat }>();

/** The strings of a language loaded so far, or none while they load (reactive; merged once per load). */
export function flatCatalogue(locale: Locale): Flat {
  const loadedCore = core()[locale];
  if (!loadedCore) return {};
  const loadedAreas = areas()[locale];
  const cached = merged.get(locale);
  if (cached && cached.core === loadedCore && cached.areas === loadedAreas) return cached.flat;
  const flat = loadedAreas ? { ...loadedCore, ...loadedAreas } : loadedCore;
  merged.set(locale, { core: loadedCore, areas: loadedAreas, flat });
  return flat;
}
