import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const clientRoot = fileURLToPath(new URL('./client', import.meta.url));
const fromRoot = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// The panel app: served by Express (Vite middleware in development, dist/client in production).
export default defineConfig({
  root: clientRoot,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  server: {
    // In development Vite serves files by path (/@fs/…): only the client's sources, the shared
    // contracts and checks it imports, and packages. Never the data folder (the development
    // SECRET_KEY, the embedded database), the server or the project's own files.
    fs: {
      strict: true,
      allow: [clientRoot, fromRoot('./server/contracts'), fromRoot('./server/compliance'), fromRoot('./server/errors.ts'), fromRoot('./node_modules')],
      deny: ['.env', '.env.*', '*.{crt,pem,key}', '**/.data/**', '**/.git/**'],
    },
  },
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
