/**
 * The LA's own roles from the server (OVERVIEW.md O40-O41): who holds them, the trail of grants
 * and removals, the roles this officer may give (the model's grantableRoles, decided on the
 * server) and people working in the LA found by name or email. Lenient like the other shapes.
 */
import * as z from 'zod/mini';

const NamedRef = z.looseObject({ id: z.string(), name: z.nullish(z.string()) });
const Bilingual = z.object({ cy: z.string(), en: z.string() });

export const LaAccess = z.looseObject({
  laCode: z.number(),
  roles: z.array(z.looseObject({
    id: z.string(),
    role: z.string(),
    person: z.looseObject({ id: z.string(), name: z.string(), email: z.string() }),
    grantedBy: z.nullish(NamedRef),
    grantedAt: z.string(),
    removable: z.boolean(),
  })),
  trail: z._default(z.array(z.looseObject({
    at: z.string(),
    action: z.enum(['granted', 'revoked']),
    role: z.nullish(z.string()),
    by: z.nullish(NamedRef),
    person: z.nullish(NamedRef),
  })), []),
  grantable: z._default(z.array(z.string()), []),
});
export type LaAccess = z.infer<typeof LaAccess>;

export const LaPeople = z.looseObject({
  people: z.array(z.looseObject({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    places: z._default(z.array(z.looseObject({ role: z.string(), schoolId: z.nullish(z.string()), schoolName: z.nullish(Bilingual) })), []),
  })),
});
export type LaPerson = z.infer<typeof LaPeople>['people'][number];
