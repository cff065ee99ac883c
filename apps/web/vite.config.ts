import { defineConfig, type Plugin } from 'vite';
import solid from 'vite-plugin-solid';
import { pureSchemas } from './build/pureSchemas';
import { pureLib0Schemas } from './build/pureLib0Schemas';
import { dateLocaleParts } from './build/dateLocaleParts';

/**
 * Emits precache-manifest.json listing every built file, with a build id derived from their
 * names. The service worker precaches the list so the whole app (every lazy screen) opens offline
 * after a single visit, not only the screens visited so far.
 */
function precacheManifest(): Plugin {
  return {
    name: 'cyd-precache-manifest',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle).filter((f) => !f.endsWith('.map') && f !== 'sw.js');
      const build = fnv1a(files.sort().join('\n'));
      this.emitFile({
        type: 'asset',
        fileName: 'precache-manifest.json',
        source: JSON.stringify({ build, files: ['/', ...files.map((f) => `/${f}`)] }),
      });
    },
  };
}

/** Short stable hash; the file names already carry content hashes. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(16);
}

const server = 'http://127.0.0.1:8787';

export default defineConfig({
  plugins: [dateLocaleParts(), pureSchemas(), pureLib0Schemas(), solid(), precacheManifest()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: {
      input: { main: 'index.html', sw: 'src/sw/serviceWorker.ts' },
      output: {
        // The service worker must live at the root to control every path, under a fixed name.
        entryFileNames: (chunk) => (chunk.name === 'sw' ? 'sw.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
  server: {
    proxy: {
      '/api': server,
      '/sync': { target: server, ws: true },
    },
  },
});
