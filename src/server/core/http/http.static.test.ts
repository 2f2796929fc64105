import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { createLogger } from '../log/logger.js';
import { ASSET_CACHE, buildHttp } from './http.server.js';

// The web app as scripts/build.mjs leaves it: hashed assets with a .br and a .gz beside each.
const script = `export const greeting = ${JSON.stringify('連携 '.repeat(500))};\n`;
let dir: string;
let app: FastifyInstance;
before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renkei-web-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  const html = '<!doctype html><html lang="ja"><body><div id="root"></div></body></html>';
  fs.writeFileSync(path.join(dir, 'index.html'), html);
  fs.writeFileSync(path.join(dir, 'index.html.gz'), zlib.gzipSync(html));
  const asset = path.join(dir, 'assets', 'index-Ab12Cd34.js');
  fs.writeFileSync(asset, script);
  fs.writeFileSync(`${asset}.br`, zlib.brotliCompressSync(script));
  fs.writeFileSync(`${asset}.gz`, zlib.gzipSync(script));
  ({ app } = await buildHttp({
    logger: createLogger('silent'),
    bodyLimit: 4096,
    trustProxy: false,
    version: 'test',
    authenticate: async () => null,
    routes: [],
    webRoot: dir,
  }));
});
after(async () => {
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a hashed asset is cached for a year without revalidation and sent brotli-compressed to a browser that accepts it', async () => {
  const r = await app.inject({ url: '/assets/index-Ab12Cd34.js', headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
  assert.equal(r.statusCode, 200);
  assert.equal(r.headers['cache-control'], ASSET_CACHE);
  assert.match(String(r.headers['cache-control']), /immutable/);
  assert.equal(r.headers['content-encoding'], 'br');
  assert.match(String(r.headers['content-type']), /javascript/);
  assert.match(String(r.headers.vary), /accept-encoding/i);
  assert.ok(r.rawPayload.length < script.length / 10, 'the compressed copy is what goes over the wire');
  assert.equal(zlib.brotliDecompressSync(r.rawPayload).toString(), script);
});

test('a browser that accepts only gzip gets the gzip copy, and one that accepts nothing the file itself', async () => {
  const gz = await app.inject({ url: '/assets/index-Ab12Cd34.js', headers: { 'accept-encoding': 'gzip' } });
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.equal(zlib.gunzipSync(gz.rawPayload).toString(), script);
  const plain = await app.inject({ url: '/assets/index-Ab12Cd34.js', headers: { 'accept-encoding': 'identity' } });
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.equal(plain.body, script);
  assert.equal(plain.headers['cache-control'], ASSET_CACHE);
});

test('a page URL gets index.html, revalidated on every load so a new release is picked up at once', async () => {
  const r = await app.inject({ url: '/intake/new', headers: { 'accept-encoding': 'gzip' } });
  assert.equal(r.statusCode, 200);
  assert.equal(r.headers['cache-control'], 'no-cache');
  assert.equal(r.headers['content-encoding'], 'gzip');
  assert.match(zlib.gunzipSync(r.rawPayload).toString(), /lang="ja"/);
});

test('a missing asset is a 404, not the page', async () => {
  const r = await app.inject({ url: '/assets/gone-Zz99.js', headers: { 'accept-encoding': 'br' } });
  assert.equal(r.statusCode, 404);
});
