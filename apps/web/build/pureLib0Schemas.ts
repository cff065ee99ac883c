import ts from 'typescript';
import type { Plugin } from 'vite';
import { wrapTopLevelPure } from './wrapPure';

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
      return wrapTopLevelPure(code, id, builds);
    },
  };
}

/** A call or `new` (possibly inside a type cast's parentheses): what the bundler cannot judge. */
function builds(node: ts.Expression): boolean {
  let inner = node;
  while (ts.isParenthesizedExpression(inner)) inner = inner.expression;
  return ts.isCallExpression(inner) || ts.isNewExpression(inner) || ts.isBinaryExpression(inner) || ts.isConditionalExpression(inner);
}
