/**
 * Builds apps/web once when dist is missing or older than its sources, so the browser tests
 * always run the current client as the server would serve it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, webDir, webDist } from './paths';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    const stat = statSync(path);
    newest = Math.max(newest, stat.isDirectory() ? newestMtime(path) : stat.mtimeMs);
  }
  return newest;
}

export function ensureWebBuilt(): void {
  const index = join(webDist, 'index.html');
  // The build's own plugins and config shape the bundle as much as the sources do.
  const sources = Math.max(
    newestMtime(join(webDir, 'src')), newestMtime(join(webDir, 'build')), statSync(join(webDir, 'vite.config.ts')).mtimeMs,
    newestMtime(join(repoRoot, 'packages/ui/src')), newestMtime(join(repoRoot, 'packages/model/src')),
  );
  if (existsSync(index) && statSync(index).mtimeMs > sources) return;
  try {
    execFileSync(join(webDir, 'node_modules/.bin/vite'), ['build', '--logLevel', 'error'], {
      cwd: webDir,
      stdio: 'pipe',
      // Vitest sets NODE_ENV=test, which would make Vite build a development bundle (DEV true: no service worker).
      env: { ...process.env, NODE_ENV: 'production' },
    });
  } catch (error) {
    const failure = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`web build failed:\n${String(failure.stdout ?? '')}${String(failure.stderr ?? '')}`);
  }
}
