import { z } from 'zod';
import { bidiControlMessage, hasBidiControl } from './displayText';

/**
 * Every label a person sees exists in Welsh and English. Welsh comes first in the type so that
 * screens and exports that show both put Welsh first (Welsh Language Standards).
 */
const label = z.string().min(1).refine((text) => !hasBidiControl(text), { message: bidiControlMessage });
export const Bilingual = z.object({ cy: label, en: label });
export type Bilingual = { cy: string; en: string };

export type Lang = keyof Bilingual;
export const allLangs: readonly Lang[] = ['cy', 'en'];

/** Picks one language of a bilingual label. */
export function pick(label: Bilingual, lang: Lang): string {
  return label[lang];
}
