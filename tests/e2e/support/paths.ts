import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const webDir = resolve(repoRoot, 'apps/web');
export const webDist = resolve(webDir, 'dist');
export const screenshotsDir = resolve(repoRoot, 'screenshots');
