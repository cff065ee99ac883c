/** The source data files (Welsh Government lists, our LA list) read from SOURCE_DATA_DIR. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDemoDataset, parseLocalAuthorities, type DemoDataset, type LocalAuthority } from '@cydweithio/model';

/** The data folder the repository ships (data/SOURCES.md): the default SOURCE_DATA_DIR. */
export const bundledDataDir = resolve(fileURLToPath(new URL('../../../../data', import.meta.url)));

export const SourceFiles = {
  localAuthorities: 'wales-local-authorities.csv',
  schoolsEn: 'wg-schools-maintained-2022-06.en.csv',
  schoolsCy: 'wg-schools-maintained-2022-06.cy.csv',
  schools2026: 'welsh-schools-2026-04.json',
} as const;

export function readSourceFile(sourceDataDir: string, name: string): string {
  return readFileSync(join(sourceDataDir, name), 'utf8');
}

export function readLocalAuthorities(path: string): LocalAuthority[] {
  return parseLocalAuthorities(readFileSync(path, 'utf8'));
}

/** The model's demo dataset, built from the source files (the start command, seeding and tests share it). */
export function readDemoDataset(sourceDataDir: string = bundledDataDir): DemoDataset {
  return buildDemoDataset({
    lasCsv: readSourceFile(sourceDataDir, SourceFiles.localAuthorities),
    schoolsEnCsv: readSourceFile(sourceDataDir, SourceFiles.schoolsEn),
    schoolsCyCsv: readSourceFile(sourceDataDir, SourceFiles.schoolsCy),
    schools2026Json: readSourceFile(sourceDataDir, SourceFiles.schools2026),
  });
}
