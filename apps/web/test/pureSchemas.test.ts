import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { pureSchemas } from '../build/pureSchemas';

const modelFile = join(import.meta.dirname, '../../../packages/model/src/domain/document.ts');

function transform(code: string, id = modelFile): string | null {
  const plugin = pureSchemas();
  const hook = plugin.transform as (code: string, id: string) => { code: string } | null;
  return hook.call({}, code, id)?.code ?? null;
}

describe('C290 the browser bundle drops the model schemas no screen uses', () => {
  it('C290: wraps each top-level schema definition, and only those, in a pure call with the same expression', () => {
    const code = [
      "import { z } from 'zod';",
      "export const kinds = ['a', 'b'] as const;",
      'export const Kind = z.enum(kinds);',
      'export const Named = z.object({ name: z.string().min(1) }).refine((v) => v.name !== "x");',
      'export const Wider = Named.and(z.object({ more: z.boolean() }));',
      'export const byKind = new Map(kinds.map((k) => [k, k]));',
      'export function isKind(value: unknown) { return Kind.safeParse(value).success; }',
      "export const checked = Kind.parse('a');",
    ].join('\n');
    const out = transform(code) ?? '';
    expect(out).toContain('export const Kind = /* @__PURE__ */ (() => z.enum(kinds))();');
    expect(out).toContain('export const Named = /* @__PURE__ */ (() => z.object({ name: z.string().min(1) }).refine((v) => v.name !== "x"))();');
    expect(out).toContain('export const Wider = /* @__PURE__ */ (() => Named.and(z.object({ more: z.boolean() })))();');
    expect(out).toContain("export const kinds = ['a', 'b'] as const;");
    expect(out).toContain('export const byKind = new Map(');
    expect(out).toContain('export function isKind(value: unknown) { return Kind.safeParse(value).success; }');
    // Parsing is using a schema, not building one: it runs where it is written.
    expect(out).toContain("export const checked = Kind.parse('a');");
  });

  it('C290: leaves files outside the model, or without zod, as they are; a real model file still parses', () => {
    expect(transform("import { z } from 'zod';\nexport const A = z.string();", '/app/src/schemas.ts')).toBeNull();
    expect(transform('export const areas = [1, 2];')).toBeNull();
    const out = transform(readFileSync(modelFile, 'utf8')) ?? '';
    expect(out).toContain('/* @__PURE__ */ (() => z.enum(allDocumentKinds))()');
    const parsed = ts.createSourceFile(modelFile, out, ts.ScriptTarget.Latest, true) as ts.SourceFile & { parseDiagnostics: ts.Diagnostic[] };
    expect(parsed.parseDiagnostics).toEqual([]);
  });
});
