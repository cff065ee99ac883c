import ts from 'typescript';
import type { Plugin } from 'vite';

/**
 * Marks lib0's top-level schema values as pure, so the browser bundle drops lib0's schema
 * library, which nothing on a screen uses.
 *
 * The editor's binding imports one helper from `lib0/dom` (the document element), and `lib0/dom`
 * defines a few schemas at its top level (`export const $node = $.$custom(...)`). The bundler
 * cannot prove those calls free of side effects, so it kept them and with them the whole of
 * `lib0/schema` (6.5 KB before compression) on the document screen. Every top-level declaration
 * in those two files only builds a value (checked when lib0 is upgraded: the files hold nothing
 * but imports and declarations), so wrapping each call in a pure arrow call is the same value and
 * lets an unused one go.
 */
const SCHEMA_MODULES = /\/lib0\/(schema|dom)\.js$/;

export function pureLib0Schemas(): Plugin {
  return {
    name: 'cyd-pure-lib0-schemas',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!SCHEMA_MODULES.test(id)) return null;
      const source = ts.createSourceFile(id, code, ts.ScriptTarget.Latest, true);
      const spans: [number, number][] = [];
      for (const statement of source.statements) {
        if (!ts.isVariableStatement(statement)) continue;
        for (const declaration of statement.declarationList.declarations) {
          const value = declaration.initializer;
          if (value && builds(value)) spans.push([value.getStart(source), value.getEnd()]);
        }
      }
      if (spans.length === 0) return null;
      let out = code;
      for (const [start, end] of spans.reverse()) {
        out = `${out.slice(0, start)}/* @__PURE__ */ (() => ${out.slice(start, end)})()${out.slice(end)}`;
      }
      return { code: out, map: null };
    },
  };
}

/** A call or `new` (possibly inside a type cast's parentheses): what the bundler cannot judge. */
function builds(node: ts.Expression): boolean {
  let inner = node;
  while (ts.isParenthesizedExpression(inner)) inner = inner.expression;
  return ts.isCallExpression(inner) || ts.isNewExpression(inner) || ts.isBinaryExpression(inner) || ts.isConditionalExpression(inner);
}
