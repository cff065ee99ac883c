/**
 * The model's demo dataset, built once per test file from the shared data files (beside the
 * repository, as in CI). Gives every role of the permission table a real person.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDemoDataset, type DemoDataset } from '@cydweithio/model/demo/index';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const dataDir = resolve(repoRoot, '../shared/data');

let cached: DemoDataset | undefined;

export function demoDataset(): DemoDataset {
  const read = (name: string) => readFileSync(resolve(dataDir, name), 'utf8');
  cached ??= buildDemoDataset({
    lasCsv: read('wales-local-authorities.csv'),
    schoolsEnCsv: read('wg-schools-maintained-2022-06.en.csv'),
    schoolsCyCsv: read('wg-schools-maintained-2022-06.cy.csv'),
    schools2026Json: read('welsh-schools-2026-04.json'),
  });
  return cached;
}
