/**
 * The composition point of the access layer: createAccessLayer builds the /api routes and the
 * ConnectionAuthorizer the sync core calls on every upgrade. The server mounts
 * `app.route('/api', layer.routes)` and passes `layer.authorizer` to the sync core.
 */
import { Hono } from 'hono';
import type { ConnectionAuthorizer } from '../sync/access';
import { createAuthorizer } from './authorizer';
import { authRoutes } from '../routes/auth';
import { hwbAuthRoutes, passwordSignInGuard } from '../routes/auth-hwb';
import { meRoutes } from '../routes/me';
import { directoryRoutes } from '../routes/directory';
import { laRoutes } from '../routes/la';
import { laAccessRoutes } from '../routes/la-access';
import { laAdminRoutes } from '../routes/la-admin';
import { laContinuumRoutes } from '../routes/la-continuum';
import { laCoverageMapRoutes } from '../routes/la-coverage-map';
import { laExportRoutes } from '../routes/la-export';
import { laPictureRoutes } from '../routes/la-picture';
import { laSupportRoutes } from '../routes/la-support';
import { LaPicture } from '../overview/la-picture';
import { collaborativeRoutes } from '../routes/collaboratives';
import { collaborativeMembershipRoutes } from '../routes/collaborative-membership';
import { collaborativeProposalRoutes } from '../routes/collaborative-proposals';
import { membershipApprovalRoutes } from '../routes/membership-approvals';
import { invitationRoutes } from '../routes/invitations';
import { schoolAccessRoutes } from '../routes/school-access';
import { documentRoutes } from '../routes/documents';
import { documentManageRoutes } from '../routes/document-manage';
import { documentSharingRoutes } from '../routes/document-sharing';
import { documentExportRoutes } from '../routes/document-export';
import { documentAgreementRoutes } from '../routes/document-agreement';
import { sharedPriorityRoutes } from '../routes/shared-priorities';
import { peerReviewTeamRoutes } from '../routes/peer-review-team';
import { peerReviewTeamInvitationRoutes } from '../routes/peer-review-team-invitations';
import { reviewExtractRoutes } from '../routes/review-extracts';
import { auditRoutes } from '../routes/audit';
import { commentRoutes } from '../routes/comments';
import { mentionRoutes } from '../routes/mentions';
import { notificationRoutes } from '../routes/notifications';
import { collaborativeConvenorRoutes } from '../routes/collaborative-convenors';
import { recordRoutes } from '../routes/records';
import { recordTermlyRoutes } from '../routes/record-termly';
import { recordHistoryRoutes } from '../routes/record-history';
import { planRoutes } from '../routes/plans';
import { reviewRoutes } from '../routes/reviews';
import { caseloadRoutes } from '../routes/caseload';
import { publicSummaryRoutes } from '../public/summary-routes';
import type { AccessEnv } from '../routes/access-env';
import { bodyLimits, IMPORT_BODY_LIMIT_BYTES } from '../routes/middleware/body-limits';
import { nudgeAfterChange } from '../routes/middleware/nudge-after-change';
import { eventRoutes } from '../routes/events';
import { originGuard } from '../routes/middleware/origin-guard';
import { sessionReader } from '../routes/middleware/session';
import { problemHandler, ProblemError } from '../routes/problem';
import { createAccessServices, type AccessLayerOptions, type AccessServices } from './services';
import { createRetentionSweep } from './retention-sweep';
import { activityRoutes } from '../routes/activity';
import { searchRoutes } from '../routes/search';
import { LogDeriver } from '../activity/log-deriver';
import { liveDocumentIds } from '../activity/readable';
import { mentionsFeedSource } from '../activity/mentions-feed';
import { createActionReminderSweep, type ActionReminderSweep } from '../notifications/action-reminder-sweep';

export interface AccessLayer {
  routes: Hono<AccessEnv>;
  /** The published summaries' public pages, mounted at /summary (CYCLE.md E7). */
  publicRoutes: Hono;
  authorizer: ConnectionAuthorizer;
  /** For the host and tests: the shared services (sessions, directory, audit). */
  services: AccessServices;
  /** G33: starts the sweep that closes reviewers' sockets once a retention date passes; returns its stop. */
  startRetentionSweep: (intervalMs?: number) => () => void;
  /** Reads the update log into search text and section changes; the host starts and stops it (A121). */
  deriver: LogDeriver;
  /** A149-A150: reminds owners of actions falling due; the host starts it, tests call sweep(). */
  actionReminders: ActionReminderSweep;
}

