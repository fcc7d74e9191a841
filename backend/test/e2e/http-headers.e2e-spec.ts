import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createTestApp, login, TestApp } from '../support/test-app';

/** Issue #9 A16: caching, request ids and compression, as a browser and a proxy see them. */
describe('HTTP headers', () => {
  let t: TestApp;
  let ui: string;
  const bundle = `console.log(${JSON.stringify('点单 '.repeat(4000))});`;

  beforeAll(async () => {
    ui = mkdtempSync(join(tmpdir(), 'diandan-ui-'));
    writeFileSync(
      join(ui, 'index.html'),
      `<!doctype html><html><body><app-root></app-root>${'<!-- -->'.repeat(300)}</body></html>`,
    );
    writeFileSync(join(ui, 'main-3LULUPLH.js'), bundle);
    writeFileSync(join(ui, 'styles-NRNTT4WM.css'), 'body{margin:0}'.repeat(200));
    writeFileSync(join(ui, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    t = await createTestApp({ STATIC_DIR: ui });
  });
  afterAll(async () => {
    await t.close();
    rmSync(ui, { recursive: true, force: true });
  });

  describe('Cache-Control: no-store on every API answer', () => {
    it('on sign-in, refresh, logout and /me', async () => {
      const signIn = await t.http().post('/api/v1/auth/login').send({ username: 'admin', password: 'Diandan@2026' });
      expect([signIn.status, signIn.headers['cache-control']]).toEqual([200, 'no-store']);
      const refresh = await t.http().post('/api/v1/auth/refresh').send({ refreshToken: signIn.body.refreshToken });
      expect([refresh.status, refresh.headers['cache-control']]).toEqual([200, 'no-store']);
      const me = await t.http().get('/api/v1/me').set('Authorization', `Bearer ${refresh.body.accessToken}`);
      expect([me.status, me.headers['cache-control']]).toEqual([200, 'no-store']);
      const logout = await t.http().post('/api/v1/auth/logout').send({ refreshToken: refresh.body.refreshToken });
      expect([logout.status, logout.headers['cache-control']]).toEqual([204, 'no-store']);
    });

    it('on problems and on public reads too', async () => {
      expect((await t.http().get('/api/v1/me')).headers['cache-control']).toBe('no-store');
      expect((await t.http().get('/api/v1/organisations/register/regions')).headers['cache-control']).toBe('no-store');
    });
  });

  describe('X-Request-Id', () => {
    it('is on every answer, the early 400/413/415 and a 404 included, and matches the problem body', async () => {
      const answers = [
        await t.http().post('/api/v1/auth/login').set('Content-Type', 'application/json').send('{"username": '),
        await t
          .http()
          .post('/api/v1/auth/login')
          .set('Content-Type', 'application/json')
          .send(JSON.stringify({ username: 'x'.repeat(1_100_000), password: 'x' })),
        await t.http().post('/api/v1/auth/login').set('Content-Type', 'text/plain').send('x'),
        await t.http().get('/api/v1/regions/%E0%A4%A'), // a broken percent-encoding, refused by the router itself
        await t.http().get('/api/v1/nothing-here'),
      ];
      expect(answers.map((r) => r.status)).toEqual([400, 413, 415, 400, 404]);
      for (const r of answers) {
        expect(r.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
        expect(r.body.requestId).toBe(r.headers['x-request-id']);
      }
    });

    it('keeps a caller-supplied id that is a plain token, and replaces one that is not', async () => {
      const mine = await t.http().get('/api/v1/me').set('X-Request-Id', 'gateway-42.a:b_c');
      expect(mine.headers['x-request-id']).toBe('gateway-42.a:b_c');
      expect(mine.body.requestId).toBe('gateway-42.a:b_c');
      const bad = await t.http().get('/api/v1/me').set('X-Request-Id', 'x y<script>');
      expect(bad.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  describe('compression', () => {
    it('compresses JSON with gzip or br as the client asks', async () => {
      const { accessToken } = await login(t, 'admin');
      for (const encoding of ['gzip', 'br']) {
        const res = await t
          .http()
          .get('/api/v1/regions/tree')
          .set('Authorization', `Bearer ${accessToken}`)
          .set('Accept-Encoding', encoding);
        expect([res.status, res.headers['content-encoding']]).toEqual([200, encoding]);
        expect(Array.isArray(res.body)).toBe(true); // still the JSON, once inflated
      }
    });

    it('compresses the UI and leaves it alone for a client that does not accept it', async () => {
      const gz = await t.http().get('/main-3LULUPLH.js').set('Accept-Encoding', 'gzip, deflate, br');
      expect(gz.headers['content-encoding']).toBe('br');
      expect(gz.text).toBe(bundle);
      const plain = await t.http().get('/main-3LULUPLH.js').set('Accept-Encoding', 'identity');
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(Number(plain.headers['content-length'])).toBe(Buffer.byteLength(bundle));
    });
  });

  describe('caching the UI', () => {
    it('marks content-hashed bundles immutable for a year', async () => {
      for (const file of ['/main-3LULUPLH.js', '/styles-NRNTT4WM.css']) {
        const res = await t.http().get(file);
        expect([res.status, res.headers['cache-control']]).toEqual([200, 'public, max-age=31536000, immutable']);
      }
    });

    it('revalidates index.html, the page routes and unhashed files on each use', async () => {
      for (const path of ['/', '/tenders/12', '/favicon.svg']) {
        const res = await t.http().get(path);
        expect([path, res.status, res.headers['cache-control']]).toEqual([path, 200, 'no-cache']);
      }
    });

    it('answers a missing bundle with 404, not with the page', async () => {
      const res = await t.http().get('/chunk-OLDOLD12.js');
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).not.toMatch(/text\/html/);
    });
  });
});
