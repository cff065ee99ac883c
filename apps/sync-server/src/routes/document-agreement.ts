/**
 * POST /api/documents/:id/agree {label, subject?} (ACCESS.md A27): the policy's agree action.
 * The live document's plain JSON becomes one agreed version in its owner's record (RECORDS.md),
 * stamped with who, when and the label, so LA observers can read what was agreed, not drafts.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { readMeta, toPlainJson } from '@cydweithio/model/docs/index';
import type { RecordValue } from '../records/record-doc';
import type { AccessServices } from '../access/services';
import type { AccessEnv } from './access-env';
import { documentFor } from './document-access';
import { readJson } from './middleware/validate';
import { ProblemError } from './problem';

const agreeBody = z.object({
  label: z.string().trim().min(1).max(120),
  /** What was agreed, e.g. 'shared-priorities'; the document id when absent. */
  subject: z.string().trim().min(1).max(120).optional(),
});

export function documentAgreementRoutes(services: AccessServices): Hono<AccessEnv> {
  const app = new Hono<AccessEnv>();

  app.post('/:id/agree', async (c) => {
    const { doc, actor } = await documentFor(services, c, 'agree');
    const { label, subject } = await readJson(c, agreeBody);
    if (!services.sync?.getDoc || !services.records) throw new ProblemError('server.unavailable', { detail: 'Agreeing needs the sync core and the record layer.' });
    const ydoc = await services.sync.getDoc(doc.record.id);
    if (readMeta(ydoc) === null) throw new ProblemError('document.empty');
    const { owner } = doc.record;
    const ownerKey = owner.type === 'school' ? `school:${owner.schoolId}` : `collaborative:${owner.collaborativeId}`;
    // DocumentJson is plain JSON by construction (D7): strings, numbers, arrays and objects.
    const state = toPlainJson(ydoc) as unknown as RecordValue;
    const version = await services.records.agree(ownerKey, subject ?? doc.record.id, state, {
      by: actor.personId, label, at: Math.floor(services.clock() / 1000),
    });
    await services.audit.record({ actorPersonId: actor.personId, action: 'agreed', documentId: doc.record.id, detail: { ownerKey, label, hash: version.hash } });
    return c.json({ ownerKey, version }, 201);
  });

  return app;
}
