import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Relative base: the built site works from any sub-path (GitHub Pages, a docs folder).
export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
});
