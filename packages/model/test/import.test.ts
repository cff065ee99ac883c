import { describe, expect, it } from 'vitest';
import { parseCsvWithLines } from '../src/directory/csv';
import { parseLocalAuthorities } from '../src/directory/localAuthorities';
import { mapLanguage, mapReligiousCharacter, mapSetting } from '../src/directory/mappings';
import { normaliseSchoolName } from '../src/directory/schoolName';
import { importSchoolsCsv, mergeEditions } from '../src/directory/schoolsCsv';
import { readData } from './fixtures';

const read = readData;
const las = parseLocalAuthorities(read('wales-local-authorities.csv'));
const enText = read('wg-schools-maintained-2022-06.en.csv');
const cyText = read('wg-schools-maintained-2022-06.cy.csv');
const en = importSchoolsCsv(enText, las);
const cy = importSchoolsCsv(cyText, las);
const [enHeader] = enText.split('\r\n');

describe('directory import', () => {
  it('I10: the 22 local authorities, 660-681, with Welsh and English names and regions', () => {
    expect(las).toHaveLength(22);
    expect(las.map((la) => la.code)).toEqual(Array.from({ length: 22 }, (_, i) => 660 + i));
    const rct = las.find((la) => la.code === 674);
    expect(rct?.name).toEqual({ cy: 'Rhondda Cynon Taf', en: 'Rhondda Cynon Taf' });
    expect(las.find((la) => la.code === 681)?.name).toEqual({ cy: 'Caerdydd', en: 'Cardiff' });
    expect(las.find((la) => la.code === 660)?.region.name).toEqual({ cy: 'Gogledd Cymru', en: 'North Wales' });
  });

  it('I1: the edition is detected from the headers; an unknown header throws', () => {
    expect(en.edition).toBe('en');
    expect(cy.edition).toBe('cy');
    expect(() => importSchoolsCsv('a,b,c\r\n1,2,3\r\n', las)).toThrow(/header/);
  });

  it('I7: the English edition yields 1,470 schools in 22 LAs, every row imported or reported', () => {
    const dataRows = parseCsvWithLines(enText).length - 1;
    expect(en.summary.imported).toBe(1470);
    expect(en.summary.imported + en.summary.reported).toBe(dataRows);
    expect(Object.keys(en.summary.byLa)).toHaveLength(22);
    expect(en.summary.byLa[674]).toBe(113);
    expect(Object.values(en.summary.byLa).reduce((a, b) => a + b, 0)).toBe(1470);
    expect(new Set(en.schools.map((s) => s.id)).size).toBe(1470);
  });

  it('I11: the Welsh edition yields the same school numbers, with the Welsh edition’s names', () => {
    expect(cy.schools.map((s) => s.id).sort()).toEqual(en.schools.map((s) => s.id).sort());
    const welshNames = new Map(parseCsvWithLines(cyText).slice(1).map((r) => [r.cells[0], r.cells[1]?.trim()]));
    const merged = mergeEditions(en, cy);
    for (const s of merged) {
      expect(s.sourceName.cy).toBe(welshNames.get(s.id));
      expect(s.name.cy).toBe(welshNames.get(s.id)?.replace(/\s+/g, ' '));
    }
    const bySchool = new Map(cy.schools.map((s) => [s.id, s]));
    for (const s of en.schools) {
      const w = bySchool.get(s.id);
      expect([s.id, w?.setting, w?.languageCategory, w?.religiousCharacter, w?.laCode]).toEqual([s.id, s.setting, s.languageCategory, s.religiousCharacter, s.laCode]);
    }
  });

  it('I3: sectors map onto settings in both editions, Middle/Canol by age range', () => {
    const count = (setting: string) => en.schools.filter((s) => s.setting === setting).length;
    expect([count('primary'), count('secondary'), count('special'), count('nursery')]).toEqual([1217, 181, 40, 8]);
    expect(count('all-age-3-16') + count('all-age-3-19')).toBe(24);
    expect(count('all-age-3-16')).toBe(11);
    expect(mapSetting('Canol', 'Canol (ystod oedran 3-16)')).toBe('all-age-3-16');
    expect(mapSetting('Middle', 'Middle (ages 4-19)')).toBe('all-age-3-19');
    expect(mapSetting('Uwchradd', '')).toBe('secondary');
    expect(mapSetting('Meithrin', '')).toBe('nursery');
    expect(mapSetting('Independent', '')).toBeNull();
  });

  it('I4: WM codes map onto language categories and the raw code is kept', () => {
    expect(['WM', 'AB', 'DS', 'EW', 'EM', 'NA', '0 '].map(mapLanguage)).toEqual([
      'welsh-medium', 'welsh-medium', 'bilingual', 'bilingual', 'english-medium', 'not-applicable', 'not-applicable',
    ]);
    const amlwch = en.schools.find((s) => s.id === '6602130');
    expect([amlwch?.languageCategory, amlwch?.wgLanguageCode]).toEqual(['welsh-medium', 'WM']);
    expect(en.schools.filter((s) => s.languageCategory === 'welsh-medium')).toHaveLength(374 + 19);
  });

  it('I5: religious character in both languages, including the joint Catholic and Anglican school', () => {
    expect(mapReligiousCharacter('---')).toBe('none');
    expect(mapReligiousCharacter('Eglwys yng Nghymru')).toBe('church-in-wales');
    expect(mapReligiousCharacter('Eglwys Gatholig & Anglicanaidd')).toBe('roman-catholic-and-anglican');
    expect(mapReligiousCharacter('Ddim ar gael')).toBe('not-recorded');
    expect(en.schools.filter((s) => s.religiousCharacter === 'roman-catholic-and-anglican')).toHaveLength(1);
    expect(cy.schools.filter((s) => s.religiousCharacter === 'roman-catholic-and-anglican')).toHaveLength(1);
    expect(en.schools.filter((s) => s.religiousCharacter === 'church-in-wales')).toHaveLength(143);
  });

  it('I2: line numbers are physical lines, right after quoted fields that span lines', () => {
    const rows = parseCsvWithLines('a,b\r\n1,"two\nlines"\r\n\r\n3,x\r\n4,"y\r\nz"\r\n5,w\r\n');
    expect(rows.map((r) => r.line)).toEqual([1, 2, 5, 6, 8]);
    expect(rows[1]?.cells).toEqual(['1', 'two\nlines']);
  });

  it('I6: crafted bad rows are reported with their line and reason and the rest import', () => {
    const good = (n: string, name = 'Ysgol Dda') => `${n},"${name}",674,Rhondda Cynon Taf,Primary,Community,WM,Welsh medium,"Nursery, Infants & Juniors",---,Heol,Tref,,,CF40 1AA,01443 000000,100`;
    const lines = [
      enHeader,
      good('6740001', 'Ysgol\nDwy Linell'), // lines 2-3
      good('6740002').replace(',Primary,', ',Independent,'), // 4 unknown sector
      good('6740003').replace(',674,', ',,'), // 5 missing LA
      good('6990004').replace(',674,', ',699,'), // 6 unknown LA
      good('6740001'), // 7 duplicate
      '6740005,Too short,674', // 8 wrong column count
      `${good('6740006')},extra`, // 9 wrong column count (longer than header)
      good('6740007').replace(',WM,', ',ZZ,'), // 10 unknown language code
      good('6740008').replace(',---,', ',Druid,'), // 11 unknown religious character
      good('67400X9'), // 12 invalid number
      good('6750010'), // 13 number of another LA
      good('6740011').replace('"Ysgol Dda"', '""'), // 14 missing name
      good('6740012').split(',').slice(0, 15).join(','), // 15 fine: trailing phone/pupils missing
    ];
    const result = importSchoolsCsv(lines.join('\r\n'), las);
    expect(result.reports.map((r) => [r.line, r.reason.code])).toEqual([
      [4, 'unknown-sector'],
      [5, 'missing-la'],
      [6, 'unknown-la'],
      [7, 'duplicate-school-number'],
      [8, 'wrong-column-count'],
      [9, 'wrong-column-count'],
      [10, 'unknown-language-code'],
      [11, 'unknown-religious-character'],
      [12, 'invalid-school-number'],
      [13, 'la-mismatch'],
      [14, 'missing-name'],
    ]);
    expect(result.schools.map((s) => s.id)).toEqual(['6740001', '6740012']);
    expect(result.schools[0]?.name.en).toBe('Ysgol\nDwy Linell'.replace(/\s+/g, ' '));
    expect(result.summary).toEqual({ imported: 2, reported: 11, byLa: { 674: 2 } });
    for (const r of result.reports) expect(r.reason.cy.length > 0 && r.reason.en.length > 0 && r.reason.cy !== r.reason.en).toBe(true);
  });

  it('I8: no pupil count, address or phone is read into a school', () => {
    for (const s of en.schools.slice(0, 50)) {
      expect(Object.keys(s).sort()).toEqual(
        ['id', 'laCode', 'languageCategory', 'name', 'postcode', 'religiousCharacter', 'setting', 'sourceName', 'wgLanguageCode'].sort(),
      );
    }
    expect(JSON.stringify(en.schools)).not.toMatch(/pupil|01407 830414/i);
  });

  it('I9: ALL-CAPS names are title-cased the Welsh way, originals kept, mixed case untouched', () => {
    expect(normaliseSchoolName('YSGOL GYNRADD NEFYN')).toBe('Ysgol Gynradd Nefyn');
    expect(normaliseSchoolName('YSGOL GYNRADD BORTH-Y-GEST')).toBe('Ysgol Gynradd Borth-y-Gest');
    expect(normaliseSchoolName('YSGOL Y GRAIG')).toBe('Ysgol y Graig');
    expect(normaliseSchoolName("ST. MARY'S RC PRIMARY (VA)")).toBe("St. Mary's RC Primary (VA)");
    expect(normaliseSchoolName('YSGOL GYMRAEG LLWYNCELYN')).toBe('Ysgol Gymraeg Llwyncelyn');
    expect(normaliseSchoolName('Ysgol yr Hendre')).toBe('Ysgol yr Hendre');
    const shouting = enText.replace('Ysgol Gynradd Amlwch', 'YSGOL GYNRADD AMLWCH');
    const s = importSchoolsCsv(shouting, las).schools.find((x) => x.id === '6602130');
    expect([s?.name.en, s?.sourceName.en]).toEqual(['Ysgol Gynradd Amlwch', 'YSGOL GYNRADD AMLWCH']);
  });
});

describe('an import in the importer\'s LA', () => {
  it('P46: rows for another LA are reported with line and reason and not applied; the rest import', () => {
    const own = importSchoolsCsv(enText, las, { onlyLas: [674] });
    expect(own.summary.imported).toBe(113);
    expect(own.schools.every((s) => s.laCode === 674)).toBe(true);
    const outside = own.reports.filter((r) => r.reason.code === 'outside-importer-la');
    expect(outside.length).toBe(1470 - 113);
    const cardiff = outside.find((r) => r.schoolId?.startsWith('681'));
    expect(cardiff?.line).toBeGreaterThan(1);
    expect(cardiff?.reason.en).toMatch(/another local authority/);
    // Every row is still either imported or reported (I7).
    expect(own.summary.imported + own.summary.reported).toBe(en.summary.imported + en.summary.reported);
  });
});
