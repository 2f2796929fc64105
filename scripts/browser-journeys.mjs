#!/usr/bin/env node
// Intake journeys in Debian's Chromium driven by Playwright, against a built server started with
// --demo (its demo data has a fraud number recorded at 仙台中央署):
//  1. a 石巻署 officer records a consultation with that number; the form tells them it is known
//     elsewhere without showing the other record; the rules escalate it; the cyber division
//     acknowledges it and writes guidance; the officer sees the status and the guidance;
//  2. a search for 「詐欺」 finds it.
// Usage: browser-journeys.mjs <base-url>. Prints one "ok:"/"FAILED:" line per step.
import { enrolSecondFactor, launchChromium, logIn } from './browser.mjs';

const base = process.argv[2];
if (!base) {
  console.error('usage: browser-journeys.mjs <base-url>');
  process.exit(2);
}
const SHARED_PHONE = '03-6868-1234'; // src/server/domains/intake/intake.demo.ts
const SUMMARY = `同一番号からの架空請求（${Date.now() % 100000}）`;

const browser = await launchChromium();
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

const login = (page, loginId, recovery) => logIn(page, base, loginId, { recovery });

/**
 * What the people in the journey do with mouse and keyboard, counted as they do it: a click is
 * one, typed text one keystroke a character (before any input method).
 */
const effort = { clicks: 0, keys: 0 };
async function click(locator) {
  await locator.click();
  effort.clicks++;
}
async function type(locator, text) {
  await locator.fill(text);
  effort.keys += [...text].length;
}

async function choose(page, label, option) {
  await click(page.getByRole('combobox', { name: label, exact: true }));
  await click(page.getByRole('option', { name: option, exact: true }));
}

try {
  const recovery = await enrolSecondFactor(base, 'cyber.watanabe');
  const officer = await (await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' })).newPage();
  officer.setDefaultTimeout(15_000);
  let recordUrl = '';
  await step('a station officer opens the intake form', async () => {
    await login(officer, 'ishinomaki.suzuki');
    // From the page a person lands on after login, as they would get there: menu, then tab.
    await click(officer.getByRole('link', { name: '相談受理' }).first());
    await click(
      officer
        .getByRole('tab', { name: '新規受理' })
        .or(officer.getByRole('link', { name: '新規受理' }))
        .first(),
    );
    await officer.getByLabel('相談内容').waitFor();
  });
  await step('the form shows the number is known in another unit, without its content', async () => {
    await choose(officer, '分類', '詐欺・悪質商法関係等');
    await choose(officer, '手口', '特殊詐欺（オレオレ・架空料金請求等）');
    await type(officer.getByLabel('件名'), SUMMARY);
    await type(
      officer.getByLabel('相談内容'),
      `${SHARED_PHONE} から「未納料金がある」と電話があり、コンビニで支払うよう求められた。詐欺と思い相談。`,
    );
    await officer
      .getByText(/他所属/)
      .first()
      .waitFor();
    const body = (await officer.locator('body').textContent()) ?? '';
    if (body.includes('青葉 一郎') || body.includes('有料動画サイト'))
      throw new Error('the other station\u2019s record leaked into the form');
  });
  await step('saving it: the rules escalate it to サイバー課', async () => {
    await click(officer.getByRole('button', { name: '登録', exact: true }));
    await officer.waitForURL(/\/intake\/[0-9a-f-]{36}$/);
    recordUrl = officer.url();
    await officer.getByText('報告中（未確認）').first().waitFor();
    console.log(`intake journey (officer, landing page to saved record): ${effort.clicks} clicks, ${effort.keys} keystrokes`);
    effort.clicks = 0;
    effort.keys = 0;
  });
  const analyst = await (await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' })).newPage();
  analyst.setDefaultTimeout(15_000);
  await step('the cyber division lands on ホーム with the reports waiting, counted in the menu', async () => {
    await login(analyst, 'cyber.watanabe', recovery.pop());
    await analyst.getByRole('heading', { name: 'ホーム', level: 1 }).waitFor();
    await analyst.getByRole('region', { name: '新しい報告（未確認）' }).waitFor();
    await analyst.getByRole('link', { name: /相談受理\s*対応が必要 \d+ 件/ }).waitFor();
  });
  await step('the cyber division opens the queue from the menu and acknowledges the report', async () => {
    await click(analyst.getByRole('link', { name: /相談受理/ }).first());
    await click(
      analyst
        .getByRole('tab', { name: /報告受信/ })
        .or(analyst.getByRole('link', { name: /報告受信/ }))
        .first(),
    );
    const row = analyst.getByRole('row', { name: new RegExp(SUMMARY.replace(/[()（）]/g, '.')) });
    await row.waitFor();
    await click(row.getByRole('button', { name: '確認', exact: true }));
    await analyst
      .getByText(/報告を確認しました/)
      .first()
      .waitFor();
    await row.getByRole('button', { name: '指導を返す' }).waitFor();
  });
  await step('the cyber division writes guidance', async () => {
    const row = analyst.getByRole('row', { name: new RegExp(SUMMARY.replace(/[()（）]/g, '.')) });
    await click(row.getByRole('button', { name: '指導を返す' }));
    await type(analyst.getByLabel('指導内容'), '仙台中央署の同種事案と同一番号です。通話履歴の保全を依頼してください。');
    await click(analyst.getByRole('button', { name: '送信' }));
    await analyst.getByLabel('指導内容').waitFor({ state: 'detached' });
    await analyst
      .getByText(/指導を.+へ送りました/)
      .first()
      .waitFor();
    console.log(`escalation handling (analyst, landing page to guidance sent): ${effort.clicks} clicks, ${effort.keys} keystrokes`);
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
