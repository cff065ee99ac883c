import * as z from 'zod/mini';

/**
 * Client-side shapes of the API responses. Deliberately lenient (loose objects, optional extras):
 * the client must keep rendering a cached response from an older server, and it only needs the
 * fields it shows. Names may be plain strings or bilingual {cy, en}. zod/mini keeps the first
 * page small (the full zod build roughly doubled it).
 */
export const Name = z.union([z.string(), z.object({ cy: z.string(), en: z.string() })]);
export type Name = z.infer<typeof Name>;

export const PersonSummary = z.looseObject({ id: z.string(), name: z.string(), email: z.optional(z.string()) });
export type PersonSummary = z.infer<typeof PersonSummary>;

export const RoleAssignment = z.looseObject({
  role: z.string(),
  schoolId: z.optional(z.string()),
  collaborativeId: z.optional(z.string()),
  laCode: z.optional(z.number()),
});
export type RoleAssignment = z.infer<typeof RoleAssignment>;

export const SchoolSummary = z.looseObject({ id: z.string(), name: Name, phase: z.optional(z.string()), laCode: z.optional(z.number()) });
export type SchoolSummary = z.infer<typeof SchoolSummary>;

export const CollaborativeKind = z.enum(['vertical', 'horizontal']);
export const CollaborativeSummary = z.looseObject({
  id: z.string(),
  name: Name,
  kind: CollaborativeKind,
  structure: z.optional(z.string()),
  convenorId: z.optional(z.string()),
  memberSchoolIds: z.optional(z.array(z.string())),
  laFacilitatorIds: z.optional(z.array(z.string())),
});
export type CollaborativeSummary = z.infer<typeof CollaborativeSummary>;

/** The server keeps only a hash of the token, so /me lists invitations without one (accept via the emailed link). */
export const InvitationSummary = z.looseObject({
  id: z.optional(z.string()),
  token: z.optional(z.string()),
  // Null for an invitation from a school's access screen or a review team (A75, G37).
  collaborativeId: z.nullish(z.string()),
  collaborativeName: z.optional(Name),
  role: z.optional(z.string()),
  /** A team invitation's review and place (G37): the card names the place, not a collaborative. */
  documentId: z.nullish(z.string()),
  teamRole: z.nullish(z.string()),
  expiresAt: z.optional(z.union([z.string(), z.number()])),
  state: z.optional(z.string()),
});
export type InvitationSummary = z.infer<typeof InvitationSummary>;

/** A list, or (as the server sends them) an object of lists; always read as one list. */
function listOrGrouped<T extends z.core.$ZodType>(item: T, keys: readonly string[]) {
  const grouped = z.pipe(
    z.record(z.string(), z.array(item)),
    z.transform((groups) => keys.flatMap((k) => groups[k] ?? [])),
  );
  return z.union([z.array(item), grouped]);
}

export const Me = z.looseObject({
  person: PersonSummary,
  roles: z._default(z.array(RoleAssignment), []),
  schools: z._default(z.array(SchoolSummary), []),
  // The server splits them by kind; older cached copies may hold a flat list.
  collaboratives: z._default(listOrGrouped(CollaborativeSummary, ['vertical', 'horizontal']), []),
  invitations: z._default(z.array(InvitationSummary), []),
});
export type Me = z.infer<typeof Me>;

export const DocumentKind = z.enum(['self-evaluation', 'peer-review', 'workspace', 'development-plan', 'progress-review', 'review-extract']);
export type DocumentKind = z.infer<typeof DocumentKind>;
export const Access = z.enum(['owner', 'editor', 'viewer']);
export type Access = z.infer<typeof Access>;

export const DocumentSummary = z.looseObject({
  id: z.string(),
  kind: DocumentKind,
  title: z.string(),
  owner: z.looseObject({ type: z.string(), id: z.string(), name: z.nullish(Name) }),
  access: Access,
  sharedWithLa: z.optional(z.boolean()),
  /** Open comment threads (ACCESS.md A106). */
  openComments: z.optional(z.number()),
  /** Both languages' titles, whether the person may rename and archive it, and when it was archived (A112). */
  titles: z.optional(z.looseObject({ cy: z.string(), en: z.string() })),
  canManage: z.optional(z.boolean()),
  archivedAt: z.nullish(z.string()),
});
export type DocumentSummary = z.infer<typeof DocumentSummary>;
export const DocumentList = listOrGrouped(DocumentSummary, ['documents']);
/** GET /api/documents/:id (ACCESS.md A86). */
export const DocumentDetail = z.looseObject({ document: DocumentSummary });
/** GET /api/audit?documentId= (A23, A115): the steps the manage card shows. */
export const AuditTrail = z.looseObject({
  entries: z.array(z.looseObject({ id: z.number(), at: z.string(), action: z.string(), actorName: z.nullish(z.string()) })),
});
export type AuditTrail = z.infer<typeof AuditTrail>;

/** Who can read a document: the role that grants it and the access it gives. */
export const Reader = z.looseObject({ personId: z.optional(z.string()), name: z.string(), role: z.optional(z.string()), access: z.optional(z.string()) });
export type Reader = z.infer<typeof Reader>;
export const ReaderList = listOrGrouped(Reader, ['readers']);

