/**
 * Action reminders on PostgreSQL (ACCESS.md A149, SPEC S50): two instances, each with its own
 * pool on one database, sweep at once; the key's conflicting insert lets exactly one tell.
 */
import { Hono } from 'hono';
import { describe, expect, it, vi } from 'vitest';
import { DEMO_PASSWORD } from '@cydweithio/model/demo/index';
import { createAccessLayer } from '../src/access/layer';
import { fastScryptParams } from '../src/auth/password';
import { notifications } from '../src/db/schema/notifications';
import { PgSql } from '../src/db/postgres/pg-sql';
import { usePgDatabase } from '../src/db/postgres/test-database';
import { loadDemoDirectory } from '../src/directory/demo';
import { demoDataset } from './support/demo';
import { manualClock } from './support/clock';
import { signIn } from './support/people';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });
const postgres = usePgDatabase();

describe('A149 reminders on PostgreSQL', () => {
  it('A149: two instances sweeping at once on PostgreSQL tell each owner once per action and date, and again for a new date only', async () => {
    const { url, pool } = await postgres.fresh();
    const clock = manualClock(Date.parse('2027-01-10T09:00:00Z'));
    const dataset = demoDataset();
    const first = createAccessLayer({ sql: new PgSql(pool), clock, scryptParams: fastScryptParams, demoMode: true });
    const second = createAccessLayer({ sql: new PgSql(postgres.pool(url)), clock, scryptParams: fastScryptParams, demoMode: true });
    await loadDemoDirectory(first.services.sql, dataset, fastScryptParams);
    const plan = dataset.documents.find((d) => d.record.kind === 'development-plan' && d.plan?.academicYear === 2026)?.record.id ?? '';
    const write = async (seq: number, due: string) => {
      const actions = Array.from({ length: 12 }, (_, i) => ({ id: `a${i}`, description: `Cam ${i}`, ownerName: '', ownerPersonId: i % 2 === 0 ? 'demo-senior-leader' : 'demo-headteacher', due, done: false, where: '' }));
      await first.services.activity.saveText(plan, seq, { sections: [], actions }, '');
    };
    const reminded = async () => (await first.services.sql.all((db) => db.select().from(notifications))).filter((n) => n.kind.startsWith('action-'));

    await write(1, '2027-01-12');
    const once = await Promise.all([first.actionReminders.sweep(), second.actionReminders.sweep()]);
    expect(once.reduce((sum, r) => sum + r.told, 0)).toBe(12);
    expect((await reminded()).length).toBe(12);
    const again = await Promise.all([first.actionReminders.sweep(), second.actionReminders.sweep()]);
    expect(again.map((r) => r.told)).toEqual([0, 0]);

    // A new date for every action: each is told again, once, whichever instance gets there first.
    await write(2, '2027-01-15');
    const moved = await Promise.all([second.actionReminders.sweep(), first.actionReminders.sweep()]);
    expect(moved.reduce((sum, r) => sum + r.told, 0)).toBe(12);
    expect((await reminded()).filter((n) => n.personId === 'demo-senior-leader')).toHaveLength(12);

    // Listed through the second instance, with the action read from the document (A151).
    const app = new Hono().route('/api', second.routes);
    const cookie = await signIn(app, dataset.people.find((p) => p.id === 'demo-headteacher')!.email, DEMO_PASSWORD);
    const listed = (await (await app.request('/api/notifications', { headers: { cookie } })).json()) as { notifications: { kind: string; reminder?: { due: string; action: { description: string } | null } }[] };
    const dues = listed.notifications.filter((n) => n.kind === 'action-due-soon').map((n) => n.reminder?.due).sort();
    expect(dues).toEqual([...Array(6).fill('2027-01-12'), ...Array(6).fill('2027-01-15')]);
    expect(listed.notifications.every((n) => n.reminder?.action?.description.startsWith('Cam '))).toBe(true);
  });
});
