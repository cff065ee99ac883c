import type { Bilingual, Lang } from '../domain/bilingual';
import { areaLabels, settingLabels } from '../domain/labels';
import type { ItemRef, LaOverview, OverviewGroup } from '../rules/laOverview';
import type { Block } from './renderBlocks';

/**
 * O23: the LA's narrative overview for its own self-evaluation and scrutiny, as blocks the HTML
 * and PDF renderers share. Built from the overview (agreed records only) and the coverage list;
 * it carries no ranking (lists by area and theme, schools by number), no learner data, no
 * support level, no minimum-days flag and nothing from the continuum.
 */
export interface NarrativeCoverage {
  total: number;
  gaps: { id: string; name: Bilingual; inVertical: boolean; inHorizontal: boolean }[];
}

const w = {
  title: { cy: 'Darlun gwella lleol', en: 'Local improvement picture' },
  intro: {
    cy: 'Mae’r darlun hwn wedi’i lunio o gofnodion y cytunwyd arnynt yn unig: cynlluniau a gymeradwywyd gan gyrff llywodraethu, adolygiadau tymhorol a gadarnhawyd gan y ddwy ochr, a blaenoriaethau cyffredin y cytunodd cydweithrediadau arnynt. Nid yw’n rhestru ysgolion yn ôl unrhyw farn ac nid yw’n cynnwys data am ddysgwyr.',
    en: 'This picture is built from agreed records only: plans approved by governing bodies, termly reviews confirmed by both sides, and shared priorities agreed by collaboratives. It orders no school by any judgement and holds no data about learners.',
  },
  themes: { cy: 'Themâu', en: 'Themes' },
  areas: { cy: 'Meysydd', en: 'Areas' },
  priorities: { cy: 'Blaenoriaethau', en: 'Priorities' },
  strengths: { cy: 'Cryfderau i’w rhannu', en: 'Strengths to share' },
  needs: { cy: 'Cymorth sydd ei angen', en: 'Support needed' },
  matches: { cy: 'Parau posibl', en: 'Possible matches' },
  none: { cy: 'Dim eto.', en: 'None yet.' },
  coverage: { cy: 'Ysgolion a’u cydweithrediadau', en: 'Schools and their collaboratives' },
  offers: { cy: 'yn cynnig', en: 'offers' },
  brokered: { cy: 'wedi’i drefnu', en: 'brokered' },
  notVertical: { cy: 'dim cydweithrediad fertigol eto', en: 'no vertical collaborative yet' },
  notHorizontal: { cy: 'dim cydweithrediad llorweddol eto', en: 'no horizontal collaborative yet' },
} satisfies Record<string, Bilingual>;

function working(group: OverviewGroup, lang: Lang): string {
  const s = group.schoolIds.length;
  const c = group.collaborativeIds.length;
  return lang === 'cy'
    ? `Ysgolion yn gweithio ar hyn: ${s}. Cydweithrediadau: ${c}.`
    : `Schools working on this: ${s}. Collaboratives: ${c}.`;
}

export function overviewBlocks(overview: LaOverview, scopeName: Bilingual, coverage: NarrativeCoverage, lang: Lang, generatedOn: string): Block[] {
  const ownerName = (ref: Pick<ItemRef, 'ownerType' | 'ownerId'>): string =>
    (ref.ownerType === 'school' ? overview.schools[ref.ownerId]?.name[lang] : overview.collaboratives[ref.ownerId]?.name[lang]) ?? ref.ownerId;
  const list = (items: readonly ItemRef[]): Block =>
    items.length === 0 ? { t: 'p', text: w.none[lang] } : { t: 'list', items: items.map((i) => ({ label: ownerName(i), text: `${i.text} (${areaLabels[i.area][lang]})` })) };
  const group = (heading: string, g: OverviewGroup): Block[] => [
    { t: 'h', level: 3, text: heading },
    { t: 'p', text: working(g, lang) },
    { t: 'p', text: w.priorities[lang] },
    list(g.priorities),
    { t: 'p', text: w.strengths[lang] },
    list(g.strengths),
    { t: 'p', text: w.needs[lang] },
    list(g.needs),
    { t: 'p', text: w.matches[lang] },
    g.matches.length === 0
      ? { t: 'p', text: w.none[lang] }
      : { t: 'list', items: g.matches.map((m) => ({ label: ownerName(m.need), text: `${m.need.text} ← ${ownerName(m.offer)} ${w.offers[lang]}: ${m.offer.text}${m.brokered ? ` (${w.brokered[lang]})` : ''}` })) },
  ];
  const tagLabel = new Map(overview.tags.map((t) => [t.id, t.label[lang]]));
  return [
    { t: 'h', level: 1, text: `${w.title[lang]}: ${scopeName[lang]}` },
    { t: 'p', text: `${w.intro[lang]} (${generatedOn})` },
    { t: 'h', level: 2, text: w.themes[lang] },
    ...(overview.themes.length === 0 ? [{ t: 'p', text: w.none[lang] } as Block] : overview.themes.flatMap((g) => group(tagLabel.get(g.tagId) ?? g.tagId, g))),
    { t: 'h', level: 2, text: w.areas[lang] },
    ...overview.areas.flatMap((g) => group(areaLabels[g.area][lang], g)),
    { t: 'h', level: 2, text: w.coverage[lang] },
    {
      t: 'p',
      text: lang === 'cy'
        ? `Ysgolion nad ydynt eto mewn cydweithrediad fertigol a llorweddol: ${coverage.gaps.length} o ${coverage.total}.`
        : `Schools not yet in both a vertical and a horizontal collaborative: ${coverage.gaps.length} of ${coverage.total}.`,
    },
    coverage.gaps.length === 0
      ? { t: 'p', text: w.none[lang] }
      : { t: 'list', items: coverage.gaps.map((g) => ({ label: g.name[lang], text: [g.inVertical ? '' : w.notVertical[lang], g.inHorizontal ? '' : w.notHorizontal[lang]].filter(Boolean).join('; ') })) },
  ];
}

/** The setting's words, for the CSV and the narrative. */
export const settingWords = (setting: keyof typeof settingLabels, lang: Lang): string => settingLabels[setting][lang];
