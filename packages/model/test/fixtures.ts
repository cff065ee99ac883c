// Tests may read the real data files; src/ may not (SPEC L1): the lint boundary covers src/ only.
import { readdirSync, readFileSync } from 'node:fs';
import type { Collaborative } from '../src/domain/collaborative';
import type { LanguageCategory, School, Setting } from '../src/domain/school';

/** A school with the facts the rules look at; the id starts with its LA code as WG ids do. */
export function school(id: string, setting: Setting, languageCategory: LanguageCategory = 'english-medium'): School {
  const laCode = Number(id.slice(0, 3));
  return {
    id,
    name: { cy: `Ysgol ${id}`, en: `School ${id}` },
    sourceName: { cy: `Ysgol ${id}`, en: `School ${id}` },
    laCode,
    setting,
    languageCategory,
    wgLanguageCode: languageCategory === 'welsh-medium' ? 'WM' : 'EM',
    religiousCharacter: 'none',
  };
}

export function collaborative(id: string, kind: Collaborative['kind'], memberSchoolIds: string[], extra: Partial<Collaborative> = {}): Collaborative {
  return {
    id,
    name: { cy: `Cydweithrediad ${id}`, en: `Collaborative ${id}` },
    kind,
    structure: kind === 'vertical' ? 'cluster' : 'horizontal',
    memberSchoolIds,
    convenorId: `convenor-${id}`,
    laFacilitatorIds: [],
    synthetic: true,
    ...extra,
  };
}

/** The Welsh Government data the repository ships (data/SOURCES.md). */
export const dataDir = new URL('../../../data/', import.meta.url).pathname;

/** The text of a file of this package (path relative to packages/model). */
export function readPackageFile(path: string): string {
  return readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
}

/** The names of this package's test files. */
export function listTestFiles(): string[] {
  return readdirSync(new URL('.', import.meta.url)).filter((f) => f.endsWith('.test.ts'));
}

/** The text of a file in the shared data directory. */
export function readData(file: string): string {
  return readFileSync(dataDir + file, 'utf8');
}
