/**
 * Reminders of actions falling due (ACCESS.md A149-A152, model P135-P137), over the demo
 * directory with a clock the test moves: the actions are written as the log deriver stores them
 * (doc_text), which is what the sweep reads.
 */
import { describe, expect, it } from 'vitest';
import type { OwnedAction } from '@cydweithio/model/docs/documentText';
import { eq } from 'drizzle-orm';
import { docText } from '../src/db/schema/activity';
import { roleAssignments } from '../src/db/schema/directory';
import { actionReminders, notificationOutbox, notifications } from '../src/db/schema/notifications';
import { createActionReminderSweep } from '../src/notifications/action-reminder-sweep';
import { parseEnv } from '../src/env';
import { json } from './support/api';
import { manualClock } from './support/clock';
import { demoApiPerTest, type DemoApi } from './support/demo-api';

const freshDemoApi = demoApiPerTest();
const DAY = 24 * 60 * 60 * 1000;

type Listed = {
  notifications: { id: string; kind: string; actor: unknown; document: { id: string; title: string | null } | null; reminder?: { due: string; action: { description: string; due: string; done: boolean } | null } }[];
};

async function setup() {
  // Sunday 10 January 2027.
  const clock = manualClock(Date.parse('2027-01-10T09:00:00Z'));
  const api = await freshDemoApi({ clock });
  /** This year's plan of the demo primary: its headteacher, senior leader and governor read it. */
  const plan = api.dataset.documents.find((d) => d.record.kind === 'development-plan' && d.plan?.academicYear === 2026)?.record.id ?? '';
  let seq = 0;
  /** Writes a document's actions as the deriver would after an edit. */
  const setActions = async (docId: string, actions: Partial<OwnedAction>[]) => {
    seq += 1;
    const full = actions.map((a, i) => ({ id: `a${i + 1}`, description: `Cam ${i + 1}`, ownerName: '', ownerPersonId: '', due: '', done: false, where: 'Blaenoriaeth', ...a }));
    await api.layer.services.activity.saveText(docId, seq, { sections: [], actions: full }, '');
  };
  const sweeper = createActionReminderSweep(api.layer.services, api.layer.services.actionReminders);
  const rows = async () => api.sql.all((db) => db.select().from(notifications));
  /** [person, kind] of every reminder raised, sorted. */
  const told = async () => (await rows()).filter((n) => n.kind.startsWith('action-')).map((n) => [n.personId, n.kind]).sort();
  const list = async (person: string) => (await json(await api.request(person, '/api/notifications'))) as unknown as Listed;
  return { api, clock, plan, setActions, sweep: () => sweeper.sweep(), told, rows, list };
}

