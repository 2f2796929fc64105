import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { sessionWith, shellAnswers } from '../../testing/fixtures.js';
import { closePage, fireEvent, openPage, waitFor } from '../../testing/render.js';

const notLoggedIn = () => ({
  status: 401,
  body: { error: { code: 'auth.unauthenticated', message: 'ログインしてください', messageEn: 'Log in' } },
});

let page: Awaited<ReturnType<typeof openPage>> | undefined;
afterEach(() => closePage(page));

test('a visitor without a session is sent to the Japanese login form, keeping where they were going', async () => {
  page = await openPage('/intake', { 'GET /api/auth/me': notLoggedIn });
  await page.findByLabelText(/ログインID/);
  assert.ok(page.getByLabelText(/パスワード/));
  assert.ok(page.getByRole('button', { name: 'ログイン' }));
  assert.equal(page.router.state.location.pathname, '/login');
  assert.equal(page.router.state.location.search.redirect, '/intake');
});

test('a wrong password shows the server message under the login failure title', async () => {
  page = await openPage('/login', {
    'GET /api/auth/me': notLoggedIn,
    'POST /api/auth/login': () => ({
      status: 401,
      body: { error: { code: 'auth.invalid_credentials', message: 'ログインIDまたはパスワードが違います', messageEn: 'Wrong' } },
    }),
  });
  fireEvent.change(await page.findByLabelText(/ログインID/), { target: { value: 'sato' } });
  fireEvent.change(page.getByLabelText(/パスワード/), { target: { value: 'wrong-password' } });
  fireEvent.click(page.getByRole('button', { name: 'ログイン' }));
  await page.findByText('ログインできませんでした');
  assert.ok(page.getByText('ログインIDまたはパスワードが違います'));
});

test('a logged-in user opening /login goes home and is greeted by name', async () => {
  page = await openPage('/login', { ...shellAnswers, 'GET /api/auth/me': sessionWith(['intake.read']) });
  await page.findByText('佐藤 一郎さん（中央警察署・署員）');
  await waitFor(() => assert.equal(page?.router.state.location.pathname, '/'));
});

test('a second challenge after the code is not an English crash: the login starts again with a Japanese explanation', async () => {
  page = await openPage('/login', {
    'GET /api/auth/me': notLoggedIn,
    'POST /api/auth/login': { next: 'totp', challenge: 'c1' },
    'POST /api/auth/login/totp': { next: 'totp', challenge: 'c2' },
  });
  fireEvent.change(await page.findByLabelText(/ログインID/), { target: { value: 'sato' } });
  fireEvent.change(page.getByLabelText(/パスワード/), { target: { value: 'correct-password' } });
  fireEvent.click(page.getByRole('button', { name: 'ログイン' }));
  fireEvent.change(await page.findByLabelText(/確認コード/), { target: { value: '123456' } });
  fireEvent.submit((await page.findByLabelText(/確認コード/)).closest('form') as HTMLFormElement);
  await page.findByText(/最初からログインし直してください/);
  assert.ok(page.getByLabelText(/パスワード/), 'back at the first step');
  assert.equal(page.queryByText(/second challenge/), null);
});
