import ts from 'typescript';
import type { Plugin } from 'vite';
import { wrapTopLevelPure } from './wrapPure';

/**
 * Marks the model's top-level zod schema definitions as pure, so the browser bundle drops the
 * ones no screen uses (and with them classic zod and its JSON Schema code, which the server
 * needs and the browser never does).
 *
 * The model's domain files define a schema beside each constant (`areas` and `Area`). The browser
 * imports the constants; the bundler must otherwise keep every schema built next to them,
 * because `z.string().min(1)` is a chain of calls it cannot prove free of side effects. A
 * `@__PURE__` comment applies to one call only, not to a chain, so each definition is wrapped
 * in a pure arrow call instead: `/* @__PURE__ *\/ (() => z.string().min(1))()`, the same value.
 *
 * Only definitions whose chain starts at `z` or at another schema (a PascalCase name, the
 * model's convention for schemas) are marked; constants and functions are left as written.
 */
export function pureSchemas(): Plugin {
  return {
    name: 'cyd-pure-schemas',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/packages\/model\/src\/.+\.ts$/.test(id) || !/from ['"]zod['"]/.test(code)) return null;
      return wrapTopLevelPure(code, id, isSchemaChain);
    },
  };
}

/** Calls that use a schema rather than build one: their result (or their throw) is the point. */
const USES = new Set(['parse', 'safeParse', 'parseAsync', 'safeParseAsync', 'decode', 'encode']);

/**
 * `z.object(...)`, `z.string().min(1)`, `Person.extend(...)`: a call chain rooted at `z` or a
 * schema that only builds a schema (never `Schema.parse(...)`, which must run where it is written).
 */
function isSchemaChain(node: ts.Expression): boolean {
  if (!ts.isCallExpression(node)) return false;
  let root: ts.Expression = node;
  while (ts.isCallExpression(root) || ts.isPropertyAccessExpression(root)) {
    if (ts.isPropertyAccessExpression(root) && USES.has(root.name.text)) return false;
    root = root.expression;
  }
  return ts.isIdentifier(root) && (root.text === 'z' || /^[A-Z]/.test(root.text));
}
