/**
 * Creating a plan or review document: the registry row, the cycle's own row and the starting
 * layout, written before anyone knows the id (as A13 does for the other kinds), then audited.
 */
import { randomBytes } from 'node:crypto';
import type * as Y from 'yjs';
import { newDocId } from '@cydweithio/model/domain/document';
import { initialise, type InitialiseInit } from '@cydweithio/model/docs/index';
import type { AccessServices } from '../access/services';
import { ProblemError } from '../routes/problem';

export async function createSchoolDocument(
  services: AccessServices,
  kind: 'development-plan' | 'progress-review',
  schoolId: string,
  createdBy: string,
  init: InitialiseInit,
  writeFacts: (docId: string) => Promise<void>,
): Promise<{ id: string; doc: Y.Doc }> {
  const getDoc = services.sync?.getDoc;
  if (!getDoc) throw new ProblemError('server.unavailable', { detail: 'Creating a plan or review needs the sync core.' });
  const id = newDocId(kind, randomBytes(12).toString('base64url'));
  await services.registry.create({ id, kind, title: init.title, owner: { type: 'school', schoolId }, createdBy });
  await writeFacts(id);
  const doc = await getDoc(id);
  initialise(doc, kind, init);
  await services.audit.record({ actorPersonId: createdBy, action: 'created', documentId: id, detail: { kind } });
  return { id, doc };
}
