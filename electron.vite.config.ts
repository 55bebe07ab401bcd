import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import { PAGE_CSP, withCspMeta } from './shared/csp';

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
        // The page's CSP comes from shared/csp.ts: written into the built index.html (the policy
        // Electron's file:// page and browser mode enforce); left out by the dev server, whose
        // inline hot-reload code it would block (Electron main sends DEV_CSP as a header there).
        name: 'memejury-csp',
        transformIndexHtml: {
          order: 'pre',
          handler: (html: string, ctx: { server?: unknown }) =>
            withCspMeta(html, ctx.server ? null : PAGE_CSP),
        },
      },
    ],
    build: {
      // electron-vite leaves the renderer unminified: minified it is 60% smaller, and the page
      // parses and runs it that much sooner (first meme painted, README "Benchmark").
      minify: true,
      outDir: resolve(root, 'out/renderer'),
      rolldownOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
  },
});
