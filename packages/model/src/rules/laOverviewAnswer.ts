/**
 * The overview as it is sent (OVERVIEW.md O44): every item once, in `items` under its key, and
 * each group (an area or a theme) listing keys. The same priority sits in its area, in every
 * theme it is tagged with, and as a need or offer in several matches; sent inline it repeated
 * itself many times over, which for a partnership of LAs came to megabytes. The order of every
 * list is the overview's own (laOverview.ts): packing changes no order and drops nothing.
 */
import type { ItemRef, LaOverview, Match, OverviewGroup } from './laOverview';
import { itemKey } from './laOverview';

export interface MatchAnswer extends Omit<Match, 'need' | 'offer'> { need: string; offer: string }

export interface OverviewGroupAnswer extends Omit<OverviewGroup, 'priorities' | 'strengths' | 'needs' | 'matches'> {
  priorities: string[];
  strengths: string[];
  needs: string[];
  matches: MatchAnswer[];
}

export interface LaOverviewAnswer extends Omit<LaOverview, 'themes' | 'areas'> {
  /** Each item once, by its key: `p:` a priority, `s:` a strength (also an offer), `n:` a need. */
  items: Record<string, ItemRef>;
  themes: (OverviewGroupAnswer & { tagId: string })[];
  areas: (OverviewGroupAnswer & { area: LaOverview['areas'][number]['area'] })[];
}

type Kind = 'p' | 's' | 'n';

export function packOverview(overview: LaOverview): LaOverviewAnswer {
  const items: Record<string, ItemRef> = {};
  const keyOf = (kind: Kind, item: ItemRef): string => {
    const key = `${kind}:${itemKey(item.ownerType, item.ownerId, item.itemId)}`;
    items[key] ??= item;
    return key;
  };
  const pack = <G extends OverviewGroup>(group: G): Omit<G, 'priorities' | 'strengths' | 'needs' | 'matches'> & OverviewGroupAnswer => ({
    ...group,
    priorities: group.priorities.map((i) => keyOf('p', i)),
    strengths: group.strengths.map((i) => keyOf('s', i)),
    needs: group.needs.map((i) => keyOf('n', i)),
    matches: group.matches.map((m) => ({ ...m, need: keyOf('n', m.need), offer: keyOf('s', m.offer) })),
  });
  const themes = overview.themes.map(pack);
  const areas = overview.areas.map(pack);
  return { ...overview, items, themes, areas };
}

/** The overview again from its answer; a key the answer does not carry is left out. */
export function unpackOverview(answer: LaOverviewAnswer): LaOverview {
  const { items, ...rest } = answer;
  const each = (keys: readonly string[]): ItemRef[] => keys.flatMap((k) => (items[k] ? [items[k]] : []));
  const unpack = <G extends OverviewGroupAnswer>(group: G) => ({
    ...group,
    priorities: each(group.priorities),
    strengths: each(group.strengths),
    needs: each(group.needs),
    matches: group.matches.flatMap((m) => {
      const need = items[m.need];
      const offer = items[m.offer];
      return need && offer ? [{ ...m, need, offer }] : [];
    }),
  });
  return { ...rest, themes: answer.themes.map(unpack), areas: answer.areas.map(unpack) };
}
