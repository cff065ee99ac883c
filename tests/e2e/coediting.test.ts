/**
 * Two people type into the same field at the same moment, ten rounds for each kind of field:
 * a single-line and a multi-line plain field and a formatted one; once at the same place, once at
 * different places. Each person's text must arrive in one piece, where they typed it, on both
 * screens, and each caret must end right after its own text (C30).
 */
import { describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { newContext, signIn } from './support/browser';
import { demoIds, documentPath } from './support/demo';
import { caretOffset, fieldText, placeCaret, type FieldKind } from './support/fields';
import { DEMO_PASSWORD, type E2eServer } from './support/server';
import { serverAndBrowserPerFile } from './support/session';

let server: E2eServer;
let browser: Browser;
serverAndBrowserPerFile((s, b) => {
  server = s;
  browser = b;
});

const ROUNDS = 10;

interface Case {
  kind: FieldKind;
  people: [string, string];
  doc: () => string;
  field: (page: Page) => Locator;
}

const cases: Case[] = [
  {
    kind: 'single-line',
    people: ['demo-headteacher', 'demo-reviewer'],
    doc: () => demoIds(server.dataset).peerReview,
    field: (page) => page.getByTestId('peer-review-focus'),
  },
  {
    kind: 'multi-line',
    people: ['demo-headteacher', 'demo-senior-leader'],
    doc: () => demoIds(server.dataset).selfEvaluation,
    field: (page) => page.locator('[data-testid^="answer-"]').first(),
  },
  {
    kind: 'formatted',
    people: ['demo-headteacher', 'demo-reviewer'],
    doc: () => demoIds(server.dataset).peerReview,
    field: (page) => page.locator('[data-testid="peer-review-strengths"] [role="textbox"]'),
  },
];

async function openAs(person: string, locale: 'cy' | 'en', docId: string): Promise<Page> {
  const context = await newContext(browser, server.url);
  const page = await context.newPage();
  await signIn(page, server.emailOf(person), DEMO_PASSWORD, locale);
  await page.goto(documentPath(docId));
  await page.locator('[data-sync-state="saved"]').first().waitFor({ timeout: 20_000 });
  return page;
}

async function bothShow(fields: Locator[], kind: FieldKind, expected: (text: string) => boolean): Promise<string> {
  let last = '';
  await expect
    .poll(
      async () => {
        const [a, b] = await Promise.all(fields.map((f) => fieldText(f, kind)));
        last = `${a} | ${b}`;
        return a === b && expected(a!);
      },
      { timeout: 20_000 },
    )
    .toBe(true)
    .catch((error: unknown) => {
      throw new Error(`the two screens did not converge on the expected text; last: ${JSON.stringify(last)}`, { cause: error });
    });
  return last.split(' | ')[0]!;
}

describe('C30 two people typing in one field at once', () => {
  for (const c of cases.filter((x) => !process.env['ONLY_KIND'] || x.kind === process.env['ONLY_KIND'])) {
    it(`C30: ${c.kind}: ${ROUNDS} rounds at the same place and ${ROUNDS} at different places, each run whole and where it was typed, carets kept`, async () => {
      const [pageA, pageB] = [await openAs(c.people[0], 'cy', c.doc()), await openAs(c.people[1], 'en', c.doc())];
      const fields = [c.field(pageA), c.field(pageB)];
      const seed = `r0 ${c.kind} `;
      await placeCaret(fields[0]!, c.kind, 0);
      await pageA.keyboard.type(seed);
      let text = await bothShow(fields, c.kind, (t) => t.startsWith(seed));

      for (let round = 1; round <= 2 * ROUNDS; round += 1) {
        const samePlace = round <= ROUNDS;
        const runA = `<a${round}-qwerty>`;
        const runB = `<b${round}-zxcvbn>`;
        const atA = samePlace ? Math.floor(text.length / 2) : Math.floor(text.length / 3);
        const atB = samePlace ? atA : Math.floor((2 * text.length) / 3);
        await placeCaret(fields[0]!, c.kind, atA);
        await placeCaret(fields[1]!, c.kind, atB);
        await Promise.all([pageA.keyboard.type(runA, { delay: 15 }), pageB.keyboard.type(runB, { delay: 15 })]);

        const before = text;
        text = await bothShow(fields, c.kind, (t) => t.includes(runA) && t.includes(runB));
        // Where each run was typed: the text around it is the text that was there.
        const expected = samePlace
          ? [before.slice(0, atA) + runA + runB + before.slice(atA), before.slice(0, atA) + runB + runA + before.slice(atA)]
          : [before.slice(0, atA) + runA + before.slice(atA, atB) + runB + before.slice(atB)];
        expect(expected, `round ${round}: ${JSON.stringify(text)}`).toContain(text);
        // Each caret is still right after its own run, whatever arrived meanwhile.
        expect(await caretOffset(fields[0]!, c.kind)).toBe(text.indexOf(runA) + runA.length);
        expect(await caretOffset(fields[1]!, c.kind)).toBe(text.indexOf(runB) + runB.length);
      }
      await pageA.context().close();
      await pageB.context().close();
    });
  }
});