describe('A149 reminders of actions falling due: once each', () => {
  it('A149: an owner is told once when their action becomes due soon and once when it becomes overdue, never twice across sweeps', async () => {
    const { clock, plan, setActions, sweep, told, rows } = await setup();
    await setActions(plan, [{ ownerPersonId: 'demo-senior-leader', due: '2027-01-30' }]);
    // Twenty days away: not yet due soon.
    expect((await sweep()).told).toBe(0);
    clock.advance(7 * DAY); // 17 January: 13 days to go.
    expect((await sweep()).told).toBe(1);
    expect(await told()).toEqual([['demo-senior-leader', 'action-due-soon']]);
    clock.advance(60_000);
    expect((await sweep()).told).toBe(0);
    clock.advance(7 * DAY);
    expect((await sweep()).told).toBe(0);
    expect(await told()).toEqual([['demo-senior-leader', 'action-due-soon']]);
    clock.advance(7 * DAY); // 31 January: past its date.
    expect((await sweep()).told).toBe(1);
    clock.advance(DAY);
    expect((await sweep()).told).toBe(0);
    expect(await told()).toEqual([['demo-senior-leader', 'action-due-soon'], ['demo-senior-leader', 'action-overdue']]);
    // About the plan, from nobody: the server's reminder, not someone's act.
    expect((await rows()).filter((n) => n.kind.startsWith('action-')).every((n) => n.documentId === plan && n.actorPersonId === null && n.collaborativeId === null)).toBe(true);
  });

  it('A149: a done action, one owned by a typed name (even the owner\'s own), one on an archived document and an owner who may not read the document are never told', async () => {
    const { api, plan, setActions, sweep, told } = await setup();
    const name = api.person('demo-senior-leader').name;
    await setActions(plan, [
      { ownerPersonId: 'demo-senior-leader', due: '2027-01-12', done: true },
      { ownerName: name, due: '2027-01-12' },
      { ownerName: 'Uwch arweinydd', due: '2027-01-01' },
      // The headteacher of another school: named as owner, but the plan is not theirs to read.
      { ownerPersonId: 'demo-reviewer', due: '2027-01-12' },
      { ownerPersonId: 'demo-reviewer', due: '2027-01-01' },
    ]);
    expect(await sweep()).toMatchObject({ told: 0, failed: 0 });
    expect(await told()).toEqual([]);
    // Archived, the plan reminds nobody, its owner by account included; restored, it does.
    await setActions(plan, [{ ownerPersonId: 'demo-headteacher', due: '2027-01-12' }]);
    expect(await api.layer.services.registry.setArchived(plan, true)).toBe(true);
    expect((await sweep()).told).toBe(0);
    expect(await api.layer.services.registry.setArchived(plan, false)).toBe(true);
    expect((await sweep()).told).toBe(1);
    expect(await told()).toEqual([['demo-headteacher', 'action-due-soon']]);
  });

  it('A149: a new due date reminds again for that date; a new owner is told; the same date again is not', async () => {
    const { plan, setActions, sweep, told, clock } = await setup();
    await setActions(plan, [{ ownerPersonId: 'demo-senior-leader', due: '2027-01-12' }]);
    expect((await sweep()).told).toBe(1);
    await setActions(plan, [{ ownerPersonId: 'demo-senior-leader', due: '2027-01-20' }]);
    expect((await sweep()).told).toBe(1);
    await setActions(plan, [{ ownerPersonId: 'demo-senior-leader', due: '2027-01-12' }]);
    expect((await sweep()).told).toBe(0);
    expect(await told()).toEqual([['demo-senior-leader', 'action-due-soon'], ['demo-senior-leader', 'action-due-soon']]);
    await setActions(plan, [{ ownerPersonId: 'demo-headteacher', due: '2027-01-12' }]);
    clock.advance(60_000);
    expect((await sweep()).told).toBe(1);
    expect((await told()).filter(([p]) => p === 'demo-headteacher')).toEqual([['demo-headteacher', 'action-due-soon']]);
  });

  it('A149: sweeps running at once (two instances) tell once; each reminder has one outbox row holding ids and the date, never the action\'s words', async () => {
    const { api, plan, setActions, told, rows } = await setup();
    await setActions(plan, [{ ownerPersonId: 'demo-senior-leader', due: '2027-01-12', description: 'Cytuno ar ddull adborth cyson' }, { ownerPersonId: 'demo-headteacher', due: '2027-01-05' }]);
    const instances = [1, 2, 3].map(() => createActionReminderSweep(api.layer.services, api.layer.services.actionReminders));
    const results = await Promise.all(instances.map((s) => s.sweep()));
    expect(results.reduce((sum, r) => sum + r.told, 0)).toBe(2);
    expect(await told()).toEqual([['demo-headteacher', 'action-overdue'], ['demo-senior-leader', 'action-due-soon']]);
    const reminders = (await rows()).filter((n) => n.kind.startsWith('action-'));
    const outbox = (await api.sql.all((db) => db.select().from(notificationOutbox))).filter((o) => reminders.some((n) => n.id === o.notificationId));
    expect(outbox).toHaveLength(2);
    expect(outbox.map((o) => Object.keys(o.payload).sort())).toEqual([['actionId', 'documentId', 'due'], ['actionId', 'documentId', 'due']]);
    const stored = JSON.stringify([reminders, outbox, await api.sql.all((db) => db.select().from(actionReminders))]);
    expect(stored).not.toContain('Cytuno');
  });
});

describe('A150 the sweep runs by itself, bounded', () => {
  it('A150: documents are read a page at a time; a document whose actions cannot be read is logged and skipped, the rest are told', async () => {
    const { api, plan, setActions, told } = await setup();
    const warnings: unknown[] = [];
    const services = { ...api.layer.services, logger: { ...api.layer.services.logger, warn: (o: object) => { warnings.push(o); } } };
    const others = api.dataset.documents.filter((d) => d.record.kind === 'development-plan' && d.record.id !== plan).map((d) => d.record.id);
    await setActions(plan, [{ ownerPersonId: 'demo-senior-leader', due: '2027-01-12' }]);
    for (const id of others) await setActions(id, [{ ownerPersonId: 'demo-headteacher-secondary', due: '2027-01-12' }]);
    // One broken row, as a bad or foreign document would leave.
    await api.sql.run((db) => db.insert(docText).values({ docId: 'workspace:broken', seq: 1, sections: '[]', folded: '', actions: '{not json', updatedAt: new Date() }));
    const paged = createActionReminderSweep(services, api.layer.services.actionReminders, { pageSize: 1 });
    const result = await paged.sweep();
    expect(result.documents).toBe(others.length + 2);
    expect(result.failed).toBe(1);
    expect(warnings).toEqual([expect.objectContaining({ documentId: 'workspace:broken' })]);
    // The demo secondary's plan is its headteacher's to read; the primary's are not.
    expect(await told()).toEqual([['demo-headteacher-secondary', 'action-due-soon'], ['demo-senior-leader', 'action-due-soon']]);
  });

  it('A150: started, it sweeps shortly after start and then on its interval, by the injected clock; stopped, it sweeps no more', async () => {
    const { api, clock, plan, setActions, told } = await setup();
    await setActions(plan, [{ ownerPersonId: 'demo-senior-leader', due: '2027-01-12' }]);
    const stop = createActionReminderSweep(api.layer.services, api.layer.services.actionReminders).start(100, 20);
    await expect.poll(told, { timeout: 5_000, interval: 20 }).toEqual([['demo-senior-leader', 'action-due-soon']]);
    // The clock passes the due date: the next interval's sweep tells the owner, unasked.
    clock.advance(3 * DAY);
    await expect.poll(told, { timeout: 5_000, interval: 20 }).toEqual([['demo-senior-leader', 'action-due-soon'], ['demo-senior-leader', 'action-overdue']]);
    await stop();
    await setActions(plan, [{ ownerPersonId: 'demo-headteacher', due: '2027-01-12' }]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await told()).toHaveLength(2);
  });

  it('A150: ACTION_REMINDER_INTERVAL_SECONDS defaults to a quarter of an hour and refuses what is not a minute to a day in whole seconds', () => {
    const base = { DATA_DIR: '/tmp/cyd-env-test', SESSION_SECRET: 'x'.repeat(40) };
    const interval = (value?: string) => {
      const result = parseEnv(value === undefined ? base : { ...base, ACTION_REMINDER_INTERVAL_SECONDS: value });
      if (!result.ok) throw new Error(result.problems.join('; '));
      return result.env.ACTION_REMINDER_INTERVAL_SECONDS;
    };
    expect(interval()).toBe(900);
    expect(interval('3600')).toBe(3600);
    for (const bad of ['0', '30', '1.5', 'often', '100000']) expect(() => interval(bad)).toThrow(/ACTION_REMINDER_INTERVAL_SECONDS/);
  });
});

