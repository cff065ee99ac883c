/** The source data files (Welsh Government lists, our LA list) read from SOURCE_DATA_DIR. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLocalAuthorities, type LocalAuthority } from '@cydweithio/model';

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
