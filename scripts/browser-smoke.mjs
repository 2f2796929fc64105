#!/usr/bin/env node
// A person's first minute, in Debian's Chromium driven by Playwright: the login page is in
// Japanese, a demo officer logs in and sees their unit, and a not-yet-built domain says 準備中.
// Usage: browser-smoke.mjs <base-url>
import { chromium } from 'playwright-core';

const base = process.argv[2];
if (!base) {
  console.error('usage: browser-smoke.mjs <base-url>');
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  // Chromium's own background traffic is refused on a closed network; turn it off.
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
let failed = 0;
async function step(name, fn) {
  try {
    await fn();
    console.log(`ok: browser: ${name}`);
  } catch (e) {
    failed++;
    console.log(`FAILED: browser: ${name}: ${e.message.split('\n')[0]}`);
  }
}
try {
  const page = await browser.newPage();
  page.setDefaultTimeout(10_000);
  await step('login page in Japanese', async () => {
    await page.goto(`${base}/login`);
    await page.getByRole('button', { name: 'ログイン' }).waitFor();
    await page.getByLabel('ログインID').waitFor();
  });
  await step('a wrong password shows a Japanese error', async () => {
    await page.getByLabel('ログインID').fill('chuo.sato');
    await page.locator('input[type=password]').fill('wrong-password');
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.getByText('ログインIDまたはパスワードが正しくありません').waitFor();
  });
  await step('a demo officer logs in and sees their station', async () => {
    await page.locator('input[type=password]').fill('renkei-demo-2026');
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.getByText('仙台中央警察署').first().waitFor();
  });
  await step('a domain not built yet says 準備中', async () => {
    await page.getByRole('link', { name: /ダッシュボード/ }).click();
    await page.getByText('この機能は準備中です').waitFor();
  });
} finally {
  await browser.close();
}
console.log(`browser smoke: ${failed === 0 ? 'all passed' : `${failed} failed`}`);
process.exit(failed === 0 ? 0 : 1);
