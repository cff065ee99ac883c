/**
 * Imports a Welsh Government maintained-schools address list (CSV, English or Welsh edition)
 * into the directory tables, using the model's importSchoolsCsv. Rows the model cannot use are
 * reported with their line and reason, never guessed.
 *
 *   pnpm --filter @cydweithio/sync-server import:schools <schools.csv> [--las <local-authorities.csv>] [--la <code>[,<code>]]
 *
 * `--la` keeps the import in those LAs (A77, P46): an LA's operator importing their own list
 * cannot rename or create another LA's schools; other LAs' rows are reported, not applied.
 * Without it the whole national list is read (the national operator's import).
 */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { importSchoolsCsv } from '@cydweithio/model';
import { readEnv } from '../env';
import { openDatabase } from '../db/open';
import { DirectoryWrites } from '../directory/directory-writes';
import { SourceFiles, readLocalAuthorities } from './source-data';

function argument(args: readonly string[], flag: string): string | undefined {
  const index = args.indexOf(flag);
  return index >= 0 ? args[index + 1] : undefined;
}

const args = process.argv.slice(2);
const csvPath = args.find((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--las' && args[i - 1] !== '--la');
const onlyLasArg = argument(args, '--la');
const onlyLas = onlyLasArg === undefined ? undefined : onlyLasArg.split(',').map((code) => Number(code.trim()));
if (!csvPath || (onlyLas && onlyLas.some((code) => !Number.isInteger(code)))) {
  console.error('usage: import:schools <schools.csv> [--las <local-authorities.csv>] [--la <code>[,<code>]]');
  process.exit(2);
}
const env = readEnv();
const las = readLocalAuthorities(argument(args, '--las') ?? join(env.SOURCE_DATA_DIR, SourceFiles.localAuthorities));
const result = importSchoolsCsv(readFileSync(csvPath, 'utf8'), las, onlyLas ? { onlyLas } : {});

const database = openDatabase(env.DATA_DIR);
try {
  const writes = new DirectoryWrites(database.sql);
  await writes.upsertLocalAuthorities(las);
  await writes.upsertSchools(result.schools, result.edition);
} finally {
  database.close();
}

console.log(`Imported ${result.summary.imported} schools (${result.edition} edition) into ${database.path}`);
console.log(`Reported ${result.summary.reported} rows:`);
for (const report of result.reports.slice(0, 50)) {
  console.log(`  line ${report.line}${report.schoolId ? ` (${report.schoolId})` : ''}: ${report.reason.code}: ${report.reason.en}`);
}
if (result.reports.length > 50) console.log(`  … and ${result.reports.length - 50} more`);
console.log('By local authority:', JSON.stringify(result.summary.byLa));
