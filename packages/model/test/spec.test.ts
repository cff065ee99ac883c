import { describe, expect, it } from 'vitest';
import { listTestFiles, readPackageFile } from './fixtures';

/**
 * Guards the SPEC convention itself: each rule id in SPEC.md has a test whose name begins with
 * it. Policy matrix tests are generated with the id in a variable, so a quoted id counts too.
 */
describe('SPEC.md', () => {
  it('L0: every rule id in SPEC.md is named by a test, and ids are unique', () => {
    const spec = readPackageFile('SPEC.md');
    const ids = [...spec.matchAll(/^- \*\*([A-Z]\d+)\*\*/gm)].map((m) => m[1] ?? '');
    expect(ids.length).toBeGreaterThan(40);
    expect(new Set(ids).size).toBe(ids.length);
    const tests = [
      ...listTestFiles().map((f) => readPackageFile(`test/${f}`)),
      readPackageFile('../../tests/lint-boundaries.test.ts'),
      readPackageFile('../../tests/spec-ids.test.ts'),
    ].join('\n');
    const named = (id: string): boolean => new RegExp(`it\\(\\s*['\`]${id}:|'${id}'`).test(tests);
    expect(ids.filter((id) => !named(id))).toEqual([]);
  });
});
