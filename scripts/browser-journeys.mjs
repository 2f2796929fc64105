#!/usr/bin/env node
// Intake and case journeys in Debian's Chromium driven by Playwright, against a built server started with
// --demo (its demo data has a fraud number recorded at 仙台中央署):
//  1. a 石巻署 officer records a consultation with that number; the form tells them it is known
//     elsewhere without showing the other record; the rules escalate it; the cyber division
//     acknowledges it and writes guidance; the officer sees the status and the guidance;
//  2. a search for 「詐欺」 finds it;
//  3. サイバー課 turns it into a case, gives the case a task and sends an analysis request to
//     情報技術解析課, which accepts and answers it from its home page; the station sees the case;
//  4. サイバー課 drafts a 捜査関係事項照会書 on the case, a colleague approves it (the drafter cannot),
//     the letter takes the division's next number and downloads as a PDF.
// Usage: browser-journeys.mjs <base-url>. Prints one "ok:"/"FAILED:" line per step.
import fs from 'node:fs';
import { enrolSecondFactor, launchChromium, logIn } from './browser.mjs';

const base = process.argv[2];
if (!base) {
  console.error('usage: browser-journeys.mjs <base-url>');
  process.exit(2);
}
// JOURNEY_ENGINE names the database in each line when the journeys run again on another engine.
const label = process.env.JOURNEY_ENGINE ? `journey (${process.env.JOURNEY_ENGINE})` : 'journey';
const SHARED_PHONE = '03-6868-1234'; // src/server/domains/intake/intake.demo.ts
const SUMMARY = `同一番号からの架空請求（${Date.now() % 100000}）`;