const NamedPerson = z.looseObject({ id: z.string(), name: z.string() });
export const CollaborativeDirectory = z.pipe(
  z.looseObject({
    collaborative: z.extend(CollaborativeSummary, {
      members: z._default(z.array(z.looseObject({ id: z.string(), name: Name, setting: z.nullish(z.string()), laCode: z.optional(z.number()) })), []),
      convenor: z.nullish(NamedPerson),
      /** Every convenor, the first-named and the joint ones (C306); older servers send only `convenor`. */
      convenors: z._default(z.array(NamedPerson), []),
      purpose: z.optional(z.looseObject({ cy: z.string(), en: z.string() })),
      facilitators: z._default(z.array(NamedPerson), []),
    }),
  }),
  z.transform((d) => d.collaborative),
);
export type CollaborativeDirectory = z.infer<typeof CollaborativeDirectory>;

/** The LA's to-do list: schools not yet in a vertical and a horizontal collaborative. */
export const CoverageGap = z.looseObject({ schoolId: z.string(), missing: z.array(CollaborativeKind), name: z.nullish(Name) });
export type CoverageGap = z.infer<typeof CoverageGap>;
export const Coverage = z.looseObject({ laCode: z.number(), schools: z.number(), gaps: z.array(CoverageGap) });
export type Coverage = z.infer<typeof Coverage>;

export const InvitationDetails = z.looseObject({
  collaborative: z.nullish(z.looseObject({ id: z.string(), name: Name, kind: CollaborativeKind })),
  /** A team invitation's peer review (G38): its title and host school. */
  review: z.nullish(z.looseObject({ id: z.string(), title: z.string(), titles: z.nullish(z.looseObject({ cy: z.string(), en: z.string() })), hostSchool: z.nullish(z.looseObject({ id: z.string(), name: Name })) })),
  teamRole: z.nullish(z.string()),
  role: z.string(),
  school: z.nullish(z.looseObject({ id: z.string(), name: Name })),
  email: z.nullish(z.string()),
  expiresAt: z.optional(z.string()),
});
export type InvitationDetails = z.infer<typeof InvitationDetails>;

/** POST /api/auth/hwb/logout: where to end the provider's session too (Hwb sessions only). */
export const SignedOut = z.looseObject({ endSessionUrl: z.nullable(z.string()) });

/** Who recorded an agreement in a record, and when (Unix seconds). */
export const RecordVersion = z.looseObject({ hash: z.string(), subject: z.string(), by: z.string(), byName: z.nullish(z.string()), label: z.string(), at: z.number() });
export type RecordVersion = z.infer<typeof RecordVersion>;

/** GET /documents/:id/priorities/agreed: what the collaborative's record says was agreed (G4). */
export const AgreedPriorities = z.looseObject({
  priorities: z.array(z.looseObject({
    priorityId: z.string(),
    times: z.number(),
    version: RecordVersion,
    state: z.looseObject({ title: z.string(), area: z.string(), successCriteria: z.string(), meetingId: z.string(), meetingDate: z.string() }),
  })),
  impactReviews: z.array(z.looseObject({
    subject: z.string(),
    version: RecordVersion,
    state: z.looseObject({ priorityId: z.string(), period: z.string(), focus: z.string(), impact: z.string(), note: z.string() }),
  })),
});
export type AgreedPriorities = z.infer<typeof AgreedPriorities>;

/** GET /peer-reviews/:id: the review's stage and its team, the server's reader list (G12). */
export const ReviewTeam = z.looseObject({
  stage: z.string(),
  retainUntil: z.nullish(z.string()),
  team: z.array(z.looseObject({ personId: z.string(), name: z.string(), role: z.string(), schoolName: z.nullish(Name) })),
});
export type ReviewTeam = z.infer<typeof ReviewTeam>;

/** GET /peer-reviews/:id/candidates?q=: people in the directory the host may add (G11). */
export const ReviewCandidates = z.looseObject({
  people: z.array(z.looseObject({ personId: z.string(), name: z.string(), role: z.string(), schoolName: z.nullish(Name) })),
});
export type ReviewCandidate = z.infer<typeof ReviewCandidates>['people'][number];

/** GET /peer-reviews/:id/shares: who else reads it, who shared and when (G14). */
export const ReviewShares = z.looseObject({
  sharedWithLa: z.boolean(),
  shares: z.array(z.looseObject({ type: z.string(), id: z.string(), name: z.nullish(Name), sharedByName: z.nullish(z.string()), sharedAt: z.string() })),
});
export type ReviewShares = z.infer<typeof ReviewShares>;

/** GET /peer-reviews/:id/team-invitations: the host's open team invitations (G39). */
export const TeamInvitations = z.looseObject({
  invitations: z.array(z.looseObject({ id: z.string(), email: z.nullish(z.string()), teamRole: z.string(), schoolRole: z.nullish(z.string()), expiresAt: z.string() })),
});
export type TeamInvitation = z.infer<typeof TeamInvitations>['invitations'][number];
