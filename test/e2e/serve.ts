import type { TestProject } from 'vitest/node';
import { preview } from 'vite';

/** Serves the built site (dist/) on 127.0.0.1 at a free port for the end-to-end tests. */
export default async function setup(project: TestProject) {
  const server = await preview({ preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'warn' });
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
