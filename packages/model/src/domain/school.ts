import { z } from 'zod';
import { Bilingual } from './bilingual';
import { LaCode } from './localAuthority';

export const settings = [
  'nursery',
  'primary',
  'secondary',
  'all-age-3-16',
  'all-age-3-19',
  'special',
  'pru',
  'eotas',
] as const;
export const Setting = z.enum(settings);
export type Setting = z.infer<typeof Setting>;

/**
 * Language category. The WG 2022 list uses older types (WM, AB, BB, CB, CH, DS, TR, EW, EM);
 * we collapse them as the newer WG categories do, and keep the raw code on the school.
 * 'not-applicable' covers schools the list gives no type (mostly special schools: code NA).
 */
export const languageCategories = ['welsh-medium', 'bilingual', 'english-medium', 'not-applicable'] as const;
export const LanguageCategory = z.enum(languageCategories);
export type LanguageCategory = z.infer<typeof LanguageCategory>;

/** 'not-recorded' is the list's own "Not available", kept distinct from a school with none. */
export const religiousCharacters = [
  'none',
  'church-in-wales',
  'roman-catholic',
  'roman-catholic-and-anglican',
  'not-recorded',
] as const;
export const ReligiousCharacter = z.enum(religiousCharacters);
export type ReligiousCharacter = z.infer<typeof ReligiousCharacter>;

/** A WG school number: the LA code followed by four digits (e.g. 6742345). */
export const SchoolId = z.string().regex(/^6[6-8]\d{5}$/);
export type SchoolId = z.infer<typeof SchoolId>;

/**
 * A school. School-level facts only: there is deliberately no pupil count (the WG list has one,
 * the product has no need of it, M9) and nothing about any learner.
 */
export const School = z.object({
  id: SchoolId,
  /** Display name per language, normalised from ALL CAPS where the source shouts (I9). */
  name: Bilingual,
  /** The name exactly as the source spelled it, kept for matching and audit. */
  sourceName: Bilingual,
  laCode: LaCode,
  setting: Setting,
  languageCategory: LanguageCategory,
  /** The WG "WM Code" as given (e.g. 'WM', 'DS', 'EW'), trimmed. */
  wgLanguageCode: z.string(),
  religiousCharacter: ReligiousCharacter,
  postcode: z.string().optional(),
  lat: z.number().min(-90).max(90).optional(),
  lng: z.number().min(-180).max(180).optional(),
});
export type School = z.infer<typeof School>;
