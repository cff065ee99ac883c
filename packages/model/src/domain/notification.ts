import { z } from 'zod';

/**
 * What a notification can be about (SPEC P125; who is told of what is the server's, ACCESS.md). A notification names its kind, the
 * document or collaborative it is about and who acted; never a document's text or anything about
 * a learner, so it is safe to show on the home page and, later, to put in an email.
 */
export const notificationKinds = [
  /** Someone with an account was invited to a role (home's invitations card holds the link). */
  'invitation',
  /** A convenor asked the person's school to join a collaborative (its headteacher answers). */
  'membership-request',
  /** A school from the officer's LA asked to join a collaborative: the LA approves too (M46). */
  'membership-approval',
  /** The host shared a peer review with the person, or with a collaborative they lead a school in. */
  'review-shared',
  /** A comment mentions the person. */
  'mention',
  /** P134: a school's headteacher accepted the convenors' request to join (told to every convenor). */
  'membership-accepted',
  /** P134: a school's headteacher declined the convenors' request to join. */
  'membership-declined',
  /** P134: the joining school's LA officer approved the joining (M46). */
  'membership-la-approved',
  /** P134: the joining school's LA officer refused the joining. */
  'membership-la-declined',
  /**
   * P135: one of the person's own actions (by account) falls due within two weeks (D21). Nobody
   * acted: the server's sweep tells the owner, once per action, due date and owner.
   */
  'action-due-soon',
  /** P135: one of the person's own actions has passed its due date without being done (D21). */
  'action-overdue',
  /** P140: someone named the person a convenor of a collaborative (told to them alone). */
  'convenor-named',
] as const;
export const NotificationKind = z.enum(notificationKinds);
export type NotificationKind = z.infer<typeof NotificationKind>;
