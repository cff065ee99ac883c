/**
 * Every error code the API returns, with its HTTP status and English title. The codes are
 * stable: the web client translates them into Welsh and English, so a code is never renamed
 * or reused for another meaning (ACCESS.md, "Problem codes"). Add new ones; do not edit old ones.
 */
export const problemCodes = {
  'request.invalid': { status: 400, title: 'The request is not valid.' },
  'request.origin-refused': { status: 403, title: 'Requests from this origin are refused.' },
  'request.not-found': { status: 404, title: 'There is nothing at this address.' },
  'request.too-large': { status: 413, title: 'The request body is too large.' },
  'request.unsupported-media-type': { status: 415, title: 'The request body has the wrong content type.' },
  'server.error': { status: 500, title: 'Something went wrong on the server.' },
  'server.unavailable': { status: 503, title: 'This part of the service is not available yet.' },

  'auth.invalid-credentials': { status: 401, title: 'The email or password is not right.' },
  'auth.rate-limited': { status: 429, title: 'Too many sign-in attempts. Try again later.' },
  'auth.required': { status: 401, title: 'Sign in to continue.' },
  'auth.email-taken': { status: 409, title: 'An account with this email already exists. Sign in to accept.' },
  'events.too-many-streams': { status: 429, title: 'Too many pages of this account are listening for changes.' },
  'auth.password-disabled': { status: 403, title: 'Password sign-in is turned off here. Sign in with Hwb.' },

  'hwb.not-configured': { status: 404, title: 'Sign-in with Hwb is not set up here.' },
  'hwb.unavailable': { status: 503, title: 'Hwb cannot be reached just now. Try again in a few minutes.' },
  'hwb.state-invalid': { status: 400, title: 'This sign-in link has expired or was already used. Start again.' },
  'hwb.cancelled': { status: 401, title: 'Sign-in with Hwb was cancelled.' },
  'hwb.token-invalid': { status: 401, title: 'Hwb did not confirm who you are. Start again.' },
  'hwb.tenant-refused': { status: 403, title: 'Your organisation\'s accounts cannot sign in here.' },
  'hwb.address-not-vouched': { status: 403, title: 'Your Hwb account has no address in your organisation\'s domain.' },
  'hwb.account-linked-elsewhere': { status: 409, title: 'The account for this address is linked to a different Hwb account.' },

  'directory.forbidden': { status: 403, title: 'Only LA officers can change the directory.' },
  'directory.not-found': { status: 404, title: 'No such local authority, school or collaborative.' },
  'directory.import-invalid': { status: 400, title: 'The address list could not be read.' },
  'coverage.forbidden': { status: 403, title: 'Only LA roles can see coverage.' },

  'collaborative.not-found': { status: 404, title: 'No such collaborative.' },
  'collaborative.forbidden': { status: 403, title: 'Only the convenor can manage this collaborative.' },
  'collaborative.member-not-found': { status: 404, title: 'That school or person is not a member.' },
  'proposal.not-found': { status: 404, title: 'No such proposal of a collaborative.' },
  'proposal.already-decided': { status: 409, title: 'Your local authority has already decided on this proposal.' },
  'membership.not-found': { status: 404, title: 'No such request to join.' },
  'membership.answered': { status: 409, title: 'This request to join has already been answered or withdrawn.' },
  'proposal.closed': { status: 409, title: 'This proposal has already been approved, declined or withdrawn.' },
  'collaborative.last-convenor': { status: 409, title: 'A collaborative keeps at least one convenor: name another before removing this one.' },
  'collaborative.already-convenor': { status: 409, title: 'This person is a convenor of the collaborative already.' },
  'collaborative.too-many-convenors': { status: 409, title: 'A collaborative has at most four convenors: remove one before naming another.' },
  'collaborative.not-convenor': { status: 404, title: 'This person is not a convenor of the collaborative.' },

  'invitation.not-found': { status: 404, title: 'This invitation link is not valid.' },
  'invitation.expired': { status: 410, title: 'This invitation has expired. Ask the convenor for a new one.' },
  'invitation.used': { status: 410, title: 'This invitation has already been used.' },
  'invitation.wrong-person': { status: 403, title: 'This invitation was sent to a different email address.' },
  'invitation.account-required': { status: 401, title: 'Sign in, or give a name and password to create an account.' },
  'invitation.team-role-missing': { status: 403, title: 'This team place needs a role you do not hold yet. The link stays open: use it again once you have the role.' },
  'invitation.not-permitted': { status: 403, title: 'The person who sent this invitation may not give this role (or no longer may).' },

  'grant.forbidden': { status: 403, title: 'You may not give or remove this role.' },
  'access.forbidden': { status: 403, title: 'Only the school\'s headteacher and its LA\'s officers can see who has access to it.' },
  'access.role-not-found': { status: 404, title: 'No such role at this school.' },
  'la-access.forbidden': { status: 403, title: 'Only the local authority\'s officers can see who holds its roles.' },
  'la-access.role-not-found': { status: 404, title: 'No such role in this local authority.' },
  'la-access.person-not-found': { status: 404, title: 'Nobody with that account works in this local authority.' },
  'la-access.already-held': { status: 409, title: 'This person already holds that role.' },
  'la-access.last-officer': { status: 409, title: 'The local authority\'s last officer cannot be removed: name another officer first.' },

  'document.not-found': { status: 404, title: 'No such document.' },
  'document.forbidden': { status: 403, title: 'You do not have access to this document.' },
  'peer-review.planning-incomplete': { status: 409, title: 'Agree the focus of the review and plan at least one visit date before the visit.' },
  'document.not-shareable': { status: 409, title: 'Only peer reviews can be shared with the local authority.' },
  'document.empty': { status: 409, title: 'This document has no content yet, so there is nothing to export.' },
  'document.archived': { status: 409, title: 'This document is archived. Restore it to change it.' },
  'document.not-archived': { status: 409, title: 'This document is not archived.' },

  'document.not-agreeable': { status: 409, title: 'Only a collaborative\'s workspace has shared priorities to agree.' },
  'workspace.item-not-found': { status: 404, title: 'No such meeting or priority in this workspace.' },
  'priority.not-agreed': { status: 409, title: 'This priority has not been agreed yet, so it has no impact review.' },

  'comment.not-found': { status: 404, title: 'No such comment on this document.' },
  'notification.not-found': { status: 404, title: 'No such notification of yours.' },
  'comment.not-a-thread': { status: 409, title: 'Only the first comment of a thread takes replies and is resolved or reopened.' },
  'comment.thread-resolved': { status: 409, title: 'This thread is resolved. Reopen it to reply.' },
  'comment.has-replies': { status: 409, title: 'Others have replied to this comment, so it cannot be deleted. Edit it instead.' },
  'comment.mention-not-a-reader': { status: 422, title: 'Someone you mentioned cannot read this document.' },

  'record.not-found': { status: 404, title: 'No such school or collaborative record.' },
  'record.forbidden': { status: 403, title: 'You do not have access to this record.' },
  'record.version-not-found': { status: 404, title: 'This record has no such version.' },

  'plan.exists': { status: 409, title: 'The school already has a plan for that year.' },
  'plan.not-approved': { status: 409, title: 'The governing body has not approved this plan yet.' },
  'review.no-plan': { status: 409, title: 'There is no approved plan for that year to review.' },
  'review.exists': { status: 409, title: 'There is already a review for that term.' },
  'review.incomplete': { status: 409, title: 'Every priority needs a status and a judgement before the review is confirmed.' },
  'record.not-restorable': { status: 409, title: 'That version cannot be restored into this document.' },
  'cycle.forbidden': { status: 403, title: 'You do not have access to this part of the improvement cycle.' },

  'la.forbidden': { status: 403, title: 'This part of the local authority\'s picture is not open to you.' },
  'theme.exists': { status: 409, title: 'The local authority already has a theme with that name.' },
  'theme.not-found': { status: 404, title: 'No such theme in this local authority.' },
  'theme.item-not-agreed': { status: 409, title: 'Only agreed priorities, strengths and needs can be tagged.' },
  'support.priority-not-agreed': { status: 409, title: 'Support is recorded against a priority in the approved plan.' },
  'support.not-found': { status: 404, title: 'No such support in this school\'s record.' },

  'audit.forbidden': { status: 403, title: 'Only the document owners and LA officers can see its audit log.' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemCode = keyof typeof problemCodes;

/** The shape of every error body (RFC 9457 problem details, plus our stable code). */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: ProblemCode;
  detail?: string;
  /** Field errors for request.invalid: where and what. */
  errors?: { path: string; message: string }[];
  /** E23: a draft refused to a reader of the owner's record: the record's key, where the agreed version is. */
  record?: string;
}
