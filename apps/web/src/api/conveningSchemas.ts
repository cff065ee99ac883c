import * as z from 'zod/mini';
import { Name } from './schemas';

/** Client shapes of the convening routes (COLLABORATIVES.md G20-G31); lenient like the rest. */

export const Warning = z.looseObject({ rule: z.string(), message: z.looseObject({ cy: z.string(), en: z.string() }), schoolId: z.optional(z.string()) });
export type Warning = z.infer<typeof Warning>;
export const CheckAnswer = z.looseObject({ warnings: z.array(Warning), laCodes: z.array(z.number()) });

export const FoundSchool = z.looseObject({ id: z.string(), name: Name, laCode: z.number(), setting: z.string(), state: z.nullish(z.string()) });
export type FoundSchool = z.infer<typeof FoundSchool>;
export const FoundSchools = z.looseObject({ schools: z.array(FoundSchool) });

export const FoundPerson = z.looseObject({ personId: z.string(), name: z.string(), role: z.string(), schoolName: z.nullish(Name), laCode: z.nullish(z.number()) });
export type FoundPerson = z.infer<typeof FoundPerson>;
export const FoundPeople = z.looseObject({ people: z.array(FoundPerson) });

export const Partnership = z.looseObject({ id: z.string(), topic: Name, laCodes: z.array(z.number()) });
export const Partnerships = z.looseObject({ partnerships: z.array(Partnership) });

const Named = z.looseObject({ id: z.string(), name: z.string() });
export const Proposal = z.looseObject({
  id: z.string(),
  status: z.string(),
  collaborativeId: z.nullish(z.string()),
  proposedAt: z.string(),
  name: Name,
  purpose: Name,
  kind: z.string(),
  structure: z.string(),
  sectorFocus: z.nullish(z.string()),
  proposer: Named,
  schools: z.array(z.looseObject({ id: z.string(), name: Name, laCode: z.number() })),
  convenors: z.array(Named),
  facilitators: z.array(Named),
  las: z.array(z.looseObject({ code: z.number(), name: z.nullish(Name), decision: z.nullish(z.string()), decidedBy: z.nullish(Named), decidedAt: z.nullish(z.string()) })),
  mayDecide: z.boolean(),
  mayWithdraw: z.optional(z.boolean()),
  withdrawn: z.nullish(z.looseObject({ by: Named, at: z.string() })),
});
export type Proposal = z.infer<typeof Proposal>;
export const Proposals = z.looseObject({ proposals: z.array(Proposal) });
export const ProposalAnswer = z.looseObject({ proposal: z.nullish(Proposal) });

/** Who a request to join still waits for (G35): the school's yes, and a new LA's when one must approve. */
const ApprovalLa = z.looseObject({ code: z.number(), name: z.nullish(Name), approved: z.boolean() });

export const MembershipRequest = z.looseObject({
  id: z.string(),
  schoolAccepted: z.optional(z.boolean()),
  approvalLa: z.nullish(ApprovalLa),
  requestedAt: z.string(),
  requestedBy: z.nullish(z.string()),
  school: z.looseObject({ id: z.string(), name: z.nullish(Name) }),
  collaborative: z.looseObject({ id: z.string(), name: Name, purpose: z.nullish(Name), kind: z.string(), structure: z.string(), members: z.array(z.looseObject({ id: z.string(), name: z.nullish(Name) })) }),
});
export type MembershipRequest = z.infer<typeof MembershipRequest>;
export const MembershipRequests = z.looseObject({ requests: z.array(MembershipRequest) });

export const Membership = z.looseObject({
  members: z.array(z.looseObject({ id: z.string(), name: Name, laCode: z.number(), mayLeave: z.boolean(), mayRemove: z.boolean() })),
  requests: z.array(z.looseObject({
    id: z.string(), schoolId: z.string(), schoolName: z.nullish(Name), requestedBy: z.nullish(z.string()), requestedAt: z.string(),
    schoolAccepted: z.optional(z.boolean()), approvalLa: z.nullish(ApprovalLa),
  })),
  history: z.array(z.looseObject({ schoolId: z.string(), schoolName: z.nullish(Name), event: z.string(), by: z.nullish(z.string()), at: z.string() })),
  mayAsk: z.boolean(),
});
export type Membership = z.infer<typeof Membership>;

/** A school joining from an LA new to the collaborative, waiting for that LA's officer (G35). */
export const MembershipApproval = z.looseObject({
  id: z.string(),
  requestedAt: z.string(),
  requestedBy: z.nullish(z.string()),
  la: z.looseObject({ code: z.number(), name: z.nullish(Name) }),
  school: z.looseObject({ id: z.string(), name: z.nullish(Name) }),
  schoolAccepted: z.boolean(),
  collaborative: z.looseObject({ id: z.string(), name: Name, purpose: z.nullish(Name), members: z.array(z.looseObject({ id: z.string(), name: z.nullish(Name) })) }),
  mayDecide: z.boolean(),
});
export type MembershipApproval = z.infer<typeof MembershipApproval>;
export const MembershipApprovals = z.looseObject({ approvals: z.array(MembershipApproval) });

const NamedRef = z.looseObject({ id: z.string(), name: z.nullish(z.string()) });

/** GET /api/collaboratives/:id/convenors (COLLABORATIVES.md G43, G45). */
export const Convenors = z.looseObject({
  max: z.number(),
  mayName: z.boolean(),
  convenors: z.array(z.looseObject({
    person: z.looseObject({ id: z.string(), name: z.string() }),
    places: z._default(z.array(z.looseObject({ role: z.string(), schoolName: z.nullish(Name) })), []),
    grantedBy: z.nullish(NamedRef),
    grantedAt: z.string(),
    removable: z.boolean(),
  })),
  trail: z._default(z.array(z.looseObject({
    at: z.string(),
    action: z.string(),
    by: z.nullish(NamedRef),
    person: z.nullish(NamedRef),
    reason: z.nullish(z.string()),
  })), []),
});
export type Convenors = z.infer<typeof Convenors>;
