import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The numbered-rule convention over every spec file the root SPEC.md indexes: each rule id is
 * defined once, every rule has a test whose name carries its id, and every id a test names is a
 * rule. If a spec and its tests disagree, one of them is wrong.
 *
 * A rule proved by a benchmark or a long run rather than a test says so where it is defined,
 * with "measured by" followed by the command (e.g. R5 in RELIABILITY.md); a rule enforced by the
 * lint configuration says "enforced by lint".
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function specFiles(): string[] {
  const index = readFileSync(join(root, 'SPEC.md'), 'utf8');
  const linked = [...index.matchAll(/\]\(([^)#]+\.md)\)/g)].map((m) => m[1] ?? '');
  return [...new Set(linked)];
}

interface RuleDefinition {
  id: string;
  file: string;
  exempt: boolean;
}

/**
 * `- **S1 …**` / `- **P1**` bullets and `| C1 |` table rows. A file may restate its rules in
 * later tables (targets, results): within one file a table row defines an id only once.
 */
function definitions(): RuleDefinition[] {
  return specFiles().flatMap((file) => {
    const rows = new Map<string, RuleDefinition>();
    const bullets: RuleDefinition[] = [];
    for (const line of readFileSync(join(root, file), 'utf8').split('\n')) {
      const bullet = /^- \*\*([A-Z]\d+)\b/.exec(line)?.[1];
      const row = /^\| ([A-Z]\d+) \|/.exec(line)?.[1];
      const exempt = /measured by|enforced by lint/i.test(line);
      if (bullet) bullets.push({ id: bullet, file, exempt });
      else if (row) rows.set(row, { id: row, file, exempt: exempt || (rows.get(row)?.exempt ?? false) });
    }
    return [...bullets, ...rows.values()];
  });
}

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) return [];
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return testFiles(path);
    // Test files, and shared contract suites that test files run (storage/contract.ts).
    return /\.test\.tsx?$|(^|-)contract\.ts$/.test(name) ? [path] : [];
  });
}

/** Ids that test titles carry: `it('S1, S2: …')`, and ids in quotes for titles built from a variable. */
function namedInTests(): Map<string, string> {
  const named = new Map<string, string>();
  for (const file of ['apps', 'packages', 'tests'].flatMap((dir) => testFiles(join(root, dir)))) {
    const text = readFileSync(file, 'utf8');
    const titles = [...text.matchAll(/\b(?:it|test|describe)(?:\.\w+)?\(\s*['`"]((?:[A-Z]\d+(?:, ?|\/| and ))*[A-Z]\d+)[: ]/g)].map((m) => m[1] ?? '');
    const quoted = [...text.matchAll(/['"]([A-Z]\d+)['"]/g)].map((m) => m[1] ?? '');
    for (const group of [...titles, ...quoted]) {
      for (const id of group.split(/, ?|\/| and /)) if (!named.has(id)) named.set(id, relative(root, file));
    }
  }
  return named;
}

describe('numbered rules', () => {
  const defined = definitions();
  const named = namedInTests();

  it('L2: every rule id is defined once across the spec files', () => {
    const seen = new Map<string, string>();
    const twice = defined.filter((rule) => {
      const first = seen.get(rule.id);
      seen.set(rule.id, rule.file);
      return first !== undefined;
    });
    expect(twice.map((r) => `${r.id} (${r.file})`)).toEqual([]);
  });

  it('L2: every rule has a test named after it, unless the spec says it is measured or linted', () => {
    expect(defined.length).toBeGreaterThan(150);
    const untested = defined.filter((rule) => !rule.exempt && !named.has(rule.id));
    expect(untested.map((r) => `${r.id} (${r.file})`)).toEqual([]);
  });

  it('L2: every id a test title names is a rule of some spec file', () => {
    const ids = new Set(defined.map((r) => r.id));
    const stray = [...named].filter(([id]) => !ids.has(id)).map(([id, file]) => `${id} (${file})`);
    expect(stray).toEqual([]);
  });
});
