/**
 * The language-leak check of every screen (C2): the page shows no catalogue string of the other
 * language, no raw key, and enough of its own language's strings for the check to mean something.
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { languageOnlyStrings, rawKeyPattern } from './catalogueStrings';

const strings = languageOnlyStrings();
const rawKey = rawKeyPattern();

/** Texts of elements' own text nodes and of accessible names set by attributes. */
export function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const parent = node.parentElement;
      if (!text || !parent || parent.closest('script,style,[contenteditable="true"],.ProseMirror')) continue;
      texts.push(text);
    }
    for (const el of Array.from(document.querySelectorAll('[aria-label],[placeholder],[title]'))) {
      for (const attr of ['aria-label', 'placeholder', 'title']) {
        const v = el.getAttribute(attr);
        if (v) texts.push(v.trim());
      }
    }
    texts.push(document.title.replace(/ – Cydweithio$/, ''));
    return texts;
  });
}

/** The page, in `locale` now, shows only that language's catalogue strings, at least `minimum` of them. */
export async function expectNoLanguageLeak(page: Page, name: string, locale: 'cy' | 'en', minimum = 4): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);
  const other = locale === 'cy' ? strings.en : strings.cy;
  const own = locale === 'cy' ? strings.cy : strings.en;
  const texts = await visibleTexts(page);
  expect(texts.filter((text) => other.has(text)), `${name} in ${locale} shows other-language strings`).toEqual([]);
  expect(texts.filter((text) => rawKey.test(text)), `${name} in ${locale} shows untranslated keys`).toEqual([]);
  expect(texts.filter((text) => own.has(text)).length, `${name} in ${locale} shows too few of its own strings`).toBeGreaterThanOrEqual(minimum);
}
