/** The two languages of the product. Welsh is listed first: where both show, Welsh comes first. */
export const locales = ['cy', 'en'] as const;
export type Locale = (typeof locales)[number];

export function isLocale(value: unknown): value is Locale {
  return value === 'cy' || value === 'en';
}
