import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

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
    ],
  },
  worker: { format: 'es' },
  build: {
    rolldownOptions: {
      output: {
        // The model code the first screen needs is shared with lazy chunks (diff, share); left alone,
        // Rolldown splits it into many tiny chunks, which gzip worse and cost requests. One chunk for it.
        codeSplitting: {
          groups: [
            {
              name: 'core',
              test: new RegExp(
                [
                  '[\\\\/]src[\\\\/](model[\\\\/](parse|graph|elements|types|connectors|values)',
                  // The store and the slices it is made of (their sources load on first use, not here).
                  'state[\\\\/](store|flows|links|loading|org|defaults)',
                  // What the first canvas and the flow's facts say and how they look.
                  'describe[\\\\/](flow|trigger|startLine|values|types|properties)',
                  'render[\\\\/](path|icons|status|elementLook)',
                  'views[\\\\/](storeContext|links|lazyParts|preloadable|components[\\\\/]SideTabs',
                  'details[\\\\/](FlowFacts|SectionList)))',
                ].join('|'),
              ),
            },
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
