// Lint: typescript-eslint (type-aware), promise hygiene, import boundaries, no import cycles.
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';

const appPackages = ['@cydweithio/web', '@cydweithio/web/*', '@cydweithio/sync-server', '@cydweithio/sync-server/*'];
const relativeIntoApps = ['**/apps/**'];

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '**/.data/**', '**/drizzle/**', '**/*.js', '**/*.cjs', '**/*.mjs', 'screenshots/**', '**/vitest.config.ts', '**/vite.config.ts', '**/drizzle.config.ts', '**/drizzle-pg.config.ts', '**/drizzle-pg/**', '**/.data-two/**'],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    // packages/model is pure: no Node built-ins, no I/O, no UI, no apps.
    files: ['packages/model/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:*'], message: 'packages/model is pure TypeScript: no node:* imports.' },
          { group: ['fs', 'fs/*', 'path', 'os', 'child_process', 'net', 'http', 'https', 'crypto', 'stream', 'worker_threads'], message: 'packages/model does no I/O: no Node built-ins.' },
          { group: ['@cydweithio/ui', '@cydweithio/ui/*', '**/packages/ui/**'], message: 'packages/model must not import packages/ui (imports flow apps -> ui -> model).' },
          { group: [...appPackages, ...relativeIntoApps], message: 'packages/model must not import an app.' },
        ],
      }],
    },
  },
  {
    // packages/ui may use the model, never an app.
    files: ['packages/ui/**/*.ts', 'packages/ui/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: [...appPackages, ...relativeIntoApps], message: 'packages/ui must not import an app.' }],
      }],
    },
  },
  {
    // One validated env.ts per app: nothing else reads the environment (SPEC C17, S19).
    files: ['apps/**/*.ts', 'apps/**/*.tsx', 'packages/**/*.ts', 'packages/**/*.tsx'],
    ignores: ['**/src/env.ts', '**/test/**', '**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-syntax': ['error',
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'Read configuration in the app\'s env.ts only.' },
        { selector: "MemberExpression[object.type='MetaProperty'][property.name='env']", message: 'Read import.meta.env in the app\'s env.ts only.' },
      ],
    },
  },
  {
    // Apps never import each other; tests may import anything.
    files: ['apps/web/**/*.ts', 'apps/web/**/*.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['@cydweithio/sync-server', '@cydweithio/sync-server/*', '**/apps/sync-server/**'], message: 'apps do not import each other.' }] }] },
  },
  {
    files: ['apps/sync-server/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['@cydweithio/web', '@cydweithio/web/*', '@cydweithio/ui', '@cydweithio/ui/*', '**/apps/web/**'], message: 'the server imports the model only, never the web app or UI.' }] }] },
  },
);
