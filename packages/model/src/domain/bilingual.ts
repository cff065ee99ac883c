import { z } from 'zod';

/**
 * Every label a person sees exists in Welsh and English. Welsh comes first in the type so that
 * screens and exports that show both put Welsh first (Welsh Language Standards).
 */
export const Bilingual = z.object({ cy: z.string().min(1), en: z.string().min(1) });
export type Bilingual = { cy: string; en: string };

export type Lang = keyof Bilingual;
export const allLangs: readonly Lang[] = ['cy', 'en'];

/** Picks one language of a bilingual label. */
export function pick(label: Bilingual, lang: Lang): string {
  return label[lang];
}
