import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { adminUiRoutes } from '../../../api/http/admin-ui';

let dist: string;
let server: Server;
let base: string;

beforeAll(async () => {
  dist = await mkdtemp(join(tmpdir(), 'leakshield-admin-ui-'));
  const app = express();
  app.use(adminUiRoutes(dist));
  app.get('/graphql', (_req, res) => res.json({ ok: true }));
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(dist, { recursive: true, force: true });
});

const get = (path: string) => fetch(`${base}${path}`, { redirect: 'manual' });

/** A GET without decoding, to see the bytes and headers as sent. */
function rawGet(
  path: string,
  acceptEncoding: string,
): Promise<{ headers: IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    request(`${base}${path}`, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ headers: res.headers, body }));
    })
      .on('error', reject)
      .end();
  });
}

describe('the console before it is built', () => {
  it('answers /admin/ with a 503 page that says how to build it', async () => {
    const response = await get('/admin/detections');
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run build');
  });
});

describe('the built console', () => {
  beforeAll(async () => {
    await mkdir(join(dist, 'assets'), { recursive: true });
    await writeFile(join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
    await writeFile(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
    await writeFile(join(dist, 'assets', 'index-abc123.js.br'), 'brotli bytes');
    await writeFile(join(dist, 'assets', 'index-abc123.js.gz'), 'gzip bytes');
  });

  it('sends / to /admin/', async () => {
    const response = await get('/');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/admin/');
  });

  it('adds the trailing slash to /admin so relative asset paths resolve', async () => {
    const response = await get('/admin');
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/admin/');
  });

  it('serves the page, never cached, at /admin/ and at any client-side route', async () => {
    for (const path of ['/admin/', '/admin/detections/2b1f/show', '/admin/login']) {
      const response = await get(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toContain('<div id="root">');
    }
  });

  it('serves hashed assets with a year-long cache', async () => {
    const response = await get('/admin/assets/index-abc123.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('immutable');
  });

  it('sends the precompressed copy the browser accepts, as a script', async () => {
    const asked = (encoding: string) =>
      fetch(`${base}/admin/assets/index-abc123.js`, { headers: { 'accept-encoding': encoding } });
    // fetch would decode a real encoding; the raw headers and bytes are what the browser receives.
    const br = await rawGet('/admin/assets/index-abc123.js', 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.body).toBe('brotli bytes');
    const gzipped = await rawGet('/admin/assets/index-abc123.js', 'gzip');
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.body).toBe('gzip bytes');
    const plain = await asked('identity');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe('console.log(1)');
  });

  it('answers a missing asset with 404, not with the page', async () => {
    const response = await get('/admin/assets/index-gone.js');
    expect(response.status).toBe(404);
  });

  it('leaves other paths to the routes after it', async () => {
    expect(await (await get('/graphql')).json()).toEqual({ ok: true });
  });
});
