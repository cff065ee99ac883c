/**
 * A comment thread answered, corrected and tidied by two people at the same time (web C284,
 * policy P91): a governor (in English) asks on the whole self-evaluation; the headteacher (in
 * Welsh) sees it arrive, may resolve it but has no Edit or Delete on the governor's words, and
 * replies; the governor corrects their question while the reply is being written; the headteacher
 * deletes their reply after confirming, and the governor, whose question then has no answers,
 * deletes it. Every step reaches the other screen without a reload. Axe and screenshots in both
 * languages.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { newContext, seriousViolations, signIn } from './support/browser';
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

const question = 'How will the governing body hear about progress in reading?';
const corrected = 'How and when will the governing body hear about progress in reading?';
const reply = 'Bydd adroddiad bob tymor i’r corff llywodraethu.';

/** The governor's thread on one screen, found by its words, then by its id once known. */
let threadId = '';
const thread = (page: Page): Locator => {
  const threads = page.getByTestId('comments-panel').getByTestId('comment-thread');
  return threadId ? threads.and(page.locator(`[data-comment-id="${threadId}"]`)) : threads.filter({ hasText: 'governing body hear' });
};

async function snapshot(page: Page, name: string): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByTestId('comments-panel').screenshot({ path: join(screenshotsDir, `${name}.png`) });
}

describe('C284 answering and tidying a comment thread, two people at once', () => {
  it('C284, C293: reply, edit and delete are live for both, and each person is offered only what P91 and P15 let them do', async () => {
    const docId = demoIds(server.dataset).selfEvaluation;
    const governor = await openAs('demo-governor', 'en', docId);
    const head = await openAs('demo-headteacher', 'cy', docId);

    // The governor asks on the whole document, by keyboard.
    await governor.getByTestId('comment-on-document').click();
    await expect.poll(() => governor.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('comment-body');
    await governor.keyboard.type(question);
    await governor.keyboard.press('Control+Enter');
    await thread(governor).waitFor({ timeout: 20_000 });
    threadId = (await thread(governor).getAttribute('data-comment-id')) ?? '';
    expect(threadId).not.toBe('');

    // The headteacher sees it without reloading: may resolve (an editor, P15) and reply, but the
    // governor's words are the governor's (P91): no Edit or Delete on them.
    await thread(head).waitFor({ timeout: 20_000 });
    expect(await thread(head).getByTestId('comment-resolve').count()).toBe(1);
    expect(await thread(head).getByTestId('comment-edit').count()).toBe(0);
    expect(await thread(head).getByTestId('comment-delete').count()).toBe(0);
    expect(await thread(governor).getByTestId('comment-edit').count()).toBe(1);

    // At the same time: the headteacher replies while the governor is correcting the question.
    // The reply arrives on the governor's screen mid-edit and the edit being written stays (C293).
    await thread(head).getByTestId('comment-reply').click();
    await thread(governor).getByTestId('comment-edit').click();
    await thread(governor).getByTestId('comment-body').fill(corrected);
    await thread(head).getByTestId('comment-body').fill(reply);
    await thread(head).getByTestId('comment-send').click();
    await expect.poll(() => thread(governor).getByTestId('comment-text').allInnerTexts(), { timeout: 20_000 }).toEqual([reply]);
    expect(await thread(governor).getByTestId('comment-body').inputValue()).toBe(corrected);
    await thread(governor).getByTestId('comment-send').click();
    for (const page of [head, governor]) {
      await expect.poll(() => thread(page).getByTestId('comment-text').allInnerTexts(), { timeout: 20_000 }).toEqual([corrected, reply]);
      await thread(page).getByTestId('comment-edited').waitFor();
    }
    await snapshot(head, 'comment-replies.cy');
    await snapshot(governor, 'comment-replies.en');

    // A question with an answer cannot be deleted out from under it; the reply's author may
    // delete the reply, after saying yes.
    expect(await thread(governor).getByTestId('comment-delete').count()).toBe(0);
    const replyItem = thread(head).getByTestId('comment').filter({ hasText: reply });
    await replyItem.getByTestId('comment-delete').click();
    expect(await thread(head).getByTestId('comment-text').count()).toBe(2);
    await replyItem.getByTestId('comment-delete-yes').click();
    for (const page of [head, governor]) {
      await expect.poll(() => thread(page).getByTestId('comment-text').allInnerTexts(), { timeout: 20_000 }).toEqual([corrected]);
    }

    // With no answers left, the governor deletes their own question; it goes for both.
    await thread(governor).getByTestId('comment-delete').click();
    await thread(governor).getByTestId('comment-delete-yes').click();
    for (const page of [head, governor]) await expect.poll(() => thread(page).count(), { timeout: 20_000 }).toBe(0);
    await governor.context().close();
    await head.context().close();
  }, 180_000);
});
