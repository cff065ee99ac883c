import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

const PREFIX = 'date-fns-parts/';
const PARTS = new Set(['localize', 'formatDistance']);

/**
 * Resolves `date-fns-parts/<locale>/<part>` to that part of date-fns's own locale data. The
 * package exports whole locales only, and a whole locale also carries its date parsing
 * (`match`) and format patterns, which the app never uses: about 2.5 KiB gzipped of the
 * document screen's JavaScript (C290). Only the two parts the app words dates with resolve.
 */
export function dateLocaleParts(): Plugin {
  const root = dirname(createRequire(import.meta.url).resolve('date-fns/package.json'));
  return {
    name: 'cyd-date-locale-parts',
    enforce: 'pre',
    resolveId(id) {
      if (!id.startsWith(PREFIX)) return null;
      const [locale = '', part = '', ...rest] = id.slice(PREFIX.length).split('/');
      if (rest.length > 0 || !/^[a-zA-Z-]+$/.test(locale) || !PARTS.has(part)) return null;
      return join(root, 'locale', locale, '_lib', `${part}.js`);
    },
  };
}
