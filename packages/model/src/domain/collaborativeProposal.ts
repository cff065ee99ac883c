import { z } from 'zod';
import { displayText } from './displayText';
import { CollaborativeKind, CollaborativeStructure, SectorFocus, structureFitsKind, type Collaborative } from './collaborative';
import type { School } from './school';
import { SchoolId } from './school';

const Id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_.:-]+$/);
/** Both languages, each trimmed, not empty, no bidirectional controls (D27). */
const bilingualText = (max: number) => z.object({ cy: displayText(max), en: displayText(max) });

/**
 * A school leader's proposal of a collaborative (M42). The proposer's school is in it from the
 * start; the other schools named are asked once the LAs have approved (their headteachers accept
 * or decline). Every LA of the schools named approves before the collaborative exists (P107).
 */
export const CollaborativeProposal = z.object({
  name: bilingualText(160),
  purpose: bilingualText(1000),
  kind: CollaborativeKind,
  structure: CollaborativeStructure,
  sectorFocus: SectorFocus.optional(),
  partnershipId: Id.optional(),
  proposerSchoolId: SchoolId,
  /** The schools asked to join once approved (not the proposer's own). */
  schoolIds: z.array(SchoolId).max(40),
  /** One or more convenors (school improvement groups often have joint convenors). */
  convenorIds: z.array(Id).min(1).max(4),
  /** LA facilitators named for it. */
  facilitatorIds: z.array(Id).max(6),
}).refine((p) => structureFitsKind(p.structure, p.kind), { message: 'This structure cannot be of that kind (M41).', path: ['kind'] })
  .refine((p) => new Set(p.convenorIds).size === p.convenorIds.length, { message: 'A convenor is named twice.', path: ['convenorIds'] });
export type CollaborativeProposal = z.infer<typeof CollaborativeProposal>;

/** Every school the proposal names, the proposer's first, each once. */
export function proposedSchoolIds(p: Pick<CollaborativeProposal, 'proposerSchoolId' | 'schoolIds'>): string[] {
  return [...new Set([p.proposerSchoolId, ...p.schoolIds])];
}

/** M43: the LAs whose officers approve: those of every school the proposal names, in code order. */
export function proposalLaCodes(schools: readonly Pick<School, 'laCode'>[]): number[] {
  return [...new Set(schools.map((s) => s.laCode))].sort((a, b) => a - b);
}

/**
 * The collaborative as it would be with every school named in it: what the structural rules
 * (M1-M6, M40) are checked against while proposing, so the warnings say what the whole group
 * would break, not only the proposer's school alone.
 */
export function proposedCollaborative(p: CollaborativeProposal, id = 'proposal'): Collaborative {
  return {
    id,
    name: { cy: p.name.cy, en: p.name.en },
    purpose: { cy: p.purpose.cy, en: p.purpose.en },
    kind: p.kind,
    structure: p.structure,
    memberSchoolIds: proposedSchoolIds(p),
    convenorId: p.convenorIds[0] ?? '',
    laFacilitatorIds: [...p.facilitatorIds],
    ...(p.sectorFocus ? { sectorFocus: p.sectorFocus } : {}),
    ...(p.partnershipId ? { partnershipId: p.partnershipId } : {}),
    synthetic: false,
  };
}

export const proposalStatuses = ['pending', 'approved', 'declined', 'withdrawn'] as const;
export type ProposalStatus = (typeof proposalStatuses)[number];

/** `la-approved`: the officer of a joining school's new LA said yes (M46, P113). */
export const membershipEvents = ['requested', 'la-approved', 'joined', 'declined', 'withdrawn', 'left', 'removed'] as const;
export type MembershipEvent = (typeof membershipEvents)[number];
