import ts from 'typescript';

/**
 * Wraps the initializer of each top-level variable that `marks` accepts in a pure arrow call,
 * `/* @__PURE__ *\/ (() => <expression>)()`: the same value, which the bundler may drop when
 * nothing uses it (a `@__PURE__` comment alone covers one call, not a chain). Null when nothing
 * was marked. Shared by the build's plugins that mark schema definitions pure.
 */
export function wrapTopLevelPure(code: string, id: string, marks: (value: ts.Expression) => boolean): { code: string; map: null } | null {
  const source = ts.createSourceFile(id, code, ts.ScriptTarget.Latest, true);
  const spans: [number, number][] = [];
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      const value = declaration.initializer;
      if (value && marks(value)) spans.push([value.getStart(source), value.getEnd()]);
    }
  }
  if (spans.length === 0) return null;
  let out = code;
  for (const [start, end] of spans.reverse()) {
    out = `${out.slice(0, start)}/* @__PURE__ */ (() => ${out.slice(start, end)})()${out.slice(end)}`;
  }
  return { code: out, map: null };
}
