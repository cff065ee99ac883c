import type { Bilingual } from '../domain/bilingual';
import type { CollaborativeKind } from '../domain/collaborative';
import { areas, type Area } from '../domain/improvement';
import type { ItemThemes, ThemeTag } from '../domain/laPicture';
import type { AgreedItem, CollaborativeDigest, SchoolDigest } from './agreedDigest';

/**
 * The LA's local improvement picture (OVERVIEW.md O5-O12), pure: from agreed digests, the LA's
 * tags and the items' tags. Every list is in a fixed order that says nothing about any school:
 * areas in the guidance's order, themes by label, schools by number, matches by distance. No
 * judgement, status or placement is an input, so none can order or count anything here.
 */
export interface OverviewSchool {
  id: string;
  name: Bilingual;
  laCode: number;
  setting: string;
  lat?: number | undefined;
  lng?: number | undefined;
}

export interface OverviewCollaborative {
  id: string;
  name: Bilingual;
  kind: CollaborativeKind;
  memberSchoolIds: readonly string[];
}

export interface ItemRef {
  ownerType: 'school' | 'collaborative';
  ownerId: string;
  itemId: string;
  area: Area;
  text: string;
  subject: string;
  tagIds: string[];
}

export interface Match {
  /** The school needing support, its need, and the school offering the strength. */
  need: ItemRef;
  offer: ItemRef;
  sameLa: boolean;
  /** Kilometres between the two schools (rounded), null without coordinates. */
  distanceKm: number | null;
  /** Already brokered: support from the offering school recorded against the needing school. */
  brokered: boolean;
}

export interface OverviewGroup {
  priorities: ItemRef[];
  schoolIds: string[];
  collaborativeIds: string[];
  strengths: ItemRef[];
  needs: ItemRef[];
  matches: Match[];
}

export interface LaOverview {
  scope: { type: 'la'; laCode: number } | { type: 'partnership'; id: string; laCodes: number[] };
  tags: ThemeTag[];
  themes: (OverviewGroup & { tagId: string })[];
  areas: (OverviewGroup & { area: Area })[];
  schools: Record<string, { name: Bilingual; laCode: number; setting: string }>;
  collaboratives: Record<string, { name: Bilingual; kind: CollaborativeKind }>;
  /** Schools in scope with no approved plan read: the picture is missing them, not judging them. */
  withoutApprovedPlan: string[];
}

export interface OverviewInput {
  scope: LaOverview['scope'];
  /** The schools the picture is about. */
  schools: readonly OverviewSchool[];
  /** Schools that may offer a strength to them: the scope's, and its partnerships' LAs'. */
  offeringSchools: readonly OverviewSchool[];
  collaboratives: readonly OverviewCollaborative[];
  schoolDigests: ReadonlyMap<string, SchoolDigest>;
  collaborativeDigests: ReadonlyMap<string, CollaborativeDigest>;
  tags: readonly ThemeTag[];
  itemThemes: readonly ItemThemes[];
}

/** Matches offered per need: enough to broker from, short enough to read. */
export const MATCHES_PER_NEED = 3;

export const itemKey = (ownerType: 'school' | 'collaborative', ownerId: string, itemId: string): string => `${ownerType}:${ownerId}#${itemId}`;

/** Coordinates in radians with the cosine of the latitude, computed once per school (matching is per need × offer). */
interface Place { lat: number; lng: number; cosLat: number }

function placeOf(s: OverviewSchool | undefined): Place | null {
  if (s?.lat === undefined || s.lng === undefined) return null;
  const rad = Math.PI / 180;
  return { lat: s.lat * rad, lng: s.lng * rad, cosLat: Math.cos(s.lat * rad) };
}

function distanceKm(a: Place | null, b: Place | null): number | null {
  if (!a || !b) return null;
  const h = Math.sin((b.lat - a.lat) / 2) ** 2 + a.cosLat * b.cosLat * Math.sin((b.lng - a.lng) / 2) ** 2;
  return Math.round(2 * 6371 * Math.asin(Math.sqrt(h)) * 10) / 10;
}

