import { describe, expect, it } from 'vitest';
import { makeTranslator } from '@cydweithio/ui/i18n/makeTranslator';
import type { Locale } from '@cydweithio/ui';
import type { NotificationEntry } from '../src/api/notificationSchemas';
import { catalogues } from '../src/i18n/catalogue';
import { isReminder, reminderKinds, reminderWords } from '../src/screens/home/reminderWords';

const t = { cy: makeTranslator(catalogues, () => 'cy'), en: makeTranslator(catalogues, () => 'en') };
const entry = (kind: string, reminder: NotificationEntry['reminder'], title: string | null = 'Cynllun datblygu ysgol 2026-29'): NotificationEntry => ({
  id: 'ntf_1', kind, createdAt: '2027-01-10T09:00:00.000Z', readAt: null, actor: null, collaborative: null,
  document: { id: 'development-plan:x', title }, reminder,
});
const words = (locale: Locale, n: NotificationEntry) => {
  if (!isReminder(n)) throw new Error('not a reminder');
  return reminderWords(t[locale], locale, n);
};
const open = { description: 'Cytuno ar ddull adborth cyson', due: '2027-01-12', done: false };

describe('C303 a reminder worded in Welsh and English', () => {
  it('C303: due soon and overdue name the action, the document and the date, in the page\'s language and its own date words', () => {
    expect(words('en', entry('action-due-soon', { due: '2027-01-12', action: open }))).toEqual({
      text: 'Your action “Cytuno ar ddull adborth cyson” in “Cynllun datblygu ysgol 2026-29” is due on 12 January 2027.', since: null,
    });
    expect(words('cy', entry('action-due-soon', { due: '2027-01-12', action: open })).text)
      .toBe('Mae eich cam gweithredu “Cytuno ar ddull adborth cyson” yn ddyledus ar 12 Ionawr 2027, yn y ddogfen “Cynllun datblygu ysgol 2026-29”.');
    expect(words('en', entry('action-overdue', { due: '2027-01-12', action: open })).text)
      .toBe('Your action “Cytuno ar ddull adborth cyson” in “Cynllun datblygu ysgol 2026-29” was due on 12 January 2027 and is overdue.');
    expect(words('cy', entry('action-overdue', { due: '2027-01-12', action: open })).text)
      .toBe('Roedd eich cam gweithredu “Cytuno ar ddull adborth cyson” yn ddyledus ar 12 Ionawr 2027, yn y ddogfen “Cynllun datblygu ysgol 2026-29”, ac mae’n hwyr bellach.');
  });

  it('C303: a reminder about a document the person can no longer open says so, with its date and without the action', () => {
    for (const kind of reminderKinds) {
      for (const locale of ['cy', 'en'] as const) {
        const { text, since } = words(locale, entry(kind, { due: '2027-01-12', action: null }, null));
        expect([kind, locale, text.includes(locale === 'cy' ? '12 Ionawr 2027' : '12 January 2027'), text.includes('home.'), since]).toEqual([kind, locale, true, false, null]);
      }
    }
    expect(isReminder(entry('mention', undefined))).toBe(false);
  });
});

describe('C304 what became of a reminded action since', () => {
  it('C304: done, moved, undated and gone each add a note in both languages; the sentence keeps the date reminded', () => {
    const cases = [
      [{ ...open, done: true }, 'It has been marked done since.', 'Mae wedi’i nodi’n gyflawn ers hynny.'],
      [{ ...open, due: '2027-02-01' }, 'Its due date has since moved to 1 February 2027.', 'Mae ei ddyddiad wedi symud i 1 Chwefror 2027 ers hynny.'],
      [{ ...open, due: '' }, 'It no longer has a due date.', 'Nid oes dyddiad iddo mwyach.'],
      [null, 'It is no longer in the document.', 'Nid yw yn y ddogfen mwyach.'],
    ] as const;
    for (const [action, en, cy] of cases) {
      for (const kind of reminderKinds) {
        const english = words('en', entry(kind, { due: '2027-01-12', action }));
        expect(english.since).toBe(en);
        expect(english.text).toContain('12 January 2027');
        expect(words('cy', entry(kind, { due: '2027-01-12', action })).since).toBe(cy);
      }
    }
    // Gone: the sentence names the document, not an action it no longer holds.
    expect(words('en', entry('action-due-soon', { due: '2027-01-12', action: null })).text).toBe('One of your actions in “Cynllun datblygu ysgol 2026-29” is due on 12 January 2027.');
  });
});
