import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { auditLog } from '../src/db/schema/directory';
import { csvCell } from '../src/routes/la-export';
import { makeLaApi } from './support/la-api';

vi.setConfig({ testTimeout: 60_000 });

describe('exports for the LA’s own self-evaluation and scrutiny', () => {
  it('O23: the narrative overview is bilingual HTML (Welsh first) and a tagged PDF; people’s text is escaped', async () => {
    const api = await makeLaApi();
    expect((await api.send('demo-la-officer', 'POST', `/api/la/${api.la}/themes`, { label: { cy: '<script>alert(1)</script>', en: '<img src=x onerror=alert(1)>' } })).status).toBe(201);
    const owner = `school:${api.cast.primaryId}`;
    expect((await api.send('demo-headteacher', 'PUT', '/api/themes/items', { ownerKey: owner, itemId: 'pri-oracy', tagIds: ['img-src-x-onerror-alert-1'] })).status).toBe(200);
    const r = await api.request('demo-la-officer', `/api/la/${api.la}/export/overview.html`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-disposition')).toContain('attachment');
    const html = await r.text();
    expect(html).toMatch(/^<!doctype html>\n<html lang="cy">/);
    expect(html.indexOf('<section lang="cy">')).toBeLessThan(html.indexOf('<section lang="en">'));
    expect(html).toContain('Darlun gwella lleol');
    expect(html).toContain('Local improvement picture');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;script&#62;');
    const en = await (await api.request('demo-la-officer', `/api/la/${api.la}/export/overview.html?lang=en`)).text();
    expect(en).toMatch(/<html lang="en">/);
    expect(en).not.toContain('<section lang="cy">');
    const pdf = await api.request('demo-la-officer', `/api/la/${api.la}/export/overview.pdf?lang=cy`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const dir = mkdtempSync(join(tmpdir(), 'cyd-la-pdf-'));
    try {
      const file = join(dir, 'overview.pdf');
      writeFileSync(file, Buffer.from(await pdf.arrayBuffer()));
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
      expect(text).toContain('Darlun gwella lleol');
      expect(text).toContain('Cryfderau i’w rhannu');
      expect(text).not.toContain('Local improvement picture');
      expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Tagged:\s+yes/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('O24: the CSVs hold coverage and support days, filtered as the map is; a leading = + - @ is defused', async () => {
    const api = await makeLaApi();
    const coverage = await (await api.request('demo-facilitator', `/api/la/${api.la}/export/coverage.csv?gaps=1`)).text();
    const rows = coverage.trim().split('\r\n');
    expect(rows[0]).toBe('"school_number","name_cy","name_en","setting","language","in_vertical","in_horizontal","clusters"');
    expect(rows.slice(1).map((r) => r.slice(1, 8)).sort()).toEqual([...api.dataset.intendedCoverageGaps].sort());
    const support = await (await api.request('demo-facilitator', `/api/la/${api.la}/export/support-days.csv`)).text();
    const header = support.split('\r\n')[0] ?? '';
    expect(header).toContain('"days_planned","days_used"');
    expect(support.split('\r\n').length).toBeGreaterThan(50);
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('-2')).toBe('"\'-2"');
    expect(csvCell(3)).toBe('"3"');
  });

  it('O25: no export carries a ranking, a support level, the minimum-days flag or the continuum; each export is audited', async () => {
    const api = await makeLaApi();
    expect((await api.send('demo-la-officer', 'POST', `/api/la/${api.la}/continuum`, { schoolId: api.cast.primaryId, areaId: 'behaviour', placement: 'leading', decidedOn: '2026-11-01', note: 'SECRET-NOTE' })).status).toBe(201);
    const paths = ['overview.html', 'overview.html?lang=en', 'coverage.csv', 'support-days.csv'];
    for (const path of paths) {
      const text = await (await api.request('demo-la-officer', `/api/la/${api.la}/export/${path}`)).text();
      for (const word of ['SECRET-NOTE', 'leading', 'Behaviour', 'Ymddygiad', 'enhanced', 'core', 'belowMinimum', 'minimum', 'very-good', 'satisfactory']) {
        expect([path, word, text.includes(word)]).toEqual([path, word, false]);
      }
    }
    const rows = await api.sql.all((db) => db.select().from(auditLog));
    expect(rows.filter((r) => r.action === 'exported' && r.actorPersonId === 'demo-la-officer').length).toBe(paths.length);
  });
});
