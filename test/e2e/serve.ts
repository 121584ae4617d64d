import type { TestProject } from 'vitest/node';
import { preview } from 'vite';

/** Serves the built site (dist/, or $FLOWSCOPE_DIST for a parallel build) on 127.0.0.1 at a free port for the end-to-end tests. */
export default async function setup(project: TestProject) {
  const server = await preview({
    build: { outDir: process.env.FLOWSCOPE_DIST ?? 'dist' },
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
    logLevel: 'warn',
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  project.provide('baseUrl', `http://127.0.0.1:${address.port}/`);
  return async () => {
    await server.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
