#!/usr/bin/env node
// Every page of every role, in Debian's Chromium driven by Playwright, against a built server
// started with --demo and RENKEI_ADMIN_PASSWORD. Each demo person logs in and follows every link
// they are offered (menu, tabs, a record of each kind), one page per URL pattern, and each page
// must show: no console error, no failed request, no text spilling out of its box or clipped
// without a tooltip, no short label broken inside a word, no table scrolling sideways, no raw code
// or dotted key where a Japanese label belongs (at 1280, 1440 and 1920 px), and no serious or
// critical accessibility violation (axe-core, WCAG 2.1 A/AA, at 1440 px), and a tab title that is
// one of the page's headings. The pages a person may open on a phone are checked again at 390 px.
// Usage: browser-pages.mjs <base-url>. Prints one "ok:"/"FAILED:" line per role and page.
// Environment: RENKEI_ADMIN_PASSWORD (the server's), PAGES_ONLY=<loginId,…> to walk fewer people.
import { createRequire } from 'node:module';
import { enrolSecondFactor, launchChromium, logIn } from './browser.mjs';

const base = process.argv[2];
if (!base) {
  console.error('usage: browser-pages.mjs <base-url>');
  process.exit(2);
}
const axeSource = createRequire(import.meta.url)('axe-core').source;

/** One person per role (src/server/domains/org/org.demo-data.ts); `mfa` roles enrol first. */
const people = [
  { loginId: 'chuo.sato', role: '署員', phone: true },
  { loginId: 'chuo.kacho', role: '署幹部', phone: true },
  { loginId: 'cyber.yamamoto', role: 'サイバー課員', mfa: true, phone: true },
  { loginId: 'seikei.nakamura', role: '事件主管課員' },
  { loginId: 'kaiseki.kobayashi', role: '情報技術解析課員' },
  { loginId: 'csirt.kato', role: 'CSIRT', mfa: true },
  { loginId: 'kyoyo.yoshida', role: '教養担当' },
  { loginId: 'exec.yamada', role: '幹部', phone: true },
  { loginId: 'partner.council', role: '連携先' },
  { loginId: 'admin', role: 'システム管理者', mfa: true, password: process.env.RENKEI_ADMIN_PASSWORD },
].filter((p) => !process.env.PAGES_ONLY || process.env.PAGES_ONLY.split(',').includes(p.loginId));

const DESKTOP = [1440, 1280, 1920];
const PHONE = { width: 390, height: 844 };
/** Pages opened on a phone: the home page, the intake list and a record, and one's account. */
const phonePatterns = new Set(['/', '/intake', '/intake/:id', '/account']);
const MAX_PAGES = 40;

/** One page per URL pattern: ids (UUIDs, numbers) are one page whatever their value. */
function pattern(url) {
  const u = new URL(url);
  return (
    u.pathname
      .replace(/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?=\/|$)/gi, '/:id')
      .replace(/\/\d+(?=\/|$)/g, '/:id')
      .replace(/\/$/, '') || '/'
  );
}

/**
 * Runs in the page: what a person would see as broken. Returns one line per problem.
 * `desktop` forbids sideways scrolling of tables (a phone may scroll a wide table).
 */
