import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { developmentPlan } from '@cydweithio/model/docs/index';
import { PublishedSummary } from '@cydweithio/model/domain/index';
import { findLearnerDataKeys } from '@cydweithio/model/rules/noLearnerData';
import { makeCycleApi } from './support/cycle-api';

vi.setConfig({ testTimeout: 30_000 });

/** The demo secondary publishes a plan whose priority title tries to smuggle in markup. */
async function published() {
  const api = await makeCycleApi();
  const schoolId = api.cast.secondaryId;
  const id = ((await (await api.post('demo-headteacher-secondary', '/api/plans', { schoolId, academicYear: 2026 })).json()) as { id: string }).id;
  const plan = developmentPlan(await api.getDoc(id));
  plan.addPriority({ id: 'pri-dwr', area: 'well-being', title: 'Dŵr a chŵn ar yr ŷd <script>alert(1)</script>', outcomes: 'Mwy o hyder' });
  plan.addAction('pri-dwr', { id: 'a', description: 'Cyfarfod rhieni', ownerName: 'Mrs Ann Jones', due: '2027-01-15' });
  plan.addSupport('pri-dwr', { id: 's', source: 'la', provider: 'Partner Gwella', description: 'Hyfforddi', days: 2 });
  expect((await api.post('demo-governor-secondary', `/api/plans/${id}/approve`, { meetingDate: '2026-11-25' })).status).toBe(201);
  expect((await api.post('demo-headteacher-secondary', `/api/plans/${id}/publish`)).status).toBe(201);
  const get = (path: string) => api.publicApp.request(`http://localhost${path}`);
  return { api, schoolId, get };
}

describe('the published summary', () => {
  it('E7: readable signed out at its public address, Welsh by default and English on request, with no script', async () => {
    const { schoolId, get } = await published();
    const cy = await get(`/summary/${schoolId}`);
    expect(cy.status).toBe(200);
    const html = await cy.text();
    expect(html).toContain('<html lang="cy">');
    expect(html).toContain('Blaenoriaethau gwella');
    expect(html).toContain('href="/summary/assets/summary.css"');
    expect(html).toMatch(/<a href="\/summary\/\d{7}\?lang=en" lang="en" hreflang="en">English<\/a>/);
    expect(html).not.toMatch(/<script/i);
    const en = await (await get(`/summary/${schoolId}?lang=en`)).text();
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Improvement priorities');
    expect(en).toContain('Approved by the governing body on 2026-11-25');
    const css = await get('/summary/assets/summary.css');
    expect([css.status, css.headers.get('content-type')]).toEqual([200, 'text/css; charset=utf-8']);
    expect(await css.text()).toContain('@media print');
    const none = await get('/summary/6749999?lang=en');
    expect(none.status).toBe(404);
    expect(await none.text()).toContain('has not published a summary');
  });

  it('E8: the PDF opens and holds the summary’s text, Welsh letters included; HTML and Markdown export the same', async () => {
    const { schoolId, get } = await published();
    const pdf = await get(`/summary/${schoolId}/summary.pdf?lang=cy`);
    expect([pdf.status, pdf.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    expect(pdf.headers.get('content-disposition')).toMatch(/^attachment; filename="crynodeb-summary-\d{7}-2026-cy\.pdf"$/);
    const dir = mkdtempSync(join(tmpdir(), 'cyd-pdf-'));
    try {
      const file = join(dir, 'summary.pdf');
      writeFileSync(file, Buffer.from(await pdf.arrayBuffer()));
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
      expect(text).toContain('Dŵr a chŵn ar yr ŷd');
      expect(text).toContain('Blaenoriaethau gwella');
      expect(text).toContain('Cynnydd yn erbyn blaenoriaethau’r llynedd');
      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
      expect(info).toMatch(/Tagged:\s+yes/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const html = await (await get(`/summary/${schoolId}/summary.html?lang=en`)).text();
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).not.toContain('<script>');
    const md = await (await get(`/summary/${schoolId}/summary.md?lang=en`)).text();
    expect(md).toContain('## Improvement priorities');
    expect(md).toContain('\\<script\\>');
  });

  it('E9: the summary carries no learner data and no owner names, whatever the plan holds', async () => {
    const { api, schoolId, get } = await published();
    expect(findLearnerDataKeys(PublishedSummary)).toEqual([]);
    const summary = PublishedSummary.parse((await api.records.current(`school:${schoolId}`)).subjects['summary:2026']);
    expect(JSON.stringify(summary)).not.toContain('Mrs Ann Jones');
    for (const lang of ['cy', 'en']) expect(await (await get(`/summary/${schoolId}?lang=${lang}`)).text()).not.toContain('Mrs Ann Jones');
  });
});
