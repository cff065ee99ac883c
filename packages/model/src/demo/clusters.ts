import type { Collaborative } from '../domain/collaborative';
import type { School } from '../domain/school';
import { isSecondaryEnd } from '../rules/phases';
import { schoolDistance } from './geo';

/**
 * Which primaries may sit in a secondary's cluster: Welsh-medium secondaries take
 * Welsh-medium primaries (their learners continue in Welsh); the others take English-medium
 * and bilingual primaries.
 */
export function languageCompatible(lead: School, primary: School): boolean {
  return (lead.languageCategory === 'welsh-medium') === (primary.languageCategory === 'welsh-medium');
}

export interface ClusterPlan {
  lead: School;
  /** Primaries, nearest to the lead first. */
  primaries: School[];
  /** Special schools attached to the nearest cluster so they too are in a vertical one. */
  others: School[];
}

function nearest<T extends School>(from: School, candidates: readonly T[]): T | undefined {
  let best: T | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const d = schoolDistance(from, c);
    if (best === undefined || d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best;
}

/**
 * Synthetic clusters (M11): every secondary or all-age school leads one; each primary joins
 * the nearest language-compatible lead, so it is in exactly one cluster. A lead left with no
 * primary takes its nearest compatible primary from a cluster that has more than one, so every
 * cluster spans phases (M1). Ties and unknown locations resolve by school number, so the
 * result is the same on every run.
 */
export function planClusters(schools: readonly School[]): ClusterPlan[] {
  const sorted = [...schools].sort((a, b) => a.id.localeCompare(b.id));
  const plans: ClusterPlan[] = sorted.filter((s) => isSecondaryEnd(s.setting)).map((lead) => ({ lead, primaries: [], others: [] }));
  if (plans.length === 0) return [];
  for (const primary of sorted.filter((s) => s.setting === 'primary' || s.setting === 'nursery')) {
    const compatible = plans.filter((p) => languageCompatible(p.lead, primary));
    const target = nearest(primary, (compatible.length > 0 ? compatible : plans).map((p) => p.lead));
    plans.find((p) => p.lead === target)?.primaries.push(primary);
  }
  for (const plan of plans) {
    if (plan.primaries.some((p) => p.setting === 'primary')) continue;
    const donors = plans.filter((p) => p !== plan && p.primaries.filter((x) => x.setting === 'primary').length > 1);
    const candidates = donors.flatMap((d) => d.primaries.filter((p) => p.setting === 'primary' && languageCompatible(plan.lead, p)));
    const moved = nearest(plan.lead, candidates);
    if (moved === undefined) continue;
    for (const d of donors) d.primaries = d.primaries.filter((p) => p !== moved);
    plan.primaries.push(moved);
  }
  for (const other of sorted.filter((s) => s.setting === 'special' || s.setting === 'pru' || s.setting === 'eotas')) {
    const target = nearest(other, plans.map((p) => p.lead));
    plans.find((p) => p.lead === target)?.others.push(other);
  }
  for (const plan of plans) plan.primaries.sort((a, b) => schoolDistance(plan.lead, a) - schoolDistance(plan.lead, b) || a.id.localeCompare(b.id));
  return plans;
}

export function clusterId(lead: School): string {
  return `cluster-${lead.id}`;
}

export function clusterCollaborative(plan: ClusterPlan, convenorId: string, facilitatorIds: string[]): Collaborative {
  return {
    id: clusterId(plan.lead),
    name: { cy: `Clwstwr ${plan.lead.name.cy}`, en: `${plan.lead.name.en} cluster` },
    kind: 'vertical',
    structure: 'cluster',
    memberSchoolIds: [plan.lead, ...plan.primaries, ...plan.others].map((s) => s.id),
    convenorId,
    laFacilitatorIds: facilitatorIds,
    synthetic: true,
  };
}
