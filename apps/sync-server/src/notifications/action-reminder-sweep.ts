/**
 * A149-A150: the sweep that tells each action's owner when it becomes due soon and when it
 * becomes overdue. Nothing happens at that moment by itself (a date passes), so the sweep reads
 * every document's actions as the log deriver last stored them (doc_text, A121: no Y.Doc is
 * loaded), a page of documents at a time, and raises each reminder the model says is due (P135)
 * to the person the model says may be told (P136). The once-only guarantee is the store's key
 * (action-reminder-store.ts), so a sweep that runs twice, or on two instances at once, tells once.
 */
import { and, asc, gt, ne } from 'drizzle-orm';
import { z } from 'zod';
import { decideActionReminder } from '@cydweithio/model/policy/index';
import { remindersDue } from '@cydweithio/model/rules/actionReminders';
import type { AccessServices } from '../access/services';
import { documentResource, loadActor, type Actor } from '../access/policy';
import { docText } from '../db/schema/activity';
import { reminderKeyOf, type ActionReminderStore } from './action-reminder-store';

/** Every quarter of an hour: a reminder is about a day, so this is prompt and cheap. */
export const DEFAULT_ACTION_REMINDER_INTERVAL_MS = 15 * 60_000;
/** The first sweep after start: soon, but after the log deriver's first passes (A121). */
export const FIRST_ACTION_REMINDER_DELAY_MS = 10_000;
/** Documents read per query: memory stays bounded however many there are. */
export const ACTION_REMINDER_PAGE = 100;

/** What the sweep reads of each stored action; anything else in the row is ignored. */
const StoredActions = z.array(z.looseObject({ id: z.string(), ownerPersonId: z.string(), due: z.string(), done: z.boolean() }));

export interface SweepResult {
  /** Documents whose actions were read. */
  documents: number;
  /** Reminders this sweep raised (notifications made). */
  told: number;
  /** Documents skipped because something about them failed (logged). */
  failed: number;
}

type Services = Pick<AccessServices, 'sql' | 'directory' | 'registry' | 'logger'>;

export function createActionReminderSweep(services: Services, reminders: ActionReminderStore, options: { pageSize?: number } = {}) {
  const pageSize = options.pageSize ?? ACTION_REMINDER_PAGE;
  let running: Promise<SweepResult> | undefined;

  /** One document's reminders: those due, not told yet, to an owner the policy lets be told. */
  async function sweepDocument(documentId: string, stored: string, today: string, actors: Map<string, Promise<Actor>>): Promise<number> {
    const due = remindersDue(StoredActions.parse(JSON.parse(stored)), today);
    if (due.length === 0) return 0;
    const told = await reminders.toldKeys([documentId]);
    const keys = due.map((r) => ({ documentId, actionId: r.actionId, flag: r.flag, due: r.due, personId: r.ownerPersonId })).filter((k) => !told.has(reminderKeyOf(k)));
    if (keys.length === 0) return 0;
    // Decided now, from the current tables: an owner who lost the document is not told (and is,
    // if they regain it while the action is still due, because nothing was recorded for them).
    const found = await documentResource(services.directory, services.registry, documentId);
    if (!found) return 0;
    let raised = 0;
    for (const key of keys) {
      if (!actors.has(key.personId)) actors.set(key.personId, loadActor(services.directory, key.personId));
      const actor = await actors.get(key.personId)!;
      if (!decideActionReminder(actor, found.resource, { ownerPersonId: key.personId }).allow) continue;
      if (await reminders.remind(key)) raised += 1;
    }
    return raised;
  }

  async function pass(): Promise<SweepResult> {
    const today = services.registry.today();
    const actors = new Map<string, Promise<Actor>>();
    const result: SweepResult = { documents: 0, told: 0, failed: 0 };
    let after = '';
    for (;;) {
      // Keyset pages by document id, only documents with any action at all (plans, workspaces).
      const page = await services.sql.all((db) => db.select({ docId: docText.docId, actions: docText.actions }).from(docText)
        .where(and(gt(docText.docId, after), ne(docText.actions, '[]'))).orderBy(asc(docText.docId)).limit(pageSize));
      for (const row of page) {
        result.documents += 1;
        try {
          result.told += await sweepDocument(row.docId, row.actions, today, actors);
        } catch (err) {
          // A bad document (unreadable actions, a vanished owner) is that document's problem alone.
          result.failed += 1;
          services.logger.warn({ err, documentId: row.docId }, 'action reminders: document skipped');
        }
      }
      if (page.length < pageSize) return result;
      after = page[page.length - 1]!.docId;
    }
  }

  /** One pass over every document; a call while one runs waits for that one instead of starting another. */
  function sweep(): Promise<SweepResult> {
    running ??= pass().finally(() => { running = undefined; });
    return running;
  }

  /**
   * Sweeps `firstDelayMs` after start and then every `intervalMs`; returns the stop, which waits
   * for a pass under way. The timers never hold the process open; a failed pass is logged.
   */
  function start(intervalMs = DEFAULT_ACTION_REMINDER_INTERVAL_MS, firstDelayMs = FIRST_ACTION_REMINDER_DELAY_MS): () => Promise<void> {
    const run = () => void sweep()
      .then((r) => { if (r.told > 0 || r.failed > 0) services.logger.info({ ...r }, 'action reminders swept'); })
      .catch((err: unknown) => services.logger.warn({ err }, 'action reminder sweep failed'));
    const first = setTimeout(run, firstDelayMs);
    first.unref();
    const timer = setInterval(run, intervalMs);
    timer.unref();
    return async () => {
      clearTimeout(first);
      clearInterval(timer);
      await running?.catch(() => undefined);
    };
  }

  return { sweep, start };
}

export type ActionReminderSweep = ReturnType<typeof createActionReminderSweep>;