function inspectPage(desktop) {
  const problems = [];
  const shown = (el) => {
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' && s.opacity !== '0';
  };
  const name = (el) => {
    const cls = typeof el.className === 'string' ? el.className.trim().split(/\s+/)[0] : '';
    return `<${el.tagName.toLowerCase()}${cls ? `.${cls}` : ''}> 「${(el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40)}」`;
  };
  const hasTip = (el) => el.closest('[title],[data-full-text]') !== null;
  const blockOf = (el) => {
    let b = el;
    while (b && getComputedStyle(b).display === 'inline') b = b.parentElement;
    return b;
  };
  const seen = new Set();
  const report = (line) => {
    if (!seen.has(line)) problems.push(line);
    seen.add(line);
  };

  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const nodes = [];
  while (walker.nextNode()) {
    const n = walker.currentNode;
    const el = n.parentElement;
    if (!el || !(n.textContent ?? '').trim()) continue;
    if (el.closest('script,style,noscript,svg,textarea,[aria-hidden="true"],.sr-only,[data-visually-hidden]')) continue;
    if (!shown(el)) continue;
    // Text for screen readers only (Mantine VisuallyHidden: a 1 px clipped box).
    const r = el.getBoundingClientRect();
    if (r.width <= 1 && r.height <= 1) continue;
    nodes.push(n);
  }
  const dotted = /^[a-z][a-zA-Z0-9_]*(\.[a-zA-Z0-9_]+)+$/;
  const tlds = /\.(jp|com|net|org|info|io|xyz|top|biz|co|me|tv|cc|cn|ru|us|uk|app|dev|site|online|shop|local|test|example|invalid)$/i;
  for (const n of nodes) {
    const el = n.parentElement;
    const text = (n.textContent ?? '').trim();
    // Spilling or clipped: the box that lays the text out is narrower than the text.
    const box = blockOf(el);
    if (box && box.clientWidth > 0) {
      const s = getComputedStyle(box);
      const wide = box.scrollWidth > box.clientWidth + 1;
      const tall = box.scrollHeight > box.clientHeight + 1 && s.overflowY === 'hidden';
      if (wide && s.overflowX === 'visible' && !/^(auto|scroll)$/.test(getComputedStyle(box.parentElement ?? box).overflowX)) {
        // Only when the text itself reaches past the box (a wide child is the child's problem).
        const r = document.createRange();
        r.selectNodeContents(n);
        const right = Math.max(...[...r.getClientRects()].map((x) => x.right));
        if (right > box.getBoundingClientRect().right + 1) report(`text spills out of its box: ${name(box)}`);
      } else if ((wide || tall) && /^(hidden|clip)$/.test(s.overflowX)) {
        const clamped = s.webkitLineClamp !== 'none' && s.webkitLineClamp !== '';
        if ((s.textOverflow === 'ellipsis' && !tall) || clamped) {
          if (!hasTip(box)) report(`text cut short without a tooltip: ${name(box)}`);
        } else report(`text clipped: ${name(box)}`);
      }
    }
    // A short label (no space or punctuation: a unit, a category, a heading) is a word and must not
    // break across lines; longer text without spaces is a Japanese sentence and may wrap.
    if (text.length <= 12 && !/[\s、。，．・/／（）()]/.test(text) && getComputedStyle(el).whiteSpace !== 'pre-wrap') {
      const r = document.createRange();
      r.selectNodeContents(n);
      const tops = new Set([...r.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top / 4)));
      if (tops.size > 1) report(`a word breaks across lines: ${name(el)}`);
    }
    // A raw code or a dictionary key where a person expects words.
    // A code set in monospace beside its label (token scopes, 手口 codes, login IDs) is shown on purpose.
    if (!el.closest('code,kbd,pre,input,[contenteditable]') && !/monospace/.test(getComputedStyle(el).fontFamily)) {
      const raw =
        (dotted.test(text) && !tlds.test(text) && (text.split('.').length > 2 || /[A-Z_]/.test(text))) ||
        /^[a-z]+([A-Z][a-z0-9]+)+$/.test(text) ||
        /^[a-z]+(_[a-z0-9]+)+$/.test(text);
      if (raw) report(`raw code shown instead of a label: ${name(el)}`);
    }
  }
  if (desktop) {
    for (const el of document.querySelectorAll('body *')) {
      const s = getComputedStyle(el);
      if (/^(auto|scroll)$/.test(s.overflowX) && el.scrollWidth > el.clientWidth + 1 && el.querySelector('table') && shown(el))
        report(`table scrolls sideways: ${name(el.querySelector('table thead') ?? el)}`);
    }
  }
  if (document.documentElement.scrollWidth > window.innerWidth + 1) {
    // Name the outermost element reaching past the window's right edge.
    const past = [...document.querySelectorAll('body *')].filter(
      (el) => shown(el) && el.getBoundingClientRect().right > window.innerWidth + 1,
    );
    const outer = past.find((el) => !past.includes(el.parentElement));
    report(`the page scrolls sideways (${document.documentElement.scrollWidth} px wide)${outer ? `: ${name(outer)}` : ''}`);
  }
  return problems;
}

