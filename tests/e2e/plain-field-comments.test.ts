/**
 * Comments on words of a plain field (web C285-C287): the host headteacher (English) and a
 * visiting reviewer (Welsh) in one peer review at once. The host selects a word of the review's
 * focus by keyboard and comments with Ctrl+Alt+M; the reviewer sees the thread in the panel,
 * named by the word and the field, with the field marked; the reviewer edits before the word and
 * the anchor stays on it ("Show in the text" selects it); the reviewer comments on another word
 * with the mouse and the panel's button; with nothing selected the button says so; resolving the
 * threads clears the field's mark for both.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { newContext, seriousViolations, setLanguage, signIn } from './support/browser';
import { demoIds, documentPath } from './support/demo';
import { screenshotsDir } from './support/paths';
import { DEMO_PASSWORD, type E2eServer } from './support/server';
import { serverAndBrowserPerFile } from './support/session';

let server: E2eServer;
let browser: Browser;
serverAndBrowserPerFile((s, b) => {
  server = s;
  browser = b;
});

async function openAs(person: string, locale: 'cy' | 'en', docId: string): Promise<Page> {
  const page = await (await newContext(browser, server.url)).newPage();
  await signIn(page, server.emailOf(person), DEMO_PASSWORD, locale);
  await page.goto(documentPath(docId));
  await page.locator('[data-sync-state="saved"]').first().waitFor({ timeout: 20_000 });
  return page;
}

const focusField = (page: Page) => page.getByTestId('peer-review-focus');
const panel = (page: Page) => page.getByTestId('comments-panel');
const threadOn = (page: Page, quote: string) => panel(page).getByTestId('comment-thread').filter({ hasText: `“${quote}”` });
const selected = (page: Page) => focusField(page).evaluate((el: HTMLInputElement) => el.value.slice(el.selectionStart ?? 0, el.selectionEnd ?? 0));

/** Selects `word` in the focus field by keyboard: Home, then arrows counted from the start. */
async function selectByKeyboard(page: Page, word: string): Promise<void> {
  const value = await focusField(page).inputValue();
  const at = value.indexOf(word);
  expect(at).toBeGreaterThanOrEqual(0);
  await focusField(page).focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < at; i += 1) await page.keyboard.press('ArrowRight');
  for (let i = 0; i < word.length; i += 1) await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(() => selected(page)).toBe(word);
}

async function snapshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotsDir, { recursive: true });
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: join(screenshotsDir, `${name}.png`), fullPage: true });
}

describe('C285 comments on words of a plain field, two people at once', () => {
  it('C285, C286, C287: anchored by keyboard and by mouse, moved with the text, shown in the text, resolved live; Welsh and English', async () => {
    const docId = demoIds(server.dataset).peerReview;
    const host = await openAs('demo-headteacher', 'en', docId);
    const reviewer = await openAs('demo-reviewer', 'cy', docId);

    // C285: keyboard only. Select "adborth", Ctrl+Alt+M: the panel's composer takes focus.
    await selectByKeyboard(host, 'adborth');
    await host.keyboard.press('Control+Alt+KeyM');
    await expect.poll(() => host.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('comment-body');
    await host.keyboard.type('Is this the focus both schools agreed?');
    await host.keyboard.press('Control+Enter');
    await threadOn(host, 'adborth').waitFor({ timeout: 20_000 });
    expect(await threadOn(host, 'adborth').innerText()).toContain('Focus of the review');

    // The reviewer sees it without reloading, named by its word and the field; the field is marked.
    await threadOn(reviewer, 'adborth').waitFor({ timeout: 20_000 });
    expect(await threadOn(reviewer, 'adborth').innerText()).toContain('Ffocws yr adolygiad');
    await expect.poll(() => focusField(reviewer).evaluate((el) => el.classList.contains('plain-field--commented'))).toBe(true);

    // C286: the reviewer inserts and deletes before the word; "Show in the text" still selects it.
    await focusField(reviewer).focus();
    await reviewer.keyboard.press('Home');
    await reviewer.keyboard.type('Ein cwestiwn: ');
    await reviewer.keyboard.press('Home');
    for (let i = 0; i < 'Ein '.length; i += 1) await reviewer.keyboard.press('Delete');
    await expect.poll(() => focusField(host).inputValue(), { timeout: 20_000 }).toMatch(/^cwestiwn: Sut mae/);
    for (const page of [host, reviewer]) {
      await threadOn(page, 'adborth').getByRole('button', { name: /Show in the text|Dangos yn y testun/ }).click();
      await expect.poll(() => selected(page)).toBe('adborth');
    }

    // C285: by mouse: nothing selected, the panel's button says so; a selection, and it comments.
    await focusField(reviewer).click();
    await focusField(reviewer).press('End');
    await panel(reviewer).getByTestId('comment-on-plain').click();
    await panel(reviewer).getByTestId('comment-plain-hint').waitFor();
    await focusField(reviewer).evaluate((el: HTMLInputElement) => {
      const at = el.value.indexOf('ysgrifennu');
      el.focus();
      el.setSelectionRange(at, at + 'ysgrifennu'.length);
    });
    await panel(reviewer).getByTestId('comment-on-plain').click();
    await panel(reviewer).getByTestId('comment-body').fill('Ysgrifennu ym mhob pwnc, neu yn Gymraeg yn unig?');
    await panel(reviewer).getByTestId('comment-send').click();
    for (const page of [host, reviewer]) await threadOn(page, 'ysgrifennu').waitFor({ timeout: 20_000 });
    await snapshot(host, 'plain-field-comments.en');
    await snapshot(reviewer, 'plain-field-comments.cy');

    // C287: resolving both clears the field's mark for both.
    await threadOn(host, 'adborth').getByTestId('comment-resolve').click();
    await threadOn(reviewer, 'ysgrifennu').getByTestId('comment-resolve').click();
    for (const page of [host, reviewer]) {
      await expect.poll(() => panel(page).getByTestId('comment-thread').count(), { timeout: 20_000 }).toBe(0);
      await expect.poll(() => focusField(page).evaluate((el) => el.classList.contains('plain-field--commented'))).toBe(false);
    }
    // The other language of each screen too.
    await setLanguage(host, 'cy');
    await snapshot(host, 'plain-field-comments-resolved.cy');
    await setLanguage(reviewer, 'en');
    await snapshot(reviewer, 'plain-field-comments-resolved.en');
    await host.context().close();
    await reviewer.context().close();
  }, 180_000);
});
