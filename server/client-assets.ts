import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import express from 'express';

// Serves the panel: through Vite's middleware in development (hot reload), from the built
// files (npm run build) otherwise. /app and /app/panel both get the panel's index.html;
// /portal/<token> gets the upload page.

const root = path.resolve(import.meta.dirname, '..');
const panelRoutes = ['/app', '/app/panel'];
const portalRoute = '/portal/:token';

/** hmr: live reload for a developer; tests turn it off so parallel servers don't share its port. */
export async function viteClient(options: { hmr?: boolean } = {}): Promise<(app: express.Express) => void> {
  const { createServer } = await import('vite');
  const vite = await createServer({
    configFile: path.join(root, 'vite.config.ts'),
    server: { middlewareMode: true, hmr: options.hmr === false ? false : { port: 24678 } },
    appType: 'custom',
  });
  return (app) => {
    app.use(vite.middlewares);
    app.get(panelRoutes, (req, res, next) => {
      readFile(path.join(root, 'client/index.html'), 'utf8')
        .then((html) => vite.transformIndexHtml(req.originalUrl, html))
        .then((html) => res.type('html').send(html), next);
    });
    app.get(portalRoute, (_req, res, next) => {
      // Transformed as /portal/ so the link's token never reaches the page's HTML.
      readFile(path.join(root, 'client/portal/index.html'), 'utf8')
        .then((html) => vite.transformIndexHtml('/portal/', html))
        .then((html) => portalHeaders(res).type('html').send(html), next);
    });
  };
}

export function builtClient(dir = path.join(root, 'dist/client')): (app: express.Express) => void {
  if (!existsSync(path.join(dir, 'index.html'))) {
    throw new Error(`The panel is not built (${dir}/index.html is missing). Run npm run build first.`);
  }
  return (app) => {
    app.use(express.static(dir, { index: false, maxAge: '1h' }));
    app.get(panelRoutes, (_req, res) => res.sendFile(path.join(dir, 'index.html')));
    app.get(portalRoute, (_req, res) => portalHeaders(res).sendFile(path.join(dir, 'portal/index.html')));
  };
}

/** The upload page carries a personal link: never cached, never sent on as a referrer, never framed. */
function portalHeaders(res: express.Response): express.Response {
  return res
    .setHeader('Cache-Control', 'no-store')
    .setHeader('Referrer-Policy', 'no-referrer')
    .setHeader('Content-Security-Policy', "frame-ancestors 'none'");
}
