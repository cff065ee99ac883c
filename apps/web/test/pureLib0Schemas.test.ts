import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { pureLib0Schemas } from '../build/pureLib0Schemas';

// lib0 as the bundle sees it: the copy yjs (and with it the editor binding) resolves.
const yjsRequire = createRequire(createRequire(import.meta.url).resolve('yjs'));
const lib0Dir = dirname(yjsRequire.resolve('lib0/package.json'));
const lib0File = (name: string) => join(lib0Dir, name);

function transform(code: string, id: string): string | null {
  const plugin = pureLib0Schemas();
  const hook = plugin.transform as (code: string, id: string) => { code: string } | null;
  return hook.call({}, code, id)?.code ?? null;
}

/** Top-level statements that are neither imports, exports of names, nor declarations. */
function otherStatements(code: string, file: string): string[] {
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true);
  return source.statements
    .filter((s) => !(ts.isImportDeclaration(s) || ts.isExportDeclaration(s) || ts.isVariableStatement(s) || ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s)))
    .map((s) => s.getText(source).slice(0, 80));
}

describe('C290 the document screen carries none of lib0\'s schema library', () => {
  it('C290: lib0/dom and lib0/schema still hold only imports and declarations, so marking their values pure changes nothing that runs', () => {
    for (const name of ['dom.js', 'schema.js']) {
      const code = readFileSync(lib0File(name), 'utf8');
      expect(otherStatements(code, name), name).toEqual([]);
    }
  });

  it('C290: wraps each top-level value built by a call in a pure call with the same expression, and leaves functions and literals', () => {
    const out = transform([
      "import * as $ from './schema.js'",
      'export const $node = $.$custom(el => el.nodeType === 9)',
      'export const $either = /** @type {any} */ ($.$union($node, $node))',
      'export const TEXT_NODE = 3',
      'export const check = el => $node.check(el)',
    ].join('\n'), '/x/node_modules/lib0/dom.js') ?? '';
    expect(out).toContain('export const $node = /* @__PURE__ */ (() => $.$custom(el => el.nodeType === 9))()');
    expect(out).toContain('export const $either = /** @type {any} */ /* @__PURE__ */ (() => ($.$union($node, $node)))()');
    expect(out).toContain('export const TEXT_NODE = 3');
    expect(out).toContain('export const check = el => $node.check(el)');
  });

  it('C290: touches no other file, and the real files still parse after it', () => {
    expect(transform('export const a = f()', '/x/node_modules/lib0/encoding.js')).toBeNull();
    expect(transform('export const a = f()', '/app/src/dom.js')).toBeNull();
    for (const name of ['dom.js', 'schema.js']) {
      const out = transform(readFileSync(lib0File(name), 'utf8'), lib0File(name)) ?? '';
      expect(out).toContain('/* @__PURE__ */');
      const parsed = ts.transpileModule(out, { reportDiagnostics: true, compilerOptions: { allowJs: true } });
      expect(parsed.diagnostics ?? []).toEqual([]);
    }
  });
});
