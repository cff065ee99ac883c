/**
 * GET /api/documents/:id/export?format=md|html|json&lang=cy|en (ACCESS.md A18): the policy's
 * export action, rendered from the live Y.Doc with the model's toPlainJson and renderers.
 * The audit records who exported which document in which format, never the text.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { readMeta, renderHtml, renderMarkdown, toPlainJson } from '@cydweithio/model/docs/index';
import type { AccessServices } from '../access/services';
import type { AccessEnv } from './access-env';
import { documentFor } from './document-access';
import { readQuery } from './middleware/validate';
import { ProblemError } from './problem';

const exportQuery = z.object({
  format: z.enum(['md', 'html', 'json']).default('md'),
  // Welsh first, as on every screen (DOMAIN: Wales is bilingual).
  lang: z.enum(['cy', 'en']).default('cy'),
});

const contentTypes = { md: 'text/markdown; charset=utf-8', html: 'text/html; charset=utf-8', json: 'application/json; charset=utf-8' } as const;

export function documentExportRoutes(services: AccessServices): Hono<AccessEnv> {
  const app = new Hono<AccessEnv>();

  app.get('/:id/export', async (c) => {
    const { format, lang } = readQuery(c, exportQuery);
    const { doc, actor } = await documentFor(services, c, 'export');
    if (!services.sync?.getDoc) throw new ProblemError('server.unavailable', { detail: 'Export needs the sync core.' });
    const ydoc = await services.sync.getDoc(doc.record.id);
    // A registered document whose content was never initialised has no layout to render.
    if (readMeta(ydoc) === null) throw new ProblemError('document.empty');
    const json = toPlainJson(ydoc);
    const body = format === 'json' ? JSON.stringify(json, null, 2) : format === 'html' ? renderHtml(json, lang) : renderMarkdown(json, lang);
    await services.audit.record({ actorPersonId: actor.personId, action: 'exported', documentId: doc.record.id, detail: { format, lang } });
    const filename = `${doc.record.id.replace(':', '-')}.${format}`;
    return c.body(body, 200, { 'content-type': contentTypes[format], 'content-disposition': `attachment; filename="${filename}"` });
  });

  return app;
}