describe('A151 reading a reminder', () => {
  async function reminded(api: DemoApi, list: (p: string) => Promise<Listed>, person: string) {
    return (await list(person)).notifications.filter((n) => n.kind.startsWith('action-'));
  }

  it('A151: the owner\'s list gives the reminded date and the action as the document holds it now: renamed, moved or done since shows so', async () => {
    const { api, plan, setActions, sweep, list } = await setup();
    await setActions(plan, [{ ownerPersonId: 'demo-senior-leader', due: '2027-01-12', description: 'Cytuno ar ddull adborth cyson' }]);
    await sweep();
    const [first] = await reminded(api, list, 'demo-senior-leader');
    expect(first).toMatchObject({ kind: 'action-due-soon', actor: null, document: { id: plan, title: expect.any(String) }, reminder: { due: '2027-01-12', action: { description: 'Cytuno ar ddull adborth cyson', due: '2027-01-12', done: false } } });
    await setActions(plan, [{ ownerPersonId: 'demo-senior-leader', due: '2027-01-19', description: 'Cytuno ar ddull adborth i bob dosbarth', done: true }]);
    const [after] = await reminded(api, list, 'demo-senior-leader');
    expect(after?.reminder).toEqual({ due: '2027-01-12', action: { description: 'Cytuno ar ddull adborth i bob dosbarth', due: '2027-01-19', done: true } });
    // A description longer than a card line is cut.
    await setActions(plan, [{ ownerPersonId: 'demo-senior-leader', due: '2027-01-12', description: 'gair '.repeat(100) }]);
    expect(((await reminded(api, list, 'demo-senior-leader'))[0]?.reminder?.action?.description ?? '').length).toBeLessThanOrEqual(160);
    // Gone from the document: the reminder stays, without an action to show.
    await setActions(plan, []);
    expect((await reminded(api, list, 'demo-senior-leader'))[0]?.reminder).toEqual({ due: '2027-01-12', action: null });
    expect(await reminded(api, list, 'demo-headteacher')).toEqual([]);
  });

  it('A151: once the owner may no longer read the document, their reminder keeps its date but shows neither the title nor the action', async () => {
    const { api, plan, setActions, sweep, list } = await setup();
    await setActions(plan, [{ ownerPersonId: 'demo-senior-leader', due: '2027-01-12', description: 'Cytuno ar ddull adborth cyson' }]);
    await sweep();
    // Their role at the school is removed (A62): the plan is no longer theirs to read.
    expect(await api.sql.run((db) => db.delete(roleAssignments).where(eq(roleAssignments.personId, 'demo-senior-leader')))).toBe(1);
    const [closed] = await reminded(api, list, 'demo-senior-leader');
    expect(closed).toMatchObject({ document: { id: plan, title: null }, reminder: { due: '2027-01-12', action: null } });
  });
});

describe('A152 erasing', () => {
  it('A152: erasing a document removes its reminders, their notifications and outbox rows; its actions are not reminded again', async () => {
    const { api, plan, setActions, sweep, rows } = await setup();
    await setActions(plan, [{ ownerPersonId: 'demo-senior-leader', due: '2027-01-12' }]);
    expect((await sweep()).told).toBe(1);
    expect(await api.layer.services.registry.erase(plan)).toBe(true);
    expect(await api.sql.all((db) => db.select().from(actionReminders))).toEqual([]);
    expect((await rows()).filter((n) => n.documentId === plan)).toEqual([]);
    expect((await sweep()).told).toBe(0);
  });
});
