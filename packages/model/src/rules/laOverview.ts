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

function distanceKm(a: OverviewSchool | undefined, b: OverviewSchool | undefined): number | null {
  if (a?.lat === undefined || a.lng === undefined || b?.lat === undefined || b.lng === undefined) return null;
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return Math.round(2 * 6371 * Math.asin(Math.sqrt(h)) * 10) / 10;
}

const byOwnerThenItem = (a: ItemRef, b: ItemRef): number =>
  a.ownerType.localeCompare(b.ownerType) || a.ownerId.localeCompare(b.ownerId) || a.itemId.localeCompare(b.itemId);

export function buildOverview(input: OverviewInput): LaOverview {
  const tagsOf = new Map(input.itemThemes.map((t) => [`${t.ownerKey}#${t.itemId}`, t.tagIds]));
  const known = new Set(input.tags.map((t) => t.id));
  const ref = (ownerType: 'school' | 'collaborative', ownerId: string, item: AgreedItem): ItemRef => ({
    ownerType, ownerId, itemId: item.itemId, area: item.area, text: item.text, subject: item.subject,
    tagIds: (tagsOf.get(itemKey(ownerType, ownerId, item.itemId)) ?? []).filter((id) => known.has(id)).sort(),
  });
  const inScope = new Set(input.schools.map((s) => s.id));
  const schoolById = new Map([...input.offeringSchools, ...input.schools].map((s) => [s.id, s]));

  const priorities: ItemRef[] = [];
  const needs: ItemRef[] = [];
  const strengths: ItemRef[] = [];
  const offers: ItemRef[] = [];
  const brokeredPairs = new Set<string>();
  const withoutApprovedPlan: string[] = [];
  for (const school of [...input.schools].sort((a, b) => a.id.localeCompare(b.id))) {
    const d = input.schoolDigests.get(school.id);
    if (!d || d.academicYear === null) withoutApprovedPlan.push(school.id);
    if (!d) continue;
    priorities.push(...d.priorities.map((p) => ref('school', school.id, p)));
    needs.push(...d.needs.map((p) => ref('school', school.id, p)));
    strengths.push(...d.strengths.map((p) => ref('school', school.id, p)));
    for (const line of d.support) if (line.providerSchoolId) brokeredPairs.add(`${school.id}<${line.providerSchoolId}`);
  }
  for (const school of input.offeringSchools) {
    const d = input.schoolDigests.get(school.id);
    if (d) offers.push(...d.strengths.map((p) => ref('school', school.id, p)));
  }
  const collaborativeIds: string[] = [];
  for (const c of [...input.collaboratives].sort((a, b) => a.id.localeCompare(b.id))) {
    if (!c.memberSchoolIds.some((id) => inScope.has(id))) continue;
    collaborativeIds.push(c.id);
    const d = input.collaborativeDigests.get(c.id);
    if (d) priorities.push(...d.priorities.map((p) => ref('collaborative', c.id, p)));
  }

  const matchesFor = (groupNeeds: readonly ItemRef[], fits: (offer: ItemRef, need: ItemRef) => boolean): Match[] => {
    const out: Match[] = [];
    for (const need of groupNeeds) {
      const here = schoolById.get(need.ownerId);
      const candidates = offers
        .filter((o) => o.ownerId !== need.ownerId && fits(o, need))
        .map((offer) => ({ offer, km: distanceKm(here, schoolById.get(offer.ownerId)) }))
        .sort((a, b) => (a.km ?? Infinity) - (b.km ?? Infinity) || a.offer.ownerId.localeCompare(b.offer.ownerId) || a.offer.itemId.localeCompare(b.offer.itemId));
      const seen = new Set<string>();
      for (const { offer, km } of candidates) {
        if (seen.has(offer.ownerId)) continue;
        seen.add(offer.ownerId);
        out.push({
          need, offer, distanceKm: km, sameLa: here?.laCode === schoolById.get(offer.ownerId)?.laCode,
          brokered: brokeredPairs.has(`${need.ownerId}<${offer.ownerId}`),
        });
        if (seen.size >= MATCHES_PER_NEED) break;
      }
    }
    return out;
  };

  const group = (keep: (item: ItemRef) => boolean, fits: (offer: ItemRef, need: ItemRef) => boolean): OverviewGroup => {
    const ps = priorities.filter(keep);
    const ns = needs.filter(keep);
    return {
      priorities: ps,
      schoolIds: [...new Set(ps.filter((p) => p.ownerType === 'school').map((p) => p.ownerId))].sort(),
      collaborativeIds: [...new Set(ps.filter((p) => p.ownerType === 'collaborative').map((p) => p.ownerId))].sort(),
      strengths: strengths.filter(keep),
      needs: ns,
      matches: matchesFor(ns, fits),
    };
  };

  const tags = [...input.tags].sort((a, b) => a.label.en.localeCompare(b.label.en) || a.id.localeCompare(b.id));
  const schools: LaOverview['schools'] = {};
  for (const s of [...input.schools, ...input.offeringSchools]) schools[s.id] = { name: s.name, laCode: s.laCode, setting: s.setting };
  const collaboratives: LaOverview['collaboratives'] = {};
  for (const c of input.collaboratives) if (collaborativeIds.includes(c.id)) collaboratives[c.id] = { name: c.name, kind: c.kind };
  priorities.sort(byOwnerThenItem);
  return {
    scope: input.scope,
    tags,
    themes: tags.map((tag) => ({
      tagId: tag.id,
      ...group((item) => item.tagIds.includes(tag.id), (offer) => offer.tagIds.includes(tag.id)),
    })),
    areas: areas.map((area) => ({ area, ...group((item) => item.area === area, (offer, need) => offer.area === need.area) })),
    schools,
    collaboratives,
    withoutApprovedPlan,
  };
}
