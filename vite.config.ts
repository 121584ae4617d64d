import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** The roots of the first screen: the entry and the parts it loads at once (views/lazyParts.ts, main.tsx). */
const FIRST_SCREEN =
  /[\\/]src[\\/](main\.tsx|views[\\/]canvas[\\/]FlowCanvas\.tsx|views[\\/]components[\\/]SidePanel\.tsx)$/;

// Relative base: the built site works from any sub-path (GitHub Pages, a docs folder).
export default defineConfig({
  base: './',
  plugins: [react()],
  resolve: {
    alias: [
      // React Flow's zustand/traditional asks for the pre-React-18 shim of useSyncExternalStore; React 19 has
      // it built in, and the shim's own copy is first-screen weight. The non-shim entry uses React's.
      {
        find: /^use-sync-external-store\/shim\/with-selector(\.js)?$/,
        replacement: 'use-sync-external-store/with-selector.js',
      },
      // React Flow tweens only the viewport (numbers), never a colour: d3-color's parser and colour spaces
      // are 4 KiB of first screen nobody calls. src/vendor/d3-color-none.ts says why, and fails loudly if called.
      { find: /^d3-color$/, replacement: fileURLToPath(new URL('./src/vendor/d3-color-none.ts', import.meta.url)) },
      // Nothing on Flowscope's canvas is dragged: d3-drag's drag behaviour (0.7 KiB gzip) is never made. What
      // d3-zoom takes from it for panning stays; src/vendor/d3-drag-none.ts says why, and fails loudly if called.
      { find: /^d3-drag$/, replacement: fileURLToPath(new URL('./src/vendor/d3-drag-none.ts', import.meta.url)) },
    ],
  },
  // The app's store loads each input format's reader on first use (src/model/parse/onDemand.ts).
  define: { 'import.meta.env.FLOWSCOPE_READERS_ON_DEMAND': 'true' },
  worker: { format: 'es' },
  build: {
    // The polyfill (0.4 KiB, and the page's entry chunk) only helps browsers without <link rel=modulepreload>:
    // none in the build's target but Safari 16, where chunks still load when imported, just not ahead of time.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // The first screen is one chunk: the entry, the canvas and the side panel main.tsx warms at once, and
        // everything they import statically (a group takes its modules' static imports with it). Left alone,
        // Rolldown splits what they share with lazy chunks (diff, share) into many small chunks that gzip
        // worse, cost requests and a round trip (the canvas was fetched only once the entry ran), and import
        // each other by name: one chunk was 2.6 KiB smaller. Lazy parts import from it what they share.
        codeSplitting: {
          groups: [
            { name: 'core', test: FIRST_SCREEN },
            // Each input format's reader on its own, loaded with the first text in that format
            // (model/parse/onDemand.ts); left alone, Rolldown puts both in one chunk with parse/index.ts.
            { name: 'xml-reader', test: /[\\/]src[\\/]model[\\/]parse[\\/](fromXml|xml)\.ts$/ },
            // A link's code, one chunk: the share module the store loads (share/index.ts, the set link's reader
            // with it) and the store's link actions (state/linkActions.ts), always fetched together (links.ts).
            // Left alone, share/index.ts is a chunk of its own (ShareMenu imports share/link.ts beside it) and
            // linkActions another: three requests, gzipped apart. Only these files: their imports stay where
            // they are (the core, the JSON reader).
            {
              name: 'link',
              test: /[\\/]src[\\/](share[\\/][^\\/]+|model[\\/]parse[\\/]wellFormed|state[\\/]linkActions)\.ts$/,
              includeDependenciesRecursively: false,
            },
            { name: 'json-reader', test: /[\\/]src[\\/]model[\\/]parse[\\/](fromJson|json|jsonError|depth)\.ts$/ },
          ],
        },
      },
    },
  },
  // The layout worker imports ELK lazily; listed here so `npm start` does not discover it on first load
  // and reload the page under the user.
  optimizeDeps: { include: ['elkjs/lib/elk-api'] },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
});