async function axeViolations(page) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    }),
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `accessibility (${v.impact}) ${v.id}: ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
}

/** Watches one page for console errors and failed requests while it is open. */
function watch(page) {
  const seen = [];
  page.on('console', (m) => {
    // "Failed to load resource" repeats a response the listener below judges (a 401 probe is expected).
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) seen.push(`console error: ${m.text().slice(0, 200)}`);
  });
  page.on('pageerror', (e) => seen.push(`script error: ${e.message.slice(0, 200)}`));
  page.on('requestfailed', (r) => {
    const reason = r.failure()?.errorText ?? '';
    if (!reason.includes('ERR_ABORTED')) seen.push(`request failed: ${r.method()} ${r.url().replace(base, '')} ${reason}`);
  });
  page.on('response', (r) => {
    // Before login the session probe answers 401: that is how the app knows to show the login page.
    if (r.status() === 401 && r.url() === `${base}/api/auth/me`) return;
    if (r.status() >= 400) seen.push(`request failed: ${r.request().method()} ${r.url().replace(base, '')} → ${r.status()}`);
  });
  return { take: () => seen.splice(0) };
}

async function settle(page) {
  await page.waitForLoadState('networkidle');
  await page
    .locator('.mantine-Loader-root')
    .first()
    .waitFor({ state: 'detached', timeout: 5_000 })
    .catch(() => {});
}

/** Where a person can go from here: links, and tabs (Mantine tabs navigate on click, with no href). */
async function links(page) {
  const hrefs = await page.evaluate(() =>
    [...document.querySelectorAll('a[href^="/"]')]
      .filter((a) => a.getBoundingClientRect().width > 0 && !a.hasAttribute('download'))
      .map((a) => new URL(a.getAttribute('href'), location.origin).href),
  );
  const tabs = page.locator('[role="tab"]:not([aria-selected="true"]):not(a)');
  const count = await tabs.count();
  const here = page.url();
  for (let i = 0; i < count; i++) {
    await tabs.nth(i).click();
    await page.waitForTimeout(100);
    if (page.url() !== here) {
      hrefs.push(page.url());
      await page.goBack();
      await page.waitForTimeout(100);
    }
  }
  return hrefs;
}

const browser = await launchChromium();
const sameForAll = new Set();
let failed = 0;
let passed = 0;
function result(name, problems) {
  if (problems.length === 0) {
    passed++;
    console.log(`ok: pages: ${name}`);
  } else {
    failed++;
    console.log(`FAILED: pages: ${name}: ${problems.length} problem(s)`);
    for (const p of problems) console.log(`    ${p}`);
  }
}

/** Runs in the page: the browser tab's title (「<page> | 連携」) must be what one of its h1/h2 headings says. */
function titleProblems() {
  const title = document.title;
  const cut = title.lastIndexOf(' | ');
  const name = cut > 0 ? title.slice(0, cut) : title;
  const headings = [...document.querySelectorAll('h1, h2')].map((h) => (h.textContent ?? '').replace(/\s+/g, ' ').trim());
  return headings.includes(name) ? [] : [`the title 「${name}」 is no heading of the page (${headings.join(' / ') || 'none'})`];
}

/** All checks of one page: desktop widths, then the phone when a person opens it there. */
async function checkPage(page, watcher, url, label, phone) {
  const problems = [];
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(url);
  await settle(page);
  for (const width of DESKTOP) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(50);
    for (const p of await page.evaluate(inspectPage, true)) problems.push(`${width}px: ${p}`);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  problems.push(...(await page.evaluate(titleProblems)));
  problems.push(...(await axeViolations(page)));
  problems.push(...watcher.take());
  result(label, problems);
  if (phone) {
    await page.setViewportSize(PHONE);
    await page.waitForTimeout(400);
    const p = [...(await page.evaluate(inspectPage, false)), ...watcher.take()];
    result(`${label} (phone ${PHONE.width}px)`, p);
    await page.setViewportSize({ width: 1440, height: 900 });
  }
}

try {
  // Before anyone logs in: the login page, on a desktop and on a phone.
  {
    const context = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
    const page = await context.newPage();
    const watcher = watch(page);
    await checkPage(page, watcher, `${base}/login`, 'ログイン画面 /login', true);
    await context.close();
  }
  for (const person of people) {
    const context = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const watcher = watch(page);
    const who = `${person.role} ${person.loginId}`;
    try {
      const recovery = person.mfa ? (await enrolSecondFactor(base, person.loginId, person.password))[0] : undefined;
      await logIn(page, base, person.loginId, { password: person.password, recovery });
      await settle(page);
      watcher.take(); // the login page was checked on its own
    } catch (e) {
      result(`${who}: login`, [e.message.split('\n')[0]]);
      await context.close();
      continue;
    }
    const queue = [`${base}/`];
    // Pages that are the same for everyone (「準備中」) are checked once, with the first person.
    const visited = new Set(sameForAll);
    while (queue.length > 0 && visited.size < MAX_PAGES) {
      const url = queue.shift();
      const key = pattern(url);
      if (visited.has(key)) continue;
      visited.add(key);
      try {
        await checkPage(page, watcher, url, `${who} ${key}`, person.phone && phonePatterns.has(key));
        visited.add(pattern(page.url())); // where a redirect led (/admin → /admin/users)
        if (await page.getByText('この機能は準備中です').count()) sameForAll.add(key);
        for (const next of await links(page)) if (!visited.has(pattern(next))) queue.push(next);
      } catch (e) {
        result(`${who} ${key}`, [e.message.split('\n')[0]]);
      }
    }
    await context.close();
  }
} finally {
  await browser.close();
}
console.log(`pages: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
