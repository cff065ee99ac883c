import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forbiddenKeyFragments } from '@cydweithio/model/rules/noLearnerData';

const srcDir = join(import.meta.dirname, '..', 'src');

function screenFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return screenFiles(path);
    return name.endsWith('.tsx') ? [path] : [];
  });
}

describe('no learner-level data on any screen', () => {
  it('C12: no form control is named, identified or labelled after a learner-level field', () => {
    const offending: string[] = [];
    for (const file of screenFiles(srcDir)) {
      const source = readFileSync(file, 'utf8');
      // Form controls' names and ids, and the ids labels point at: what a field would be called.
      for (const match of source.matchAll(/\b(?:name|id|for|autocomplete)=["'`{]+([^"'`}]+)/g)) {
        const value = (match[1] ?? '').toLowerCase();
        for (const fragment of forbiddenKeyFragments) {
          if (value.includes(fragment.toLowerCase())) offending.push(`${file.slice(srcDir.length)}: ${value} (${fragment})`);
        }
      }
    }
    expect(offending).toEqual([]);
  });
});
