import type { Collaborative } from '../domain/collaborative';
import type { LaPartnership } from '../domain/localAuthority';
import type { School } from '../domain/school';
import { isSecondaryEnd, phaseGroup } from './phases';
import type { Violation } from './violation';

export interface StructureContext {
  schools: ReadonlyMap<string, School>;
  partnerships: readonly LaPartnership[];
}

/** Builds the lookup the rules need from plain lists. */
export function structureContext(schools: readonly School[], partnerships: readonly LaPartnership[] = []): StructureContext {
  return { schools: new Map(schools.map((s) => [s.id, s])), partnerships };
}

function partnershipCovers(p: LaPartnership, laCodes: ReadonlySet<number>): boolean {
  return [...laCodes].every((code) => p.laCodes.includes(code));
}

/** M2, M5: several LAs are fine only where one partnership holds them all. */
function sharedPartnership(c: Collaborative, ctx: StructureContext, laCodes: ReadonlySet<number>): boolean {
  const candidates = c.partnershipId === undefined ? ctx.partnerships : ctx.partnerships.filter((p) => p.id === c.partnershipId);
  return candidates.some((p) => partnershipCovers(p, laCodes));
}

/** Checks one collaborative against the structural rules M1-M6. Pure: returns violations. */
export function checkCollaborative(c: Collaborative, ctx: StructureContext): Violation[] {
  const out: Violation[] = [];
  const at = { collaborativeId: c.id };

  const seen = new Set<string>();
  for (const id of c.memberSchoolIds) {
    if (seen.has(id)) {
      out.push({ rule: 'M3', ...at, schoolId: id, message: { cy: `Mae ysgol ${id} yn aelod ddwywaith.`, en: `School ${id} is a member twice.` } });
    }
    seen.add(id);
  }

  const members: School[] = [];
  for (const id of seen) {
    const school = ctx.schools.get(id);
    if (school === undefined) {
      out.push({ rule: 'M6', ...at, schoolId: id, message: { cy: `Nid yw ysgol ${id} yn y cyfeiriadur.`, en: `School ${id} is not in the directory.` } });
    } else {
      members.push(school);
    }
  }
  const laCodes = new Set(members.map((s) => s.laCode));

  if (c.kind === 'vertical') {
    const hasSecondaryEnd = members.some((s) => isSecondaryEnd(s.setting));
    const hasPrimary = members.some((s) => s.setting === 'primary');
    // M40: an all-age school spans the 3-16 continuum on its own, with or without partner
    // primaries (DOMAIN: vertical collaboratives are defined by locality and the continuum).
    const hasAllAge = members.some((s) => s.setting === 'all-age-3-16' || s.setting === 'all-age-3-19');
    if (!hasAllAge && (!hasSecondaryEnd || !hasPrimary)) {
      out.push({
        rule: 'M1',
        ...at,
        message: {
          cy: 'Mae cydweithrediad fertigol yn cynnwys ysgol bob oed, neu o leiaf un ysgol uwchradd ac o leiaf un ysgol gynradd.',
          en: 'A vertical collaborative includes an all-age school, or at least one secondary school and at least one primary school.',
        },
      });
    }
    if (laCodes.size > 1 && !sharedPartnership(c, ctx, laCodes)) {
      out.push({
        rule: 'M2',
        ...at,
        message: {
          cy: 'Mae cydweithrediad fertigol o fewn un awdurdod lleol, neu awdurdodau mewn partneriaeth â’i gilydd.',
          en: 'A vertical collaborative lies within one local authority, or authorities in a shared partnership.',
        },
      });
    }
  } else {
    const groups = new Set(members.map((s) => phaseGroup(s.setting)));
    if (groups.size > 1) {
      out.push({
        rule: 'M4',
        ...at,
        message: {
          cy: `Mae aelodau cydweithrediad llorweddol yn yr un cyfnod; mae’r aelodau hyn mewn ${groups.size} cyfnod.`,
          en: `A horizontal collaborative's members share one phase; these members span ${groups.size}.`,
        },
      });
    }
    if (laCodes.size > 1 && c.sectorFocus === undefined && !sharedPartnership(c, ctx, laCodes)) {
      out.push({
        rule: 'M5',
        ...at,
        message: {
          cy: 'Mae cydweithrediad llorweddol sy’n croesi ffiniau awdurdodau lleol yn nodi ei ffocws sector neu’n seiliedig ar bartneriaeth awdurdodau lleol.',
          en: 'A horizontal collaborative that crosses local authority boundaries states its sector focus or rests on a local authority partnership.',
        },
      });
    }
  }
  return out;
}

/** All structural violations across a set of collaboratives (coverage is separate: M7). */
export function checkStructure(collaboratives: readonly Collaborative[], ctx: StructureContext): Violation[] {
  return collaboratives.flatMap((c) => checkCollaborative(c, ctx));
}
