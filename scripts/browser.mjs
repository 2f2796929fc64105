// Shared by the browser scripts (smoke, journeys, page walk, first-load measurement): Debian's
// Chromium under Playwright, and logging a demo person in as the login page asks them to.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const DEMO_PASSWORD = 'renkei-demo-2026';

/** Chromium with its own background traffic turned off (it is refused on a closed network). */
export function launchChromium() {
  return chromium.launch({
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
}

// The recovery codes of people enrolled on a server, kept for the next script against the same
// server: the journeys enrol サイバー課's people before the page walk logs in as them.
const codesFile = (base, loginId) =>
  path.join(os.tmpdir(), `renkei-recovery-${createHash('sha256').update(`${base} ${loginId}`).digest('hex').slice(0, 16)}.json`);

/** Recovery codes not yet handed out for a person enrolled by an earlier script; each is used once. */
function takeCodes(base, loginId, n) {
  const file = codesFile(base, loginId);
  if (!fs.existsSync(file)) return null;
  const codes = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (codes.length < n) return null;
  fs.writeFileSync(file, JSON.stringify(codes.slice(n)));
  return codes.slice(0, n);
}

/**
 * Enrol a person's second factor over the API once (roles that must have one), returning recovery
 * codes for the browser to log in with; a person an earlier script enrolled on this server gets
 * codes from that enrolment that no one has used.
 */
export async function enrolSecondFactor(base, loginId, password = DEMO_PASSWORD) {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ loginId, password }),
  });
  if (!login.ok) throw new Error(`${loginId}: login failed (${login.status})`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const info = await login.json();
  if (info.next === 'totp') {
    const codes = takeCodes(base, loginId, 2);
    if (codes) return codes;
  }
  if (info.next !== 'done') throw new Error(`${loginId}: unexpected login state ${info.next}`);
  const h = { cookie, 'x-csrf-token': info.csrfToken, 'content-type': 'application/json' };
  const setup = await (await fetch(`${base}/api/auth/mfa/totp/setup`, { method: 'POST', headers: h, body: '{}' })).json();
  const { generate } = await import('otplib');
  const code = await generate({ secret: setup.secret });
  const confirm = await fetch(`${base}/api/auth/mfa/totp/confirm`, { method: 'POST', headers: h, body: JSON.stringify({ code }) });
  if (!confirm.ok) throw new Error(`${loginId}: enrolment failed: ${await confirm.text()}`);
  const codes = (await confirm.json()).recoveryCodes;
  // Two for this script (its callers take the first or the last), the rest for a later one.
  fs.writeFileSync(codesFile(base, loginId), JSON.stringify(codes.slice(1, -1)));
  return codes;
}

/** Log in through the login page (with a recovery code when the person has a second factor). */
export async function logIn(page, base, loginId, { password = DEMO_PASSWORD, recovery } = {}) {
  await page.goto(`${base}/login`);
  await page.getByLabel('ログインID').fill(loginId);
  await page.locator('input[type=password]').fill(password);
  await page.getByRole('button', { name: 'ログイン' }).click();
  if (recovery) {
    await page.getByRole('button', { name: 'リカバリーコードを使う' }).click();
    await page.getByLabel('リカバリーコード').fill(recovery);
    await page.getByRole('button', { name: '確認', exact: true }).click();
  }
  await page.getByRole('button', { name: 'ログアウト' }).waitFor();
}
