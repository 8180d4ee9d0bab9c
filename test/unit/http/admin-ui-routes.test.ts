import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
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

  it('answers a missing asset with 404, not with the page', async () => {
    const response = await get('/admin/assets/index-gone.js');
    expect(response.status).toBe(404);
  });

  it('leaves other paths to the routes after it', async () => {
    expect(await (await get('/graphql')).json()).toEqual({ ok: true });
  });
});
