import type { Lang } from '../domain/bilingual';
import type { LocalAuthority } from '../domain/localAuthority';
import { School } from '../domain/school';
import { parseCsvWithLines } from './csv';
import { mapLanguage, mapReligiousCharacter, mapSetting } from './mappings';
import { reason, type ImportReason } from './reasons';
import { normaliseSchoolName } from './schoolName';

type Field = 'number' | 'name' | 'laCode' | 'sector' | 'wmCode' | 'schoolType' | 'religious' | 'postcode';

/**
 * I1: the two editions of the WG maintained-schools list, told apart by their headers.
 * Headers are matched without case and with ’ and ' treated alike. The Pupils column is never
 * read (M9), nor are governance, address and phone.
 */
const editions: Record<Lang, Record<Field, string>> = {
  en: {
    number: 'school number',
    name: 'school name',
    laCode: 'la code',
    sector: 'sector',
    wmCode: 'wm code',
    schoolType: 'school type',
    religious: 'religious character',
    postcode: 'postcode',
  },
  cy: {
    number: 'rhif yr ysgol',
    name: "enw'r ysgol",
    laCode: 'cod all',
    sector: 'sector',
    wmCode: 'cod cc',
    schoolType: 'math o ysgol',
    religious: 'cymeriad crefyddol',
    postcode: 'cod post',
  },
};

const REQUIRED: readonly Field[] = ['number', 'name', 'laCode', 'sector', 'wmCode', 'schoolType', 'religious'];

export interface ImportReport {
  line: number;
  reason: ImportReason;
  /** The school number on the row, when there was one. */
  schoolId?: string;
}

export interface SchoolImport {
  edition: Lang;
  schools: School[];
  reports: ImportReport[];
  summary: { imported: number; reported: number; byLa: Record<number, number> };
}

export interface ImportOptions {
  /**
   * P46: the LAs the importer answers for. A row for a school of any other LA is reported
   * (`outside-importer-la`) and not applied, so an officer's list cannot rename or create
   * another LA's schools. Absent: the whole national list (the operator's import).
   */
  onlyLas?: readonly number[];
}

const normaliseHeader = (h: string): string => h.trim().toLowerCase().replace(/’/g, "'");

export function detectEdition(header: readonly string[]): { edition: Lang; index: Record<Field, number> } | null {
  const names = header.map(normaliseHeader);
  for (const edition of ['en', 'cy'] as const) {
    const index = {} as Record<Field, number>;
    for (const [field, name] of Object.entries(editions[edition]) as [Field, string][]) index[field] = names.indexOf(name);
    if (REQUIRED.every((f) => index[f] >= 0)) return { edition, index };
  }
  return null;
}

/**
 * I1-I8: imports one edition of the list. Each bad row is reported with its line and reason
 * and the rest import. Trailing columns after the last one we read may be missing (two rows of
 * the 2022 list stop before Phone/Pupils); a row longer than the header, or too short to hold
 * the columns we read, is reported.
 */
export function importSchoolsCsv(csvText: string, las: readonly LocalAuthority[], options: ImportOptions = {}): SchoolImport {
  const [header, ...rows] = parseCsvWithLines(csvText);
  const detected = header === undefined ? null : detectEdition(header.cells);
  if (header === undefined || detected === null) {
    throw new Error('importSchoolsCsv: the header is not that of the WG maintained-schools list (en or cy edition)');
  }
  const { edition, index } = detected;
  const minColumns = Math.max(...REQUIRED.map((f) => index[f])) + 1;
  const laCodes = new Set(las.map((la) => la.code));
  const schools: School[] = [];
  const reports: ImportReport[] = [];
  const seen = new Set<string>();

  for (const { line, cells } of rows) {
    const get = (f: Field): string => (index[f] >= 0 ? (cells[index[f]] ?? '') : '').trim();
    const report = (code: Parameters<typeof reason>[0]): void => {
      const id = get('number');
      reports.push({ line, reason: reason(code), ...(id === '' ? {} : { schoolId: id }) });
    };
    if (cells.length > header.cells.length || cells.length < minColumns) { report('wrong-column-count'); continue; }
    const id = get('number');
    if (!/^\d{7}$/.test(id)) { report('invalid-school-number'); continue; }
    const rawName = get('name');
    if (rawName === '') { report('missing-name'); continue; }
    const laText = get('laCode');
    if (laText === '') { report('missing-la'); continue; }
    const laCode = Number(laText);
    if (!laCodes.has(laCode)) { report('unknown-la'); continue; }
    if (!id.startsWith(laText)) { report('la-mismatch'); continue; }
    if (options.onlyLas && !options.onlyLas.includes(laCode)) { report('outside-importer-la'); continue; }
    const setting = mapSetting(get('sector'), get('schoolType'));
    if (setting === null) { report('unknown-sector'); continue; }
    const languageCategory = mapLanguage(get('wmCode'));
    if (languageCategory === null) { report('unknown-language-code'); continue; }
    const religiousCharacter = mapReligiousCharacter(get('religious'));
    if (religiousCharacter === null) { report('unknown-religious-character'); continue; }
    if (seen.has(id)) { report('duplicate-school-number'); continue; }

    const name = normaliseSchoolName(rawName);
    const postcode = get('postcode');
    const parsed = School.safeParse({
      id,
      // One edition carries one spelling; mergeEditions() puts the other language in.
      name: { cy: name, en: name },
      sourceName: { cy: rawName, en: rawName },
      laCode,
      setting,
      languageCategory,
      wgLanguageCode: get('wmCode'),
      religiousCharacter,
      ...(postcode === '' ? {} : { postcode }),
    });
    if (!parsed.success) { report('invalid-school-number'); continue; }
    seen.add(id);
    schools.push(parsed.data);
  }

  const byLa: Record<number, number> = {};
  for (const s of schools) byLa[s.laCode] = (byLa[s.laCode] ?? 0) + 1;
  return { edition, schools, reports, summary: { imported: schools.length, reported: reports.length, byLa } };
}

/**
 * I11: combines the English and Welsh editions. Facts come from the English edition; the
 * Welsh name comes from the Welsh edition where the school appears there.
 */
export function mergeEditions(en: SchoolImport, cy: SchoolImport): School[] {
  const welsh = new Map(cy.schools.map((s) => [s.id, s]));
  return en.schools.map((s) => {
    const w = welsh.get(s.id);
    return w === undefined ? s : { ...s, name: { cy: w.name.cy, en: s.name.en }, sourceName: { cy: w.sourceName.cy, en: s.sourceName.en } };
  });
}
