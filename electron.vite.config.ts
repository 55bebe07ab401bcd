import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      rolldownOptions: { input: { index: resolve(root, 'electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      // A sandboxed preload can require only 'electron' (and a few Node built-ins), never npm
      // modules or other files: bundle everything it imports (shared/channels.ts and the pure
      // helpers of electron/services/security.ts) into the one file.
      externalizeDeps: false,
      // Sandboxed preloads must be CommonJS.
      rolldownOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [
      react(),
      {
        // The page's strict CSP <meta> would block Vite's inline hot-reload code; in development
        // Electron main sends a relaxed header instead. Built pages keep the meta.
        name: 'memejury-dev-csp',
        apply: 'serve',
        transformIndexHtml: (html: string) =>
          html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/, ''),
      },
    ],
    build: {
      outDir: resolve(root, 'out/renderer'),
      rolldownOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
  },
});
