import type { Bilingual } from '../domain/bilingual';
import type { Collaborative, CollaborativeStructure, SectorFocus } from '../domain/collaborative';
import type { School } from '../domain/school';
import { isSecondaryEnd } from '../rules/phases';

export interface HorizontalPlan {
  id: string;
  name: Bilingual;
  structure: CollaborativeStructure;
  members: School[];
  sectorFocus?: SectorFocus;
  partnershipId?: string;
}

/** How many primaries sit in one synthetic professional learning community. */
const PLC_SIZE = 8;

/** Primaries deliberately left out of any horizontal group, so the coverage list shows them. */
export const DELIBERATE_GAPS = 3;

const byId = (a: School, b: School): number => a.id.localeCompare(b.id);

/**
 * Synthetic horizontal groupings for one LA (M11), built from real fields as SOURCES.md
 * suggests: a Welsh-medium primary SIG, the LA's other secondaries and all-age schools, its
 * special schools, and its other primaries in west-to-east groups of eight. The last few
 * primaries in that order are left out on purpose (DELIBERATE_GAPS).
 */
export function planHorizontals(laName: Bilingual, schools: readonly School[]): { plans: HorizontalPlan[]; leftOut: School[] } {
  const plans: HorizontalPlan[] = [];
  const welshPrimaries = schools.filter((s) => s.setting === 'primary' && s.languageCategory === 'welsh-medium').sort(byId);
  if (welshPrimaries.length > 0) {
    plans.push({
      id: 'sig-welsh-medium-primary',
      name: { cy: `Grŵp gwella ysgolion cynradd Cymraeg ${laName.cy}`, en: `${laName.en} Welsh-medium primary improvement group` },
      structure: 'sig',
      members: welshPrimaries,
    });
  }
  const englishSecondaries = schools.filter((s) => isSecondaryEnd(s.setting) && s.languageCategory !== 'welsh-medium').sort(byId);
  if (englishSecondaries.length > 0) {
    plans.push({
      id: 'plc-secondary',
      name: { cy: `Cymuned ddysgu broffesiynol uwchradd ${laName.cy}`, en: `${laName.en} secondary professional learning community` },
      structure: 'plc',
      members: englishSecondaries,
    });
  }
  const special = schools.filter((s) => s.setting === 'special').sort(byId);
  if (special.length > 0) {
    plans.push({
      id: 'horizontal-special',
      name: { cy: `Ysgolion arbennig ${laName.cy}`, en: `${laName.en} special schools` },
      structure: 'horizontal',
      members: special,
      sectorFocus: 'special',
    });
  }
  const others = schools
    .filter((s) => (s.setting === 'primary' || s.setting === 'nursery') && s.languageCategory !== 'welsh-medium')
    .sort((a, b) => (a.lng ?? 0) - (b.lng ?? 0) || byId(a, b));
  const grouped = others.slice(0, Math.max(0, others.length - DELIBERATE_GAPS));
  for (let i = 0; i < grouped.length; i += PLC_SIZE) {
    const n = i / PLC_SIZE + 1;
    plans.push({
      id: `plc-primary-${n}`,
      name: { cy: `Cymuned ddysgu gynradd ${laName.cy} ${n}`, en: `${laName.en} primary learning community ${n}` },
      structure: 'plc',
      members: grouped.slice(i, i + PLC_SIZE),
    });
  }
  return { plans, leftOut: others.slice(grouped.length) };
}

export function horizontalCollaborative(plan: HorizontalPlan, convenorId: string, facilitatorIds: string[]): Collaborative {
  return {
    id: plan.id,
    name: plan.name,
    kind: 'horizontal',
    structure: plan.structure,
    memberSchoolIds: plan.members.map((s) => s.id),
    convenorId,
    laFacilitatorIds: facilitatorIds,
    ...(plan.sectorFocus === undefined ? {} : { sectorFocus: plan.sectorFocus }),
    ...(plan.partnershipId === undefined ? {} : { partnershipId: plan.partnershipId }),
    synthetic: true,
  };
}
