import * as z from 'zod/mini';
import { Name } from './schemas';

/** Client shapes of search and "what changed" (ACCESS.md A120-A125); lenient like the rest. */
const Bilingual = z.object({ cy: z.string(), en: z.string() });

export const SearchResults = z.looseObject({
  query: z.string(),
  results: z.array(z.looseObject({
    id: z.string(),
    kind: z.string(),
    title: z.string(),
    owner: z.looseObject({ name: z.nullable(Name) }),
    section: z.nullable(Bilingual),
    snippet: z.nullable(z.string()),
  })),
});
export type SearchResults = z.infer<typeof SearchResults>;

const Person = z.looseObject({ id: z.string(), name: z.string() });

export const LookResult = z.looseObject({
  lastLookedAt: z.nullable(z.string()),
  changes: z.array(z.looseObject({ section: Bilingual, person: Person, at: z.string() })),
});
export type LookResult = z.infer<typeof LookResult>;

const FeedDocument = z.looseObject({ id: z.string(), kind: z.string(), title: z.string(), owner: z.nullable(Name) });

export const Feed = z.looseObject({
  changes: z.array(z.looseObject({ document: FeedDocument, section: Bilingual, person: Person, at: z.string(), unseen: z.boolean() })),
  actions: z.array(z.looseObject({
    document: FeedDocument, id: z.string(), description: z.string(), ownerName: z.string(), due: z.string(), where: z.string(),
    flag: z.enum(['overdue', 'due-soon']), mine: z.boolean(),
  })),
  /** From the comments' feed source, when the server has one (A125). */
  mentions: z.optional(z.array(z.looseObject({ document: FeedDocument, by: z.optional(Person), at: z.string(), excerpt: z.optional(z.string()) }))),
});
export type Feed = z.infer<typeof Feed>;
