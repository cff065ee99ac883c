/**
 * Exports for the LA's own self-evaluation and scrutiny (OVERVIEW.md O23-O25):
 *   GET /api/la/:la/export/overview.html?lang=cy|en|both   bilingual narrative overview (Welsh first)
 *   GET /api/la/:la/export/overview.pdf?lang=cy|en|both
 *   GET /api/la/:la/export/coverage.csv?setting=&language=&cluster=&gaps=
 *   GET /api/la/:la/export/support-days.csv
 * No ranking, no learner data, no support level or minimum-days flag, nothing from the continuum.
 * Policy P77 (`export` on the LA's overview). Every export is audited.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { Lang } from '@cydweithio/model/domain/bilingual';
import { languageCategoryLabels } from '@cydweithio/model/domain/labels';
import { blocksToHtml, escapeHtml, overviewBlocks, settingWords, type Block } from '@cydweithio/model/docs/index';
import { filterCoverage } from '@cydweithio/model/rules/coverageFilter';
import type { AccessServices } from '../access/services';
import { loadActor } from '../access/policy';
import { laCodeParam, requireLa } from '../overview/la-access';
import type { LaPicture } from '../overview/la-picture';
import { blocksPdf } from '../public/blocks-pdf';
import type { AccessEnv } from './access-env';
import { coverageQuery } from './la-coverage-map';
import { requireSignIn } from './middleware/session';
import { readQuery } from './middleware/validate';

const langQuery = z.object({ lang: z.enum(['cy', 'en', 'both']).default('both') });

/** A CSV cell: quoted, quotes doubled, and a leading = + - @ defused so a spreadsheet never runs it. */
export function csvCell(value: string | number): string {
  const text = String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

const csv = (rows: readonly (readonly (string | number)[])[]): string => `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;

export function laExportRoutes(services: AccessServices, picture: LaPicture): Hono<AccessEnv> {
  const { directory, audit } = services;
  const app = new Hono<AccessEnv>();

  const allowed = async (c: Parameters<typeof requireSignIn>[0]) => {
    const personId = requireSignIn(c);
    const laCode = laCodeParam(c.req.param('la'));
    requireLa(await loadActor(directory, personId), 'export', { kind: 'la-overview', laCodes: [laCode] });
    return { personId, laCode };
  };

  const narrative = async (laCode: number, langs: readonly Lang[]) => {
    const [overview, map, las] = await Promise.all([picture.overview({ type: 'la', laCode }), picture.coverageMap(laCode), directory.localAuthorities()]);
    const name = las.find((l) => l.code === laCode)?.name ?? { cy: String(laCode), en: String(laCode) };
    const gaps = filterCoverage(map.schools, { gapsOnly: true });
    return { name, blocks: (lang: Lang) => overviewBlocks(overview, name, { total: map.schools.length, gaps }, lang, picture.today()), langs };
  };
  const langsOf = (lang: 'cy' | 'en' | 'both'): Lang[] => (lang === 'both' ? ['cy', 'en'] : [lang]);

  app.get('/:la/export/overview.html', async (c) => {
    const { personId, laCode } = await allowed(c);
    const { lang } = readQuery(c, langQuery);
    const n = await narrative(laCode, langsOf(lang));
    const first = n.langs[0] ?? 'cy';
    const body = n.langs.map((l) => `<section lang="${l}">${blocksToHtml(n.blocks(l))}</section>`).join('\n<hr>\n');
    const title = n.langs.map((l) => `${l === 'cy' ? 'Darlun gwella lleol' : 'Local improvement picture'}: ${n.name[l]}`).join(' / ');
    const html = `<!doctype html>\n<html lang="${first}">\n<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>\n<body><main>\n${body}\n</main></body>\n</html>\n`;
    await audit.record({ actorPersonId: personId, action: 'exported', detail: { what: 'la-overview', laCode, format: 'html' } });
    c.header('Content-Disposition', `attachment; filename="la-${laCode}-overview.html"`);
    return c.body(html, 200, { 'Content-Type': 'text/html; charset=utf-8' });
  });

  app.get('/:la/export/overview.pdf', async (c) => {
    const { personId, laCode } = await allowed(c);
    const { lang } = readQuery(c, langQuery);
    const n = await narrative(laCode, langsOf(lang));
    const blocks: Block[] = n.langs.flatMap((l) => n.blocks(l));
    const first = n.langs[0] ?? 'cy';
    const pdf = await blocksPdf(blocks, { title: `${first === 'cy' ? 'Darlun gwella lleol' : 'Local improvement picture'}: ${n.name[first]}`, lang: first });
    await audit.record({ actorPersonId: personId, action: 'exported', detail: { what: 'la-overview', laCode, format: 'pdf' } });
    c.header('Content-Disposition', `attachment; filename="la-${laCode}-overview.pdf"`);
    return c.body(new Uint8Array(pdf), 200, { 'Content-Type': 'application/pdf' });
  });

  app.get('/:la/export/coverage.csv', async (c) => {
    const { personId, laCode } = await allowed(c);
    const q = readQuery(c, coverageQuery);
    const map = await picture.coverageMap(laCode);
    const clusterName = new Map(map.clusters.map((k) => [k.id, k.name]));
    const rows = filterCoverage(map.schools, { setting: q.setting, language: q.language, clusterId: q.cluster, gapsOnly: q.gaps === '1' }).map((s) => [
      s.id, s.name.cy, s.name.en, settingWords(s.setting, 'en'), languageCategoryLabels[s.languageCategory].en,
      s.inVertical ? 'yes' : 'no', s.inHorizontal ? 'yes' : 'no', s.clusterIds.map((id) => clusterName.get(id)?.en ?? id).join('; '),
    ]);
    await audit.record({ actorPersonId: personId, action: 'exported', detail: { what: 'coverage', laCode, format: 'csv' } });
    c.header('Content-Disposition', `attachment; filename="la-${laCode}-coverage.csv"`);
    return c.body(csv([['school_number', 'name_cy', 'name_en', 'setting', 'language', 'in_vertical', 'in_horizontal', 'clusters'], ...rows]), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
  });

  app.get('/:la/export/support-days.csv', async (c) => {
    const { personId, laCode } = await allowed(c);
    const ledger = await picture.ledger(laCode);
    const rows = ledger.schools.flatMap((s) => s.lines.map((l) => [
      s.schoolId, s.name.cy, s.name.en, settingWords(s.setting, 'en'), l.priorityId, l.priorityTitle, l.source, l.provider, l.description,
      l.daysPlanned, l.daysUsed ?? '', l.origin, l.term ?? '', l.impact,
    ]));
    await audit.record({ actorPersonId: personId, action: 'exported', detail: { what: 'support-days', laCode, format: 'csv' } });
    c.header('Content-Disposition', `attachment; filename="la-${laCode}-support-days.csv"`);
    return c.body(csv([['school_number', 'name_cy', 'name_en', 'setting', 'priority_id', 'priority', 'source', 'provider', 'description', 'days_planned', 'days_used', 'recorded_in', 'term', 'impact'], ...rows]), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
  });

  return app;
}
