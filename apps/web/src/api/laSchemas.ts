import * as z from 'zod/mini';
import { Name } from './schemas';

/**
 * Client shapes of the LA picture's answers (apps/sync-server/OVERVIEW.md). Lenient like the
 * others: only what the screens show is required.
 */
const Bilingual = z.object({ cy: z.string(), en: z.string() });

export const ItemRef = z.looseObject({
  ownerType: z.enum(['school', 'collaborative']), ownerId: z.string(), itemId: z.string(), area: z.string(), text: z.string(), subject: z.string(),
  tagIds: z._default(z.array(z.string()), []),
});
export type ItemRef = z.infer<typeof ItemRef>;

export const Match = z.looseObject({ need: ItemRef, offer: ItemRef, sameLa: z.boolean(), distanceKm: z.nullable(z.number()), brokered: z.boolean() });
export type Match = z.infer<typeof Match>;

const Group = {
  priorities: z.array(ItemRef), schoolIds: z.array(z.string()), collaborativeIds: z.array(z.string()),
  strengths: z.array(ItemRef), needs: z.array(ItemRef), matches: z.array(Match),
};
export const OverviewGroup = z.looseObject(Group);
export type OverviewGroup = z.infer<typeof OverviewGroup>;

export const ThemeTag = z.looseObject({ id: z.string(), laCode: z.number(), label: Bilingual });
export type ThemeTag = z.infer<typeof ThemeTag>;

export const LaOverview = z.looseObject({
  tags: z.array(ThemeTag),
  themes: z.array(z.looseObject({ ...Group, tagId: z.string() })),
  areas: z.array(z.looseObject({ ...Group, area: z.string() })),
  schools: z.record(z.string(), z.looseObject({ name: Name, laCode: z.number() })),
  collaboratives: z.record(z.string(), z.looseObject({ name: Name })),
  withoutApprovedPlan: z._default(z.array(z.string()), []),
});
export type LaOverview = z.infer<typeof LaOverview>;

/**
 * The overview as the server sends it (OVERVIEW.md O44): each item once in `items`, groups
 * naming their items by key. `overviewFromAnswer` gives the screens groups that hold their items.
 */
const MatchAnswer = z.looseObject({ need: z.string(), offer: z.string(), sameLa: z.boolean(), distanceKm: z.nullable(z.number()), brokered: z.boolean() });
const GroupAnswer = {
  priorities: z.array(z.string()), schoolIds: z.array(z.string()), collaborativeIds: z.array(z.string()),
  strengths: z.array(z.string()), needs: z.array(z.string()), matches: z.array(MatchAnswer),
};
export const LaOverviewAnswer = z.looseObject({
  items: z.record(z.string(), ItemRef),
  tags: z.array(ThemeTag),
  themes: z.array(z.looseObject({ ...GroupAnswer, tagId: z.string() })),
  areas: z.array(z.looseObject({ ...GroupAnswer, area: z.string() })),
  schools: z.record(z.string(), z.looseObject({ name: Name, laCode: z.number() })),
  collaboratives: z.record(z.string(), z.looseObject({ name: Name })),
  withoutApprovedPlan: z._default(z.array(z.string()), []),
});
type LaOverviewAnswer = z.infer<typeof LaOverviewAnswer>;

/** The groups with their items in place; a key the answer does not carry is left out. */
export function overviewFromAnswer(answer: LaOverviewAnswer): LaOverview {
  const { items, ...rest } = answer;
  const each = (keys: readonly string[]): ItemRef[] => keys.flatMap((k) => (items[k] ? [items[k]] : []));
  const group = <G extends { priorities: string[]; strengths: string[]; needs: string[]; matches: z.infer<typeof MatchAnswer>[] }>(g: G) => ({
    ...g,
    priorities: each(g.priorities), strengths: each(g.strengths), needs: each(g.needs),
    matches: g.matches.flatMap((m) => {
      const need = items[m.need];
      const offer = items[m.offer];
      return need && offer ? [{ ...m, need, offer }] : [];
    }),
  });
  return { ...rest, themes: answer.themes.map(group), areas: answer.areas.map(group) };
}

export const Partnerships = z.looseObject({ partnerships: z.array(z.looseObject({ id: z.string(), topic: Bilingual, laCodes: z.array(z.number()) })) });

export const OwnerThemes = z.looseObject({
  tags: z.array(ThemeTag),
  items: z.array(z.looseObject({ itemId: z.string(), kind: z.string(), area: z.string(), text: z.string(), tagIds: z.array(z.string()) })),
});
export type OwnerThemes = z.infer<typeof OwnerThemes>;

export const LedgerLine = z.looseObject({
  origin: z.string(), priorityId: z.string(), priorityTitle: z.string(), source: z.string(), provider: z.string(), description: z.string(),
  daysPlanned: z.number(), daysUsed: z.nullable(z.number()), impact: z.string(), term: z.optional(z.string()), brokeredId: z.optional(z.string()),
});
export type LedgerLine = z.infer<typeof LedgerLine>;

export const Ledger = z.looseObject({
  schools: z.array(z.looseObject({
    schoolId: z.string(), name: Name, setting: z.string(), supportLevel: z.string(), minimumDays: z.number(), belowMinimum: z.boolean(),
    facilitatorDays: z.object({ planned: z.number(), used: z.number() }), lines: z.array(LedgerLine),
  })),
});
export type Ledger = z.infer<typeof Ledger>;

export const CoverageSchool = z.looseObject({
  id: z.string(), name: Name, setting: z.string(), languageCategory: z.string(), lat: z.nullable(z.number()), lng: z.nullable(z.number()),
  clusterIds: z.array(z.string()), inVertical: z.boolean(), inHorizontal: z.boolean(),
});
export type CoverageSchool = z.infer<typeof CoverageSchool>;
export const CoverageMap = z.looseObject({ total: z.number(), schools: z.array(CoverageSchool), clusters: z.array(z.looseObject({ id: z.string(), name: Name })) });
export type CoverageMap = z.infer<typeof CoverageMap>;

export const Continuum = z.looseObject({
  areas: z.array(z.looseObject({ id: z.string(), label: Bilingual })),
  schools: z.array(z.looseObject({
    schoolId: z.string(), name: Name,
    current: z.record(z.string(), z.looseObject({ placement: z.string(), decidedOn: z.string() })),
    history: z.array(z.looseObject({ areaId: z.string(), placement: z.string(), decidedOn: z.string(), note: z.string(), decidedByName: z.string() })),
  })),
});
export type Continuum = z.infer<typeof Continuum>;

export const Team = z.looseObject({
  mayAssign: z.boolean(),
  facilitators: z.array(z.looseObject({ id: z.string(), name: z.string(), schoolIds: z.array(z.string()) })),
  officers: z.array(z.looseObject({ id: z.string(), name: z.string() })),
});
export type Team = z.infer<typeof Team>;
