/**
 * The public address of each school's published summary (CYCLE.md E7-E9), no sign-in:
 *   GET /summary/:schoolId?lang=cy|en                 the page (Welsh by default)
 *   GET /summary/:schoolId/summary.(pdf|html|md)?lang= the exports
 *   GET /summary/assets/summary.css                   its stylesheet (print styles included)
 * Who may read is still the model's policy (P39: anyone, once published). What is shown is the
 * newest summary agreed into the school's record, never the live plan.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { blocksToMarkdown, summaryBlocks } from '@cydweithio/model/docs/index';
import { decide } from '@cydweithio/model/policy/index';
import type { RecordControl } from '../access/context';
import { latestSummary, schoolOwnerKey } from '../cycle/school-cycle';
import { noSummaryPage, summaryCss, summaryHtmlFile, summaryPage } from './summary-page';
import { summaryPdf } from './summary-pdf';

const langQuery = z.object({ lang: z.enum(['cy', 'en']).catch('cy') });
const anonymous = { personId: '', roles: [] };

export interface SummaryDirectory {
  school(id: string): Promise<{ id: string } | null>;
}

export function publicSummaryRoutes(records: RecordControl | undefined, directory: SummaryDirectory): Hono {
  const app = new Hono();
  const cacheHeaders = { 'cache-control': 'public, max-age=60', 'x-content-type-options': 'nosniff' };

  app.get('/assets/summary.css', (c) => c.body(summaryCss, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=3600' }));

  const find = async (schoolId: string) => {
    if (!/^\d{7}$/.test(schoolId) || !records || !(await directory.school(schoolId))) return { known: false, summary: null } as const;
    const summary = latestSummary((await records.current(schoolOwnerKey(schoolId))).subjects);
    const published = decide(anonymous, 'read', { kind: 'published-summary', schoolId, published: summary !== null }).allow;
    return { known: true, summary: published ? summary : null } as const;
  };
  const lang = (query: Record<string, string>) => langQuery.parse(query).lang;

  app.get('/:schoolId', async (c) => {
    const schoolId = c.req.param('schoolId');
    const language = lang(c.req.query());
    const { known, summary } = await find(schoolId);
    if (!summary) return c.html(noSummaryPage(known ? schoolId : '0000000', language), 404, cacheHeaders);
    return c.html(summaryPage(summary, language), 200, { ...cacheHeaders, 'content-language': language });
  });

  app.get('/:schoolId/:file{summary\\.(pdf|html|md)}', async (c) => {
    const schoolId = c.req.param('schoolId');
    const language = lang(c.req.query());
    const { summary } = await find(schoolId);
    if (!summary) return c.text('Not found', 404);
    const format = c.req.param('file').split('.')[1];
    const name = `crynodeb-summary-${schoolId}-${summary.academicYear}-${language}`;
    const attachment = (ext: string) => ({ ...cacheHeaders, 'content-disposition': `attachment; filename="${name}.${ext}"`, 'content-language': language });
    if (format === 'pdf') return c.body(new Uint8Array(await summaryPdf(summary, language)), 200, { ...attachment('pdf'), 'content-type': 'application/pdf' });
    if (format === 'html') return c.body(summaryHtmlFile(summary, language), 200, { ...attachment('html'), 'content-type': 'text/html; charset=utf-8' });
    return c.body(blocksToMarkdown(summaryBlocks(summary, language)), 200, { ...attachment('md'), 'content-type': 'text/markdown; charset=utf-8' });
  });

  return app;
}
