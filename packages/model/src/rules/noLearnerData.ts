import type { z } from 'zod';

/**
 * M9: the product holds no learner-level data and no school assessment data. These key
 * fragments must not appear in any schema (compared case-insensitively, ignoring - and _).
 * `pupils` is here too: the WG list's school-level pupil count is school-level, but we have no
 * need of it, so it is not stored either.
 */
export const forbiddenKeyFragments = [
  'score',
  'grade',
  'attainment',
  'pupil',
  'learnername',
  'learnerid',
  'dateofbirth',
  'dob',
  'upn',
  'assessment',
  'result',
  'mark',
  'freeschoolmeals',
  'fsm',
  'ethnicity',
  'senstatus',
  'alnstatus',
] as const;

function normalise(key: string): string {
  return key.toLowerCase().replace(/[-_\s]/g, '');
}

export function isForbiddenKey(key: string): boolean {
  const k = normalise(key);
  return forbiddenKeyFragments.some((f) => k.includes(f));
}

interface DefLike {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  options?: readonly z.ZodType[];
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  valueType?: z.ZodType;
  left?: z.ZodType;
  right?: z.ZodType;
  items?: readonly z.ZodType[];
}

/** Every object key anywhere inside a zod schema, as dotted paths. */
export function schemaKeyPaths(schema: z.ZodType, prefix = ''): string[] {
  const def = (schema as unknown as { _zod: { def: DefLike } })._zod.def;
  const out: string[] = [];
  const visit = (child: z.ZodType | undefined, path: string): void => {
    if (child !== undefined) out.push(...schemaKeyPaths(child, path));
  };
  if (def.shape !== undefined) {
    for (const [key, child] of Object.entries(def.shape)) {
      const path = prefix === '' ? key : `${prefix}.${key}`;
      out.push(path);
      visit(child, path);
    }
  }
  visit(def.element, `${prefix}[]`);
  visit(def.innerType, prefix);
  visit(def.in, prefix);
  visit(def.out, prefix);
  visit(def.valueType, `${prefix}{}`);
  visit(def.left, prefix);
  visit(def.right, prefix);
  for (const option of def.options ?? []) visit(option, prefix);
  for (const item of def.items ?? []) visit(item, prefix);
  return out;
}

/** The forbidden key paths found in a schema (empty when the schema is clean). */
export function findLearnerDataKeys(schema: z.ZodType): string[] {
  return schemaKeyPaths(schema).filter((path) => isForbiddenKey(path.split('.').at(-1) ?? path));
}
