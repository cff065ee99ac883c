/**
 * The moment a school joins a collaborative it was asked into (G27, G35): once its headteacher
 * accepted and, for a school from an LA the collaborative had not reached yet, that LA's officer
 * approved (M46). Whichever yes comes last makes it a member; two arriving at once make it one
 * member once (the store's conditional close is the one-winner step).
 */
import type { StoredRequest } from '../directory/convening-store';
import type { AccessServices } from './services';

/** Closes the request and adds the school when every yes is in; false while one is missing. */
export async function joinWhenAgreed(services: AccessServices, request: StoredRequest, actorPersonId: string): Promise<boolean> {
  const { convening, directoryWrites, audit, registry, sync } = services;
  if (!(await convening.complete(request.id, actorPersonId))) return false;
  // The headteacher's acceptance is what joins the school: the history names them.
  const acceptedBy = (await convening.requestById(request.id))?.acceptedBy ?? actorPersonId;
  await directoryWrites.addMemberSchool(request.collaborativeId, request.schoolId);
  await convening.recordEvent(request.collaborativeId, request.schoolId, 'joined', acceptedBy);
  await audit.record({ actorPersonId: acceptedBy, action: 'joined', detail: { collaborativeId: request.collaborativeId, schoolId: request.schoolId } });
  await sync?.recheck({ docIds: await registry.idsOwnedBy('collaborative', request.collaborativeId) });
  return true;
}
