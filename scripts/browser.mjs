// Shared by the browser scripts (smoke, journeys, page walk, first-load measurement): Debian's
// Chromium under Playwright, and logging a demo person in as the login page asks them to.
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

/**
 * Enrol a person's second factor over the API once (roles that must have one), returning recovery
 * codes for the browser to log in with. Returns null when the person needs no second factor yet.
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
  if (info.next !== 'done') throw new Error(`${loginId}: unexpected login state ${info.next}`);
  const h = { cookie, 'x-csrf-token': info.csrfToken, 'content-type': 'application/json' };
  const setup = await (await fetch(`${base}/api/auth/mfa/totp/setup`, { method: 'POST', headers: h, body: '{}' })).json();
  const { generate } = await import('otplib');
  const code = await generate({ secret: setup.secret });
  const confirm = await fetch(`${base}/api/auth/mfa/totp/confirm`, { method: 'POST', headers: h, body: JSON.stringify({ code }) });
  if (!confirm.ok) throw new Error(`${loginId}: enrolment failed: ${await confirm.text()}`);
  return (await confirm.json()).recoveryCodes;
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
