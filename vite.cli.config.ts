import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

/**
 * The CLI as one built file, `dist/cli/flowscope.mjs` (`npm run build:cli`; `npm run build` and `prepare` run
 * it): Node ESM for node20, our sources bundled, so an install with production dependencies only runs it and
 * no run pays for compiling TypeScript. Runtime dependencies stay imports, resolved from the installed
 * package's node_modules: fflate, and elkjs, which src/layout/index.ts imports by a name in a variable (ELK
 * in-process, as under tsx) — a bundler cannot see that import, and must not need to. React, xyflow and
 * zustand are the app's: the CLI never reaches them, and the pack test (test/cli/pack.test.ts) says so.
 */
const external = [...Object.keys(pkg.dependencies), ...builtinModules];

export default defineConfig({
  // No public/ copy, no index.html: this build is the CLI alone.
  publicDir: false,
  // Node reads both format readers at once (src/model/parse/onDemand.ts), as tests and tsx do.
  define: { 'import.meta.env.FLOWSCOPE_READERS_ON_DEMAND': 'false' },
  build: {
    ssr: 'src/cli/main.ts',
    target: 'node20',
    outDir: 'dist/cli',
    emptyOutDir: true,
    minify: false,
    sourcemap: false,
    copyPublicDir: false,
    reportCompressedSize: false,
    rolldownOptions: {
      external: (id) => external.some((name) => id === name || id.startsWith(`${name}/`) || id.startsWith('node:')),
      output: { format: 'es', entryFileNames: 'flowscope.mjs', codeSplitting: false },
    },
  },
  // Bundle every import of our own; only the names above stay imports.
  ssr: { target: 'node', noExternal: true },
});
