import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import express, { Router, type Request, type Response } from 'express';

/** Where the console lives; the Vite build uses the same base. */
export const ADMIN_UI_BASE = '/admin';

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>LeakShield console not built</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1f2937}
code{background:#f3f4f6;padding:.1rem .3rem;border-radius:.2rem}</style></head>
<body><h1>The LeakShield console has not been built</h1>
<p>The API is running, but there is no console build to serve. Build it with <code>npm run build</code>
(or <code>npm run build:ui</code>) and reload this page. GraphQL stays available at <code>/graphql</code>.</p>
</body></html>`;

/**
 * Serves the built console (admin-ui/dist) under /admin/: hashed assets cached for a year, index.html never
 * cached, client-side routes answered with index.html, `/` sent to /admin/, and a clear 503 page when the
 * console was not built (the build is checked on each request, so building while the API runs just works).
 * @example app.use(adminUiRoutes(resolve(__dirname, '../../admin-ui/dist')));
 */
export function adminUiRoutes(distDir: string): Router {
  const router = Router();
  const indexFile = join(distDir, 'index.html');
  const built = (): boolean => existsSync(indexFile);

  const sendIndex = (res: Response): void => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexFile);
  };
  const sendNotBuilt = (res: Response): void => {
    res.status(503).setHeader('Cache-Control', 'no-store').type('html').send(NOT_BUILT_PAGE);
  };

  router.get('/', (_req, res) => res.redirect(302, `${ADMIN_UI_BASE}/`));

  router.use(ADMIN_UI_BASE, (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (!built()) return sendNotBuilt(res);
    // `/admin` alone: relative asset URLs need the trailing slash.
    if (req.originalUrl === ADMIN_UI_BASE || req.originalUrl.startsWith(`${ADMIN_UI_BASE}?`)) {
      return res.redirect(301, `${ADMIN_UI_BASE}/${req.originalUrl.slice(ADMIN_UI_BASE.length)}`);
    }
    next();
  });

  // Scripts and stylesheets precompressed by the build (.br, .gz): sent as they are when the browser takes them.
  router.get(`${ADMIN_UI_BASE}/assets/:file`, (req, res, next) => {
    const file = String(req.params.file);
    if (!/^[\w.-]+\.(js|css)$/.test(file)) return next();
    const encoding = acceptedEncoding(req, join(distDir, 'assets', file));
    if (!encoding) return next();
    res.setHeader('Content-Encoding', encoding.name);
    res.setHeader('Vary', 'Accept-Encoding');
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    res.type(extname(file));
    res.sendFile(encoding.path);
  });

  router.use(
    ADMIN_UI_BASE,
    express.static(distDir, {
      index: false,
      fallthrough: true,
      setHeaders: (res, path) => {
        res.setHeader('Vary', 'Accept-Encoding');
        const immutable = path.includes(`${join(distDir, 'assets')}`);
        res.setHeader('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    }),
  );

  router.use(ADMIN_UI_BASE, (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    // A missing file (a stale chunk name) is a 404, not the page: a script tag must not receive HTML.
    if (extname(req.path) !== '') {
      res.status(404).type('text').send('Not found');
      return;
    }
    sendIndex(res);
  });

  return router;
}

/** The best precompressed copy of `file` that the request accepts (brotli, then gzip), if the build made one. */
function acceptedEncoding(req: Request, file: string): { name: 'br' | 'gzip'; path: string } | null {
  const accepted = String(req.headers['accept-encoding'] ?? '');
  if (/\bbr\b/.test(accepted) && existsSync(`${file}.br`)) return { name: 'br', path: `${file}.br` };
  if (/\bgzip\b/.test(accepted) && existsSync(`${file}.gz`)) return { name: 'gzip', path: `${file}.gz` };
  return null;
}
