import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';

const NOT_BUILT_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Web app not built</title></head>
<body><h1>The web app is not built</h1>
<p>This region controller serves the web app from its build output, which is missing.
Run <code>npm run build</code> at the repository root, then reload this page.</p></body></html>`;

/**
 * Serves the built single-page app: files as they are, and index.html for any
 * other page path so the client router can take over. Paths with a file
 * extension that do not exist get a 404 rather than HTML posing as a script.
 */
export function createWebAppRouter(webDist: string): Router {
  const router = Router();
  const indexFile = path.join(webDist, 'index.html');
  router.use(express.static(webDist, { index: false, maxAge: '1h' }));

  router.get('/{*page}', (req, res, next) => {
    if (path.extname(req.path)) {
      next();
      return;
    }
    if (!existsSync(indexFile)) {
      res.status(503);
      if (req.accepts(['html', 'json']) === 'html') res.type('html').send(NOT_BUILT_HTML);
      else {
        res.json({
          error: {
            code: 'INTERNAL',
            message:
              'The web app is not built; run npm run build at the repository root.',
          },
        });
      }
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexFile);
  });
  return router;
}
