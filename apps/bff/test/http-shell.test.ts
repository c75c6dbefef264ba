import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  scratchDir,
  startTestController,
  type TestController,
} from './support/controller';
import { createTestDatabase } from './support/database';
import { errorCode, HttpClient } from './support/http-client';

let databaseUrl: string;
let built: TestController;

beforeAll(async () => {
  databaseUrl = await createTestDatabase();
  const webDist = path.join(await scratchDir('bff-web-'), 'dist');
  await mkdir(path.join(webDist, 'assets'), { recursive: true });
  await writeFile(
    path.join(webDist, 'index.html'),
    '<!doctype html><title>app shell</title>',
  );
  await writeFile(path.join(webDist, 'assets', 'app.js'), 'console.log(1);');
  built = await startTestController(databaseUrl, { webDist });
});

describe('serving the web app', () => {
  it('serves index.html for page paths so the client router can take over', async () => {
    for (const page of ['/', '/login', '/settings/vault']) {
      const client = new HttpClient(built.url);
      const result = await client.request('GET', page);
      expect(result.status).toBe(200);
      expect(result.text).toContain('app shell');
      expect(client.cookies.get('csrftoken')).toBeDefined();
    }
  });

  it('answers page and asset paths that are not valid percent-encoding with 400', async () => {
    const client = new HttpClient(built.url);
    for (const page of ['/%ZZ', '/settings/%ZZ', '/assets/%ZZ']) {
      const result = await client.get(page);
      expect(result.status).toBe(400);
      expect(errorCode(result)).toBe('VALIDATION_FAILED');
    }
  });

  it('serves built assets, and 404s a missing asset instead of sending HTML', async () => {
    const client = new HttpClient(built.url);
    const asset = await client.get('/assets/app.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect((await client.get('/assets/missing.js')).status).toBe(404);
  });

  it('says how to build the web app when it is missing: HTML for browsers, JSON otherwise', async () => {
    const bare = await startTestController(databaseUrl);
    const client = new HttpClient(bare.url);
    const html = await fetch(new URL('/settings/vault', bare.url), {
      headers: { Accept: 'text/html' },
    });
    const json = await client.get('/login');

    expect(html.status).toBe(503);
    expect(await html.text()).toContain('npm run build');
    expect(json.status).toBe(503);
    expect((json.body as { error: { message: string } }).error.message).toContain(
      'npm run build',
    );
    await bare.close();
  });

  it('keeps unknown API paths as JSON 404s rather than the app shell', async () => {
    const result = await new HttpClient(built.url).get('/api/v1/unknown');
    expect(result.status).toBe(404);
    expect(errorCode(result)).toBe('NOT_FOUND');
  });
});

describe('operations endpoints and headers', () => {
  it('answers /healthz', async () => {
    const result = await new HttpClient(built.url).get('/healthz');
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ status: 'ok' });
  });

  it('exports request counts by route pattern and status, and default metrics', async () => {
    const client = new HttpClient(built.url);
    await client.get('/api/v1/controllers');
    await client.get('/api/v1/controllers/not-a-uuid');
    const metrics = await client.get('/metrics');

    expect(metrics.headers.get('content-type')).toMatch(/text\/plain/);
    expect(metrics.text).toMatch(
      /http_requests_total\{method="GET",route="\/api\/v1\/controllers",status="401"\} \d+/,
    );
    expect(metrics.text).toContain('route="/api/v1/controllers/:id"');
    expect(metrics.text).not.toContain('not-a-uuid');
    expect(metrics.text).toContain('http_request_duration_seconds_bucket');
    expect(metrics.text).toContain('process_cpu_user_seconds_total');
  });

  it('sends security headers and no X-Powered-By', async () => {
    const result = await new HttpClient(built.url).get('/healthz');
    expect(result.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(result.headers.get('x-content-type-options')).toBe('nosniff');
    expect(result.headers.get('x-powered-by')).toBeNull();
  });
});

describe('paths nobody serves', () => {
  it('answers a POST to a page path with the 404 envelope, not an HTML error page', async () => {
    const result = await new HttpClient(built.url).request('POST', '/settings/vault', {
      json: {},
    });
    expect(result.status).toBe(404);
    expect(errorCode(result)).toBe('NOT_FOUND');
  });

  it('never repeats a query string in a 404 message', async () => {
    const result = await new HttpClient(built.url).get(
      '/api/v1/nope?token=hvs.secret-ish',
    );
    expect(result.status).toBe(404);
    expect(result.text).not.toContain('hvs.secret-ish');
  });
});
