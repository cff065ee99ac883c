import type { LanguageCategory, ReligiousCharacter, Setting } from '../domain/school';

/**
 * I3-I5: the WG address list's values, in both editions, onto our categories. Keys are
 * compared lower-cased and trimmed. Values not listed are reported, never guessed.
 */
const sectors: Record<string, Setting | 'all-age'> = {
  primary: 'primary',
  cynradd: 'primary',
  secondary: 'secondary',
  uwchradd: 'secondary',
  // "Middle" in the WG list means an all-age (all-through) school; the age range decides which.
  middle: 'all-age',
  canol: 'all-age',
  special: 'special',
  arbennig: 'special',
  nursery: 'nursery',
  meithrin: 'nursery',
  'pupil referral unit': 'pru',
  pru: 'pru',
  'uned cyfeirio disgyblion': 'pru',
  ucd: 'pru',
};

/** The setting for a Sector value, using the School Type's age range for all-age schools. */
export function mapSetting(sector: string, schoolType: string): Setting | null {
  const mapped = sectors[sector.trim().toLowerCase()];
  if (mapped === undefined) return null;
  if (mapped !== 'all-age') return mapped;
  // "Middle (ages 3-16)", "Canol (ystod oedran 4-19)": the upper age decides; 3-19 if unstated.
  const ages = /(\d+)\s*-\s*(\d+)/.exec(schoolType);
  return ages !== null && Number(ages[2]) <= 16 ? 'all-age-3-16' : 'all-age-3-19';
}

/**
 * WG "WM Code" to category, following how the 2026 list regrouped the same schools: WM and
 * bilingual type A (at least 80% through Welsh) are Welsh-medium; the other bilingual,
 * dual-stream, transitional and "English with significant Welsh" types are bilingual.
 */
const languageCodes: Record<string, LanguageCategory> = {
  WM: 'welsh-medium',
  AB: 'welsh-medium',
  BB: 'bilingual',
  CB: 'bilingual',
  CH: 'bilingual',
  DS: 'bilingual',
  TR: 'bilingual',
  EW: 'bilingual',
  EM: 'english-medium',
  NA: 'not-applicable',
  // The list's "Not available" rows carry the code 0.
  '0': 'not-applicable',
};

export function mapLanguage(code: string): LanguageCategory | null {
  return languageCodes[code.trim().toUpperCase()] ?? null;
}

const religious: Record<string, ReligiousCharacter> = {
  '---': 'none',
  '': 'none',
  none: 'none',
  'church in wales': 'church-in-wales',
  'eglwys yng nghymru': 'church-in-wales',
  'roman catholic': 'roman-catholic',
  'eglwys gatholig': 'roman-catholic',
  'roman catholic & anglican': 'roman-catholic-and-anglican',
  'roman catholic and anglican': 'roman-catholic-and-anglican',
  'eglwys gatholig & anglicanaidd': 'roman-catholic-and-anglican',
  'eglwys gatholig ac anglicanaidd': 'roman-catholic-and-anglican',
  'not available': 'not-recorded',
  'ddim ar gael': 'not-recorded',
};

export function mapReligiousCharacter(value: string): ReligiousCharacter | null {
  return religious[value.trim().toLowerCase()] ?? null;
}
