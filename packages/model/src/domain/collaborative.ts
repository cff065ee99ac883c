import { z } from 'zod';
import { Bilingual } from './bilingual';
import { SchoolId } from './school';

export const collaborativeKinds = ['vertical', 'horizontal'] as const;
export const CollaborativeKind = z.enum(collaborativeKinds);
export type CollaborativeKind = z.infer<typeof CollaborativeKind>;

/** The older structures (SIGs, hubs, triads, PLCs) are represented as collaboratives too. */
export const collaborativeStructures = ['cluster', 'horizontal', 'sig', 'hub', 'triad', 'plc'] as const;
export const CollaborativeStructure = z.enum(collaborativeStructures);
export type CollaborativeStructure = z.infer<typeof CollaborativeStructure>;

/** Why a horizontal collaborative may cross LA boundaries (M5). */
export const sectorFocuses = ['welsh-medium', 'faith', 'special', 'pru-eotas'] as const;
export const SectorFocus = z.enum(sectorFocuses);
export type SectorFocus = z.infer<typeof SectorFocus>;

export const Collaborative = z.object({
  id: z.string().min(1),
  name: Bilingual,
  /** What the schools mean to do together, in both languages (set when a school leader proposes it). */
  purpose: Bilingual.optional(),
  kind: CollaborativeKind,
  structure: CollaborativeStructure,
  memberSchoolIds: z.array(SchoolId).min(1),
  convenorId: z.string().min(1),
  laFacilitatorIds: z.array(z.string().min(1)),
  sectorFocus: SectorFocus.optional(),
  partnershipId: z.string().min(1).optional(),
  /** True when the grouping was made up by a fixture rather than agreed by real schools (M11). */
  synthetic: z.boolean(),
});
export type Collaborative = z.infer<typeof Collaborative>;

/**
 * M41: which kinds each structure can take. A cluster is vertical and a horizontal group, a
 * school improvement group (same phase, often cross-LA) horizontal; a hub, a peer-enquiry group
 * (triad) or a professional learning community can be either, so the proposer says which.
 */
export const structureKinds: Record<CollaborativeStructure, readonly CollaborativeKind[]> = {
  cluster: ['vertical'],
  horizontal: ['horizontal'],
  sig: ['horizontal'],
  hub: ['vertical', 'horizontal'],
  triad: ['vertical', 'horizontal'],
  plc: ['vertical', 'horizontal'],
};

export function structureFitsKind(structure: CollaborativeStructure, kind: CollaborativeKind): boolean {
  return structureKinds[structure].includes(kind);
}
