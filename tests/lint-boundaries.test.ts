import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * SPEC L1 (packages/model/SPEC.md, "Layering"): the import boundaries are enforced by ESLint.
 * Each case lints a small piece of code as if it were the content of a file in the workspace
 * and checks that the boundary rule fires (or, for a clean import, that it does not). The paths
 * are real files (each package's index.ts) because the type-aware lint setup only knows files
 * that its tsconfig projects include; the file on disk is not read or changed.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd: root });
const MODEL_FILE = 'packages/model/src/index.ts';
const UI_FILE = 'packages/ui/src/index.ts';

async function restrictedImportErrors(code: string, filePath: string, ruleId = 'no-restricted-imports'): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${filePath}` });
  if (result === undefined) throw new Error('ESLint returned no result');
  const fatal = result.messages.filter((m) => m.fatal);
  if (fatal.length > 0) throw new Error(`ESLint could not parse the probe: ${fatal.map((m) => m.message).join('; ')}`);
  return result.messages.filter((m) => m.ruleId === ruleId).map((m) => m.message);
}

// Type-aware linting loads the TypeScript projects on first use, which takes a while.
describe('layering', { timeout: 120_000 }, () => {
  it('L1: packages/model may not import a Node built-in', async () => {
    const errors = await restrictedImportErrors("import fs from 'node:fs';\nexport const x = fs;\n", MODEL_FILE);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/node:\*/);
    const bare = await restrictedImportErrors("import { readFileSync } from 'fs';\nexport const x = readFileSync;\n", MODEL_FILE);
    expect(bare).toHaveLength(1);
  });

  it('L1: packages/model may not import packages/ui', async () => {
    const errors = await restrictedImportErrors("import x from '@cydweithio/ui';\nexport const y = x;\n", MODEL_FILE);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/packages\/ui/);
  });

  it('L1: packages/ui may not import an app', async () => {
    const errors = await restrictedImportErrors("import a from '@cydweithio/web';\nexport const b = a;\n", UI_FILE);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/app/);
  });

  it('L1: a clean import passes', async () => {
    const code = "import * as Y from 'yjs';\nexport const doc = new Y.Doc();\n";
    expect(await restrictedImportErrors(code, MODEL_FILE)).toEqual([]);
    expect(await restrictedImportErrors("import { z } from 'zod';\nexport const s = z.string();\n", UI_FILE)).toEqual([]);
  });

  it('C17, S19: only an app\'s env.ts reads process.env or import.meta.env', async () => {
    const server = await restrictedImportErrors('export const port = process.env.PORT;\n', 'apps/sync-server/src/server.ts', 'no-restricted-syntax');
    expect(server).toHaveLength(1);
    const web = await restrictedImportErrors('export const mode = import.meta.env.MODE;\n', 'apps/web/src/App.tsx', 'no-restricted-syntax');
    expect(web).toHaveLength(1);
    expect(await restrictedImportErrors('export const port = process.env.PORT;\n', 'apps/sync-server/src/env.ts', 'no-restricted-syntax')).toEqual([]);
  });
});