export function createAccessLayer(options: AccessLayerOptions): AccessLayer {
  const services = createAccessServices(options);
  const routes = new Hono<AccessEnv>();
  routes.onError(problemHandler(services.logger));
  // Before anything reads a body, the CSRF check included (A82).
  routes.use('*', bodyLimits([{ path: /\/directory\/import$/, maxBytes: IMPORT_BODY_LIMIT_BYTES }]));
  routes.use('*', originGuard(services.originAllowed));
  routes.use('*', sessionReader(services.sessions));
  routes.use('*', passwordSignInGuard(services));
  // Convening changes nudge every open home page to ask again (S63), instead of polling.
  for (const path of ['/collaboratives', '/membership-requests', '/membership-approvals', '/collaborative-proposals', '/directory/collaboratives']) {
    // `/x/*` matches `/x` itself too.
    routes.use(`${path}/*`, nudgeAfterChange(services.sync, 'convening'));
  }
  routes.route('/auth', authRoutes(services));
  routes.route('/auth', hwbAuthRoutes(services));
  routes.route('/me', meRoutes(services));
  routes.route('/directory', directoryRoutes(services));
  routes.route('/la', laRoutes(services));
  // The LA's local improvement picture (OVERVIEW.md): one LaPicture, so its digests are shared.
  const picture = new LaPicture(services);
  const pictureRoutes = laPictureRoutes(services, picture);
  routes.route('/la', pictureRoutes.la);
  routes.route('/la', laSupportRoutes(services, picture));
  routes.route('/la', laCoverageMapRoutes(services, picture));
  routes.route('/la', laContinuumRoutes(services, picture));
  routes.route('/la', laAdminRoutes(services, picture));
  routes.route('/la', laAccessRoutes(services));
  routes.route('/la', laExportRoutes(services, picture));
  routes.route('/themes', pictureRoutes.themes);
  routes.route('/events', eventRoutes(services));
  routes.route('/collaboratives', collaborativeRoutes(services));
  routes.route('/collaboratives', collaborativeConvenorRoutes(services));
  const membership = collaborativeMembershipRoutes(services);
  routes.route('/collaboratives', membership.collaboratives);
  routes.route('/membership-requests', membership.requests);
  routes.route('/membership-approvals', membershipApprovalRoutes(services));
  routes.route('/collaborative-proposals', collaborativeProposalRoutes(services));
  routes.route('/invitations', invitationRoutes(services));
  routes.route('/documents', documentRoutes(services));
  routes.route('/documents', documentManageRoutes(services));
  routes.route('/documents', documentSharingRoutes(services));
  routes.route('/documents', documentExportRoutes(services));
  routes.route('/documents', documentAgreementRoutes(services));
  routes.route('/documents', sharedPriorityRoutes(services));
  routes.route('/documents', commentRoutes(services));
  routes.route('/mentions', mentionRoutes(services));
  routes.route('/notifications', notificationRoutes(services));
  routes.route('/records', recordTermlyRoutes(services));
  routes.route('/records', recordHistoryRoutes(services));
  routes.route('/peer-reviews', peerReviewTeamRoutes(services));
  routes.route('/peer-reviews', peerReviewTeamInvitationRoutes(services));
  routes.route('/peer-reviews', reviewExtractRoutes(services));
  routes.route('/plans', planRoutes(services));
  routes.route('/reviews', reviewRoutes(services));
  const cycle = caseloadRoutes(services);
  routes.route('/caseload', cycle.caseload);
  routes.route('/schools', cycle.schools);
  routes.route('/schools', schoolAccessRoutes(services));
  routes.route('/records', recordRoutes(services));
  routes.route('/audit', auditRoutes(services));
  const activity = activityRoutes(services, services.activity, [mentionsFeedSource(services), ...(options.feedSources ?? [])]);
  routes.route('/documents', activity.documents);
  routes.route('/feed', activity.feed);
  routes.route('/search', searchRoutes(services, services.activity));
  routes.all('*', () => {
    throw new ProblemError('request.not-found');
  });
  const publicRoutes = publicSummaryRoutes(services.records, services.directory);
  const retention = createRetentionSweep(services);
  const deriver = new LogDeriver(services.sql, services.activity, services.logger, { liveIds: (ids) => liveDocumentIds(services.sql, ids) });
  const actionReminders = createActionReminderSweep(services, services.actionReminders);
  return { routes, publicRoutes, authorizer: createAuthorizer(services), services, startRetentionSweep: retention.start, deriver, actionReminders };
}