/** Ids in code-unit order: a fixed order that says nothing about a school, and cheap (no collation). */
const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const byOwnerThenItem = (a: ItemRef, b: ItemRef): number =>
  byId(a.ownerType, b.ownerType) || byId(a.ownerId, b.ownerId) || byId(a.itemId, b.itemId);

/** Items by the key a group is made of (an area or a tag id), each list keeping the input's order. */
function bucket(items: readonly ItemRef[], keysOf: (item: ItemRef) => readonly string[]): Map<string, ItemRef[]> {
  const out = new Map<string, ItemRef[]>();
  for (const item of items) {
    for (const key of keysOf(item)) {
      const list = out.get(key);
      if (list) list.push(item);
      else out.set(key, [item]);
    }
  }
  return out;
}

const areaKey = (item: ItemRef): readonly string[] => [item.area];
const tagKeys = (item: ItemRef): readonly string[] => item.tagIds;

export function buildOverview(input: OverviewInput): LaOverview {
  const tagsOf = new Map(input.itemThemes.map((t) => [`${t.ownerKey}#${t.itemId}`, t.tagIds]));
  const known = new Set(input.tags.map((t) => t.id));
  const ref = (ownerType: 'school' | 'collaborative', ownerId: string, item: AgreedItem): ItemRef => ({
    ownerType, ownerId, itemId: item.itemId, area: item.area, text: item.text, subject: item.subject,
    tagIds: (tagsOf.get(itemKey(ownerType, ownerId, item.itemId)) ?? []).filter((id) => known.has(id)).sort(byId),
  });
  const inScope = new Set(input.schools.map((s) => s.id));
  const schoolById = new Map([...input.offeringSchools, ...input.schools].map((s) => [s.id, s]));
  const places = new Map([...schoolById].map(([id, s]) => [id, placeOf(s)]));

  const priorities: ItemRef[] = [];
  const needs: ItemRef[] = [];
  const strengths: ItemRef[] = [];
  const offers: ItemRef[] = [];
  const brokeredPairs = new Set<string>();
  const withoutApprovedPlan: string[] = [];
  for (const school of [...input.schools].sort((a, b) => byId(a.id, b.id))) {
    const d = input.schoolDigests.get(school.id);
    if (!d || d.academicYear === null) withoutApprovedPlan.push(school.id);
    if (!d) continue;
    for (const p of d.priorities) priorities.push(ref('school', school.id, p));
    for (const p of d.needs) needs.push(ref('school', school.id, p));
    for (const p of d.strengths) strengths.push(ref('school', school.id, p));
    for (const line of d.support) if (line.providerSchoolId) brokeredPairs.add(`${school.id}<${line.providerSchoolId}`);
  }
  for (const school of input.offeringSchools) {
    const d = input.schoolDigests.get(school.id);
    if (d) for (const p of d.strengths) offers.push(ref('school', school.id, p));
  }
  const collaborativeIds: string[] = [];
  for (const c of [...input.collaboratives].sort((a, b) => byId(a.id, b.id))) {
    if (!c.memberSchoolIds.some((id) => inScope.has(id))) continue;
    collaborativeIds.push(c.id);
    const d = input.collaborativeDigests.get(c.id);
    if (d) for (const p of d.priorities) priorities.push(ref('collaborative', c.id, p));
  }
  priorities.sort(byOwnerThenItem);

  /**
   * O7: per need, the nearest other schools offering a strength of the same group, one per
   * school. Every offer of one school is at the same distance, so a school's place is fixed by
   * (distance, number) and its offer is its first by item id: one pass keeps the best three,
   * instead of sorting every candidate for every need.
   */
  const matchesFor = (groupNeeds: readonly ItemRef[], groupOffers: readonly ItemRef[]): Match[] => {
    const out: Match[] = [];
    for (const need of groupNeeds) {
      const here = places.get(need.ownerId) ?? null;
      const best: { offer: ItemRef; km: number | null }[] = [];
      const before = (km: number | null, offer: ItemRef, than: { offer: ItemRef; km: number | null }): boolean =>
        ((km ?? Infinity) - (than.km ?? Infinity) || byId(offer.ownerId, than.offer.ownerId) || byId(offer.itemId, than.offer.itemId)) < 0;
      for (const offer of groupOffers) {
        if (offer.ownerId === need.ownerId) continue;
        const km = distanceKm(here, places.get(offer.ownerId) ?? null);
        const same = best.findIndex((b) => b.offer.ownerId === offer.ownerId);
        if (same >= 0) {
          if (byId(offer.itemId, best[same]!.offer.itemId) < 0) best[same] = { offer, km };
          continue;
        }
        if (best.length === MATCHES_PER_NEED && !before(km, offer, best[best.length - 1]!)) continue;
        let at = best.length;
        while (at > 0 && before(km, offer, best[at - 1]!)) at--;
        best.splice(at, 0, { offer, km });
        if (best.length > MATCHES_PER_NEED) best.pop();
      }
      for (const { offer, km } of best) {
        out.push({
          need, offer, distanceKm: km, sameLa: schoolById.get(need.ownerId)?.laCode === schoolById.get(offer.ownerId)?.laCode,
          brokered: brokeredPairs.has(`${need.ownerId}<${offer.ownerId}`),
        });
      }
    }
    return out;
  };

  // Each list is bucketed once by area and once by tag, rather than filtered again for every group.
  const none: ItemRef[] = [];
  const prioritiesBy = { area: bucket(priorities, areaKey), tag: bucket(priorities, tagKeys) };
  const needsBy = { area: bucket(needs, areaKey), tag: bucket(needs, tagKeys) };
  const strengthsBy = { area: bucket(strengths, areaKey), tag: bucket(strengths, tagKeys) };
  const offersBy = { area: bucket(offers, areaKey), tag: bucket(offers, tagKeys) };
  const group = (by: 'area' | 'tag', key: string): OverviewGroup => {
    const ps = prioritiesBy[by].get(key) ?? none;
    const ns = needsBy[by].get(key) ?? none;
    return {
      priorities: ps,
      schoolIds: [...new Set(ps.filter((p) => p.ownerType === 'school').map((p) => p.ownerId))].sort(byId),
      collaborativeIds: [...new Set(ps.filter((p) => p.ownerType === 'collaborative').map((p) => p.ownerId))].sort(byId),
      strengths: strengthsBy[by].get(key) ?? none,
      needs: ns,
      matches: matchesFor(ns, offersBy[by].get(key) ?? none),
    };
  };

  const tags = [...input.tags].sort((a, b) => a.label.en.localeCompare(b.label.en) || byId(a.id, b.id));
  // O37: a partnership's LAs may each keep a tag with the same id; items carry the id alone, so
  // those themes are one group: shown once, under the first of them by label.
  const themeIds = [...new Set(tags.map((t) => t.id))];
  const schools: LaOverview['schools'] = {};
  for (const s of [...input.schools, ...input.offeringSchools]) schools[s.id] = { name: s.name, laCode: s.laCode, setting: s.setting };
  const collaboratives: LaOverview['collaboratives'] = {};
  const listed = new Set(collaborativeIds);
  for (const c of input.collaboratives) if (listed.has(c.id)) collaboratives[c.id] = { name: c.name, kind: c.kind };
  return {
    scope: input.scope,
    tags,
    themes: themeIds.map((tagId) => ({ tagId, ...group('tag', tagId) })),
    areas: areas.map((area) => ({ area, ...group('area', area) })),
    schools,
    collaboratives,
    withoutApprovedPlan,
  };
}