const browser = await launchChromium();
let failed = 0;
let stop = false;
async function step(name, fn) {
  if (stop) {
    failed++;
    console.log(`FAILED: ${label}: ${name}: not reached`);
    return;
  }
  try {
    await fn();
    console.log(`ok: ${label}: ${name}`);
  } catch (e) {
    failed++;
    stop = true;
    console.log(`FAILED: ${label}: ${name}: ${e.message.split('\n')[0]}`);
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
  // ---- cases: the record becomes a case at サイバー課, which gives a task and asks 情報技術解析課 ----
  const TASK = '通話履歴の保全依頼（携帯電話事業者）';
  const REQUEST = `同一番号の通話記録の解析（${Date.now() % 100000}）`;
  let caseNo = '';
  let caseUrl = '';
  await step('サイバー課 turns the record into a case (事件化)', async () => {
    effort.clicks = 0;
    effort.keys = 0;
    await analyst.goto(recordUrl);
    await click(analyst.getByRole('button', { name: '事件化', exact: true }));
    await click(analyst.getByRole('button', { name: '事件として登録' }));
    await analyst.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    const heading = await analyst.getByRole('heading', { name: /\d{4}-事-\d{6}/, level: 1 }).textContent();
    caseNo = (heading ?? '').match(/\d{4}-事-\d{6}/)?.[0] ?? '';
    if (!caseNo) throw new Error(`no case number in "${heading}"`);
    caseUrl = analyst.url();
  });
  await step('the lead gives the case a task with a due date', async () => {
    const tasks = analyst.getByRole('region', { name: '捜査事項' });
    await type(tasks.getByRole('textbox', { name: '捜査事項' }), TASK);
    const due = new Date(Date.now() + 9 * 3600_000 + 3 * 86_400_000).toISOString().slice(0, 10);
    await tasks.getByLabel('期限').fill(due);
    await click(tasks.getByRole('button', { name: '追加', exact: true }));
    await tasks.getByRole('table', { name: '捜査事項の一覧' }).getByText(TASK).waitFor();
  });
  await step('the lead sends an analysis request to 情報技術解析課 from the case', async () => {
    const form = analyst.getByRole('form', { name: '支援要請を送る' });
    await form.getByLabel('種類').selectOption({ label: '解析依頼' });
    effort.clicks++;
    await form.getByLabel('依頼先').selectOption({ label: '東北管区警察局 宮城県情報通信部 情報技術解析課' });
    effort.clicks++;
    await type(form.getByRole('textbox', { name: '件名' }), REQUEST);
    await type(form.getByRole('textbox', { name: '依頼内容' }), `${SHARED_PHONE} の発信記録と接続先の解析をお願いします。`);
    await click(form.getByRole('button', { name: '依頼を送る' }));
    await analyst.waitForURL(/\/cases\/requests\/[0-9a-f-]{36}$/);
    await analyst.getByRole('heading', { name: new RegExp(REQUEST.replace(/[()（）]/g, '.')), level: 1 }).waitFor();
    console.log(`case journey (analyst, record to case, task and request): ${effort.clicks} clicks, ${effort.keys} keystrokes`);
  });
  const kaiseki = await (await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' })).newPage();
  kaiseki.setDefaultTimeout(15_000);
  await step('情報技術解析課 finds the request on ホーム and accepts it', async () => {
    await login(kaiseki, 'kaiseki.kobayashi');
    const inbox = kaiseki.getByRole('region', { name: /受けた支援要請/ });
    await click(inbox.getByRole('link', { name: new RegExp(REQUEST.replace(/[()（）]/g, '.')) }));
    await kaiseki.waitForURL(/\/cases\/requests\/[0-9a-f-]{36}$/);
    await click(kaiseki.getByRole('radio', { name: '受理', exact: true }));
    await click(kaiseki.getByRole('button', { name: '状態を変更' }));
    await kaiseki
      .getByText(/を「受理」にしました/)
      .first()
      .waitFor();
  });
  await step('情報技術解析課 answers it, and the case is theirs to read', async () => {
    await click(kaiseki.getByRole('radio', { name: '回答', exact: true }));
    await type(kaiseki.getByRole('textbox', { name: '回答' }), '発信記録の解析結果：同一番号は IP 電話サービス経由。契約者照会を推奨。');
    await click(kaiseki.getByRole('button', { name: '状態を変更' }));
    await kaiseki
      .getByText(/を「回答」にしました/)
      .first()
      .waitFor();
    await click(kaiseki.getByRole('link', { name: caseNo }));
    await kaiseki.getByRole('heading', { name: new RegExp(caseNo), level: 1 }).waitFor();
  });
  await step('サイバー課 reads the answer on the request', async () => {
    await analyst.reload();
    await analyst
      .getByRole('region', { name: '回答' })
      .getByText(/IP 電話サービス経由/)
      .waitFor();
  });
  await step('the station sees that its record became the case', async () => {
    await officer.goto(recordUrl);
    await officer.getByText(caseNo).first().waitFor();
  });
  const INQUIRY = `${SHARED_PHONE} の契約者情報（氏名・住所・契約日）及び令和8年11月の発信履歴`;
  await step('サイバー課 drafts a 捜査関係事項照会書 to the carrier on the case', async () => {
    await analyst.goto(caseUrl);
    const legal = analyst.getByRole('region', { name: '照会・保全・令状' });
    const form = legal.getByRole('form', { name: '照会書・保全要請書を起案' });
    await form.getByLabel('照会先').selectOption({ label: '杜の都モバイル株式会社（捜査関係事項照会センター）' });
    await type(form.getByRole('textbox', { name: '照会事項' }), INQUIRY);
    await click(form.getByRole('button', { name: '起案', exact: true }));
    await legal.getByRole('list', { name: '照会書・保全要請書の一覧' }).getByText(INQUIRY).waitFor();
  });
  const colleague = await (await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' })).newPage();
  colleague.setDefaultTimeout(15_000);
  await step('a colleague approves it: the letter takes the division’s next number and prints as a PDF', async () => {
    await login(colleague, 'cyber.yamamoto', (await enrolSecondFactor(base, 'cyber.yamamoto')).pop());
    await colleague.goto(caseUrl);
    const row = colleague.getByRole('region', { name: '照会・保全・令状' }).getByRole('listitem').filter({ hasText: INQUIRY });
    await click(row.getByRole('button', { name: '決裁する（文書番号を付与）' }));
    const approved = await colleague
      .getByText(/決裁しました（宮本サ対第\d+号）/)
      .first()
      .textContent();
    const letterNo = (approved ?? '').match(/宮本サ対第\d+号/)?.[0];
    if (!letterNo) throw new Error(`no letter number in "${approved}"`);
    await row.getByText(letterNo).waitFor();
    const [download] = await Promise.all([colleague.waitForEvent('download'), click(row.getByRole('link', { name: 'PDF を出力' }))]);
    const head = fs
      .readFileSync(await download.path())
      .subarray(0, 5)
      .toString();
    if (head !== '%PDF-') throw new Error(`the letter is not a PDF: ${JSON.stringify(head)}`);
    if (download.suggestedFilename() !== `${letterNo}.pdf`) throw new Error(`named ${download.suggestedFilename()}`);
  });
} catch (e) {
  failed++;
  console.log(`FAILED: ${label}: setup: ${e.message}`);
} finally {
  await browser.close();
}
process.exit(failed === 0 ? 0 : 1);
