import { LocalAuthority } from '../domain/localAuthority';
import { parseCsvWithLines } from './csv';

const COLUMNS = ['la_code', 'name_en', 'name_cy', 'gss_code', 'wg_region_code', 'wg_region_en', 'wg_region_cy'] as const;

/**
 * I10: reads wales-local-authorities.csv (22 LAs, codes 660-681). The file is ours and small,
 * so a malformed row is an error, not a report. School counts in the file are not kept.
 */
export function parseLocalAuthorities(csvText: string): LocalAuthority[] {
  const [header, ...rows] = parseCsvWithLines(csvText);
  if (header === undefined) throw new Error('local authorities: empty file');
  const index = COLUMNS.map((name) => {
    const i = header.cells.indexOf(name);
    if (i < 0) throw new Error(`local authorities: missing column ${name}`);
    return i;
  });
  return rows.map(({ line, cells }) => {
    const [code, nameEn, nameCy, gss, regionCode, regionEn, regionCy] = index.map((i) => (cells[i] ?? '').trim());
    const parsed = LocalAuthority.safeParse({
      code: Number(code),
      name: { cy: nameCy, en: nameEn },
      gssCode: gss,
      region: { code: Number(regionCode), name: { cy: regionCy, en: regionEn } },
    });
    if (!parsed.success) throw new Error(`local authorities: line ${line}: ${parsed.error.message}`);
    return parsed.data;
  });
}
