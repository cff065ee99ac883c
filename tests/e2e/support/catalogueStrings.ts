/**
 * The fixed texts of each language from every catalogue pair, for checking that a screen shows
 * no string of the other language. Template strings contribute their fixed opening words.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths';

type Catalogue = { [key: string]: string | Catalogue };

function flatten(c: Catalogue, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(c)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

/** Every folder holding a catalogue pair (cy.json + en.json): the shared ones and each area's. */
function catalogueFolders(root: string): string[] {
  const here = readdirSync(join(repoRoot, root));
  const nested = here.filter((name) => statSync(join(repoRoot, root, name)).isDirectory()).flatMap((name) => catalogueFolders(`${root}/${name}`));
  return here.includes('en.json') ? [root, ...nested] : nested;
}

const folders = ['apps/web/src/i18n', 'packages/ui/src/i18n'].flatMap(catalogueFolders);

function load(locale: 'cy' | 'en'): Map<string, string> {
  const all = new Map<string, string>();
  for (const folder of folders) {
    const catalogue = JSON.parse(readFileSync(join(repoRoot, folder, `${locale}.json`), 'utf8')) as Catalogue;
    for (const [k, v] of flatten(catalogue)) all.set(`${folder}:${k}`, v);
  }
  return all;
}

/** Every string of one language with the catalogue file and key it comes from. */
export function catalogueEntries(locale: 'cy' | 'en'): { file: string; key: string; text: string }[] {
  return folders.flatMap((folder) => {
    const catalogue = JSON.parse(readFileSync(join(repoRoot, folder, `${locale}.json`), 'utf8')) as Catalogue;
    return [...flatten(catalogue)].map(([key, text]) => ({ file: `${folder}/${locale}.json`, key, text }));
  });
}

/** Strings that belong to one language only (differ from the other language's text for the same key). */
export function languageOnlyStrings(): { cy: Set<string>; en: Set<string> } {
  const cy = load('cy');
  const en = load('en');
  const only = { cy: new Set<string>(), en: new Set<string>() };
  for (const [key, cyText] of cy) {
    const enText = en.get(key) ?? '';
    if (cyText === enText || cyText.includes('{{') || enText.includes('{{')) continue;
    only.cy.add(cyText.trim());
    only.en.add(enText.trim());
  }
  // A word spelt the same in the other language elsewhere in the catalogues is not a leak.
  for (const text of [...only.cy]) if (only.en.has(text)) { only.cy.delete(text); only.en.delete(text); }
  return only;
}

/** Matches a catalogue key shown instead of its text (a missing translation), e.g. "roles.reviewer". */
export function rawKeyPattern(): RegExp {
  const tops = new Set<string>();
  for (const folder of folders) {
    const catalogue = JSON.parse(readFileSync(join(repoRoot, folder, 'en.json'), 'utf8')) as Catalogue;
    Object.keys(catalogue).forEach((k) => tops.add(k));
  }
  return new RegExp(`\\b(${[...tops].join('|')})\\.[A-Za-z][\\w.-]*`);
}
