import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogueKeys } from '@cydweithio/ui/i18n/makeTranslator';
import { allRoles } from '@cydweithio/model/domain/person';
import { allDocumentKinds } from '@cydweithio/model/domain/document';
import { catalogues } from '../src/i18n/catalogue';

const { cy, en } = catalogues;

const srcDir = join(import.meta.dirname, '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('C1 every string in Welsh and English', () => {
  const cyKeys = new Set(catalogueKeys(cy));
  const enKeys = new Set(catalogueKeys(en));

  it('C1: the Welsh and English catalogues (shared and per area) have exactly the same keys', () => {
    expect([...cyKeys].sort()).toEqual([...enKeys].sort());
  });

  it('C1: no catalogue entry is empty or left untranslated', () => {
    const flat = (c: object, keys: string[]) => keys.map((k) => k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], c));
    const keys = [...cyKeys];
    const cyValues = flat(cy, keys);
    const enValues = flat(en, keys);
    keys.forEach((key, i) => {
      expect(String(cyValues[i]).trim(), key).not.toBe('');
      expect(String(enValues[i]).trim(), key).not.toBe('');
    });
    // Words that are genuinely the same in both languages; anything else identical is a missing translation.
    const sameInBoth = new Set(['workspace.agenda']);
    const identical = keys.filter((key, i) => cyValues[i] === enValues[i] && !sameInBoth.has(key));
    expect(identical).toEqual([]);
  });

  it('C1: every literal key the screens use exists in the catalogues', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(srcDir)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\('([a-zA-Z][\w.-]*)'/g)) used.add(match[1] ?? '');
    }
    expect(used.size).toBeGreaterThan(50);
    const missing = [...used].filter((key) => !cyKeys.has(key));
    expect(missing).toEqual([]);
  });

  it('C1: dynamic keys cover every role (and the server\'s granting roles), and document kind', () => {
    for (const role of [...allRoles, 'reviewer', 'unknown']) expect(cyKeys.has(`roles.${role}`), role).toBe(true);
    for (const kind of allDocumentKinds) expect(cyKeys.has(`documentKind.${kind}`), kind).toBe(true);
    for (const access of ['owner', 'editor', 'viewer']) expect(cyKeys.has(`access.${access}`)).toBe(true);
  });

  it('C9: every problem code the API documents has a translation or falls back on purpose', () => {
    const codes = ['auth.invalid-credentials', 'auth.rate-limited', 'document.forbidden', 'invitation.expired', 'invitation.used'];
    for (const code of codes) expect(cyKeys.has(`errors.${code}`), code).toBe(true);
    expect(cyKeys.has('errors.generic')).toBe(true);
  });
});
