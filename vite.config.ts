import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const clientRoot = fileURLToPath(new URL('./client', import.meta.url));

// The panel app: served by Express (Vite middleware in development, dist/client in production).
export default defineConfig({
  root: clientRoot,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fileURLToPath(new URL('./dist/client', import.meta.url)),
    emptyOutDir: true,
    rollupOptions: {
      input: {
        panel: fileURLToPath(new URL('./client/index.html', import.meta.url)),
        // The subcontractor upload page: its own small entry, without the Procore UI kit.
        portal: fileURLToPath(new URL('./client/portal/index.html', import.meta.url)),
      },
      onwarn(warning, warn) {
        // React Query marks modules "use client" for React Server Components; meaningless in this SPA.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
});
