/**
 * A page loads its language's core catalogue and, with each screen, the areas only that screen
 * shows (C2). These tests keep that split honest: a key a screen uses must be in what that
 * screen has loaded, or the person would read the bare key.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogueKeys } from '@cydweithio/ui/i18n/makeTranslator';
import type { Catalogue } from '@cydweithio/ui';
import { englishCatalogue } from '../src/i18n/englishCatalogue';
import { welshCatalogue } from '../src/i18n/welshCatalogue';
import { cycleLabelGroups } from '../src/i18n/cycleLabelGroups';
import { areasFor, screenAreas, type ScreenArea } from '../src/i18n/screenAreas';

const srcDir = join(import.meta.dirname, '..', 'src');
const i18nDir = join(srcDir, 'i18n');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const areaKeys = (area: ScreenArea) => catalogueKeys(JSON.parse(readFileSync(join(i18nDir, 'areas', area, 'cy.json'), 'utf8')) as Catalogue);
const coreKeys = new Set(catalogueKeys(welshCatalogue));

/** The areas loaded with the screen a file belongs to (its folder), before anything it borrows. */
function ownAreas(file: string): readonly ScreenArea[] {
  const path = relative(srcDir, file);
  const rules: [RegExp, readonly ScreenArea[]][] = [
    [/^screens\/home\//, areasFor.home],
    [/^screens\/la\//, areasFor.la],
    [/^screens\/cycle\//, areasFor.cycle],
    [/^screens\/collaborative\//, areasFor.collaborative],
    [/^screens\/convening\//, areasFor.convening],
    [/^screens\/access\//, areasFor.access],
    [/^screens\/InvitationScreen\.tsx$/, areasFor.invitation],
    [/^screens\/document\/(plan|review)\//, areasFor.cycleDocument],
    [/^screens\/document\/peer-review\/(TeamInvitationsPanel|PublishStrengthsCard)\.tsx$/, areasFor.reviewHost],
  ];
  return rules.find(([pattern]) => pattern.test(path))?.[1] ?? [];
}

/**
 * Files each file imports, statically or lazily (relative imports only). A lazy import wrapped in
 * `withAreas(...)` loads a part that brings its own areas, so it is not counted as borrowed.
 */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8').replace(/withAreas\([^()]*,\s*\(\)\s*=>\s*import\('[^']+'\)/g, '');
  const targets = [...text.matchAll(/(?:from\s+|import\()\s*'(\.[^']+)'/g)].map((match) => resolve(dirname(file), match[1] ?? ''));
  return targets.flatMap((target) => [`${target}.ts`, `${target}.tsx`, target].filter((path) => existsSync(path) && statSync(path).isFile()).slice(0, 1));
}

const files = sourceFiles(srcDir);
// App and the document bodies' loader are where areas are loaded: what they import lazily is a
// screen that brings its own areas, not a part of their page.
const areaRoots = new Set([join(srcDir, 'App.tsx'), join(srcDir, 'screens/document/documentBodies.ts')]);
const importers = new Map<string, string[]>();
for (const file of files) {
  if (areaRoots.has(file)) continue;
  for (const target of importsOf(file)) importers.set(target, [...(importers.get(target) ?? []), file]);
}

/** The areas surely loaded wherever a file may be shown: its own screen's, and every screen that borrows it. */
function loadedAreasFor(file: string): Set<ScreenArea> {
  let loaded = new Set(ownAreas(file));
  const seen = new Set([file]);
  const queue = [...(importers.get(file) ?? [])];
  while (queue.length > 0) {
    const importer = queue.pop() as string;
    if (seen.has(importer)) continue;
    seen.add(importer);
    const theirs = new Set(ownAreas(importer));
    loaded = new Set([...loaded].filter((area) => theirs.has(area)));
    queue.push(...(importers.get(importer) ?? []));
  }
  return loaded;
}

describe('C2 a page loads only the strings it shows', () => {
  it('C2: the screen areas are the ones the core catalogues and the area loader leave out', () => {
    const listed = `{${[...screenAreas].sort().join(',')}}`;
    for (const file of ['welshCatalogue.ts', 'englishCatalogue.ts', 'loadedCatalogues.ts']) {
      expect(readFileSync(join(i18nDir, file), 'utf8'), file).toContain(`./areas/${listed}/`);
    }
    for (const area of screenAreas) {
      for (const key of areaKeys(area)) expect(coreKeys.has(key), `${area}: ${key}`).toBe(false);
    }
  });

  it('C2: the Welsh and English core catalogues have the same keys', () => {
    expect(catalogueKeys(englishCatalogue).sort()).toEqual([...coreKeys].sort());
  });

  it('C2: every literal key a file uses is in the core catalogue or an area loaded wherever the file is shown', () => {
    const missing: string[] = [];
    let checked = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const keys = [...text.matchAll(/\bt\('([a-zA-Z][\w.-]*)'/g)].map((match) => match[1] ?? '');
      const prefixes = [...text.matchAll(/\bt\(`([a-zA-Z][\w-]*)\.\$\{/g)].map((match) => `${match[1] ?? ''}.`);
      if (keys.length === 0 && prefixes.length === 0) continue;
      const available = new Set(coreKeys);
      for (const area of loadedAreasFor(file)) for (const key of areaKeys(area)) available.add(key);
      for (const key of keys) {
        checked++;
        if (!available.has(key)) missing.push(`${relative(srcDir, file)}: ${key}`);
      }
      for (const prefix of prefixes) {
        if (![...available].some((key) => key.startsWith(prefix))) missing.push(`${relative(srcDir, file)}: ${prefix}…`);
      }
    }
    expect(checked).toBeGreaterThan(300);
    expect(missing).toEqual([]);
  });

  it('C2: the cycle\'s label groups are used only where the cycle area (which brings them) is loaded', () => {
    const groups = Object.keys(cycleLabelGroups).join('|');
    const users = files.filter((file) => new RegExp(`\\b\\w+\\('(${groups})'`).test(readFileSync(file, 'utf8')));
    expect(users.length).toBeGreaterThan(3);
    expect(users.filter((file) => !loadedAreasFor(file).has('cycle')).map((file) => relative(srcDir, file))).toEqual([]);
  });
});
