/**
 * The app's message catalogues: the shared strings in ./cy.json and ./en.json, and one pair per
 * area of the product in ./areas/<area>/ (a screen's own strings, and any error codes of its
 * own under "errors"). They are merged into one catalogue per language; two files defining the
 * same key is a mistake, so it throws at load rather than letting one silently win.
 */
import type { Catalogue } from '@cydweithio/ui';

function mergeInto(target: Catalogue, source: Catalogue, file: string, path = ''): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (typeof value === 'string' || typeof existing === 'string') {
      if (existing !== undefined) throw new Error(`i18n: ${path}${key} is defined twice (again in ${file})`);
      target[key] = value;
    } else {
      const child: Catalogue = existing ?? {};
      target[key] = child;
      mergeInto(child, value, file, `${path}${key}.`);
    }
  }
}

/** One language's catalogue: its shared file, then every area's file (keyed by path). */
export function mergeCatalogues(shared: Catalogue, sharedFile: string, areaFiles: Record<string, Catalogue>): Catalogue {
  const merged: Catalogue = {};
  mergeInto(merged, shared, sharedFile);
  for (const [file, catalogue] of Object.entries(areaFiles)) mergeInto(merged, catalogue, file);
  return merged;
}
