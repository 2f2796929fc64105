#!/usr/bin/env node
// What a person's browser fetches the first time it opens the login page, in Debian's Chromium
// driven by Playwright with an empty cache: every request, its bytes on the wire (compressed as
// served, headers excluded) and its encoding. Prints one line per request and the total in KB.
// Usage: measure-first-load.mjs <base-url> [--max-kb N]   (exits 1 when the total exceeds N)
import { chromium } from 'playwright-core';

const base = process.argv[2];
const maxAt = process.argv.indexOf('--max-kb');
const maxKb = maxAt > 0 ? Number(process.argv[maxAt + 1]) : undefined;
if (!base) {
  console.error('usage: measure-first-load.mjs <base-url> [--max-kb N]');
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  const page = await (await browser.newContext({ locale: 'ja-JP' })).newPage();
  const rows = [];
  page.on('requestfinished', async (request) => {
    const response = await request.response();
    if (!response) return;
    const sizes = await request.sizes();
    rows.push({
      url: request.url().replace(base, ''),
      bytes: sizes.responseBodySize,
      encoding: response.headers()['content-encoding'] ?? 'identity',
      cache: response.headers()['cache-control'] ?? '',
    });
  });
  await page.goto(`${base}/login`, { waitUntil: 'networkidle' });
  await page.getByRole('button', { name: 'ログイン' }).waitFor();
  let total = 0;
  for (const r of rows.sort((a, b) => b.bytes - a.bytes)) {
    total += r.bytes;
    console.log(`${(r.bytes / 1024).toFixed(1).padStart(8)} KB  ${r.encoding.padEnd(8)}  ${r.url}  [${r.cache}]`);
  }
  const kb = total / 1024;
  console.log(`first load of /login: ${rows.length} requests, ${kb.toFixed(1)} KB on the wire`);
  if (maxKb !== undefined && kb > maxKb) {
    console.log(`over the budget of ${maxKb} KB`);
    process.exitCode = 1;
  }
} finally {
  await browser.close();
}
