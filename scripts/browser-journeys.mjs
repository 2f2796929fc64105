#!/usr/bin/env node
// Intake journeys in Debian's Chromium driven by Playwright, against a built server started with
// --demo (its demo data has a fraud number recorded at 仙台中央署):
//  1. a 石巻署 officer records a consultation with that number; the form tells them it is known
//     elsewhere without showing the other record; the rules escalate it; the cyber division
//     acknowledges it and writes guidance; the officer sees the status and the guidance;
//  2. a search for 「詐欺」 finds it.
// Usage: browser-journeys.mjs <base-url>. Prints one "ok:"/"FAILED:" line per step.
import { chromium } from 'playwright-core';

const base = process.argv[2];
if (!base) {
  console.error('usage: browser-journeys.mjs <base-url>');
  process.exit(2);
}
const PASSWORD = 'renkei-demo-2026';
const SHARED_PHONE = '03-6868-1234'; // src/server/domains/intake/intake.demo.ts
const SUMMARY = `同一番号からの架空請求（${Date.now() % 100000}）`;

/** Enrol the analyst's second factor over the API once, keeping a recovery code for the browser. */
async function enrolAnalyst(loginId) {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ loginId, password: PASSWORD }),
  });
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const info = await login.json();
  if (info.next !== 'done') throw new Error(`unexpected login state ${info.next}`);
  const h = { cookie, 'x-csrf-token': info.csrfToken, 'content-type': 'application/json' };
  const setup = await (await fetch(`${base}/api/auth/mfa/totp/setup`, { method: 'POST', headers: h, body: '{}' })).json();
  const { generate } = await import('otplib');
  const code = await generate({ secret: setup.secret });
  const confirm = await fetch(`${base}/api/auth/mfa/totp/confirm`, { method: 'POST', headers: h, body: JSON.stringify({ code }) });
  if (!confirm.ok) throw new Error(`enrolment failed: ${await confirm.text()}`);
  return (await confirm.json()).recoveryCodes;
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
let failed = 0;
let stop = false;
async function step(name, fn) {
  if (stop) {
    failed++;
    console.log(`FAILED: journey: ${name}: not reached`);
    return;
  }
  try {
    await fn();
    console.log(`ok: journey: ${name}`);
  } catch (e) {
    failed++;
    stop = true;
    console.log(`FAILED: journey: ${name}: ${e.message.split('\n')[0]}`);
  }
}

async function login(page, loginId, recovery) {
  await page.goto(`${base}/login`);
  await page.getByLabel('ログインID').fill(loginId);
  await page.locator('input[type=password]').fill(PASSWORD);
  await page.getByRole('button', { name: 'ログイン' }).click();
  if (recovery) {
    await page.getByRole('button', { name: 'リカバリーコードを使う' }).click();
    await page.getByLabel('リカバリーコード').fill(recovery);
    await page.getByRole('button', { name: '確認', exact: true }).click();
  }
  await page.getByRole('button', { name: 'ログアウト' }).waitFor();
}

async function choose(page, label, option) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

try {
  const recovery = await enrolAnalyst('cyber.watanabe');
  const officer = await (await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' })).newPage();
  officer.setDefaultTimeout(15_000);
  let recordUrl = '';
  await step('a station officer opens the intake form', async () => {
    await login(officer, 'ishinomaki.suzuki');
    await officer.goto(`${base}/intake/new`);
    await officer.getByLabel('相談内容').waitFor();
  });
  await step('the form shows the number is known in another unit, without its content', async () => {
    await choose(officer, '分類', '詐欺・悪質商法関係等');
    await choose(officer, '手口', '特殊詐欺（オレオレ・架空料金請求等）');
    await officer.getByLabel('件名').fill(SUMMARY);
    await officer
      .getByLabel('相談内容')
      .fill(`${SHARED_PHONE} から「未納料金がある」と電話があり、コンビニで支払うよう求められた。詐欺と思い相談。`);
    await officer
      .getByText(/他所属/)
      .first()
      .waitFor();
    const body = (await officer.locator('body').textContent()) ?? '';
    if (body.includes('青葉 一郎') || body.includes('有料動画サイト'))
      throw new Error('the other station\u2019s record leaked into the form');
  });
  await step('saving it: the rules escalate it to サイバー課', async () => {
    await officer.getByRole('button', { name: '登録', exact: true }).click();
    await officer.waitForURL(/\/intake\/[0-9a-f-]{36}$/);
    recordUrl = officer.url();
    await officer.getByText('報告中（未確認）').first().waitFor();
  });
  const analyst = await (await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' })).newPage();
  analyst.setDefaultTimeout(15_000);
  await step('the cyber division lands on ホーム with the reports waiting, counted in the menu', async () => {
    await login(analyst, 'cyber.watanabe', recovery.pop());
    await analyst.getByRole('heading', { name: 'ホーム', level: 1 }).waitFor();
    await analyst.getByRole('region', { name: '新しい報告（未確認）' }).waitFor();
    await analyst.getByRole('link', { name: /相談受理\s*対応が必要 \d+ 件/ }).waitFor();
  });
  await step('the cyber division sees it in the queue and acknowledges it', async () => {
    await analyst.goto(`${base}/intake/escalations`);
    const row = analyst.getByRole('row', { name: new RegExp(SUMMARY.replace(/[()（）]/g, '.')) });
    await row.waitFor();
    await row.getByRole('button', { name: '確認', exact: true }).click();
    await analyst
      .getByText(/報告を確認しました/)
      .first()
      .waitFor();
    await row.getByRole('button', { name: '指導を返す' }).waitFor();
  });
  await step('the cyber division writes guidance', async () => {
    const row = analyst.getByRole('row', { name: new RegExp(SUMMARY.replace(/[()（）]/g, '.')) });
    await row.getByRole('button', { name: '指導を返す' }).click();
    await analyst.getByLabel('指導内容').fill('仙台中央署の同種事案と同一番号です。通話履歴の保全を依頼してください。');
    await analyst.getByRole('button', { name: '送信' }).click();
    await analyst.getByLabel('指導内容').waitFor({ state: 'detached' });
    await analyst
      .getByText(/指導を.+へ送りました/)
      .first()
      .waitFor();
  });
  await step('the officer opens the guidance from ホーム: the record at the guidance, highlighted', async () => {
    await officer.goto(`${base}/`);
    const received = officer.getByRole('region', { name: /サイバー課からの指導/ });
    await received.getByRole('link', { name: new RegExp(SUMMARY.replace(/[()（）]/g, '.')) }).click();
    await officer.waitForURL(/\/intake\/[0-9a-f-]{36}#guidance-[0-9a-f-]{36}$/);
    if (!officer.url().startsWith(recordUrl)) throw new Error(`opened ${officer.url()}, not the record`);
    await officer.locator('[data-highlighted]', { hasText: '通話履歴の保全を依頼してください' }).waitFor();
    await officer.getByText('指導済').first().waitFor();
  });
  await step('a search for 詐欺 finds the record', async () => {
    await officer.goto(`${base}/intake`);
    await officer.getByLabel('キーワード検索').fill('詐欺');
    await officer.getByLabel('キーワード検索').press('Enter');
    await officer.getByText(SUMMARY).first().waitFor();
    await officer.locator('mark', { hasText: '詐欺' }).first().waitFor();
  });
} catch (e) {
  failed++;
  console.log(`FAILED: journey: setup: ${e.message}`);
} finally {
  await browser.close();
}
process.exit(failed === 0 ? 0 : 1);
