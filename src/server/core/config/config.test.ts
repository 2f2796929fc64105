import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { isAppError } from '../errors/app-error.js';
import { loadConfig } from './config.js';

test('defaults give an embedded SQLite database under ./data on loopback', () => {
  const c = loadConfig({});
  assert.equal(c.database.engine, 'sqlite');
  assert.equal(c.dataDir, path.resolve('./data'));
  assert.equal(c.host, '127.0.0.1');
  assert.equal(c.port, 3000);
  assert.equal(c.secureCookies, false);
});

test('DATABASE_URL selects PostgreSQL', () => {
  const c = loadConfig({ DATABASE_URL: 'postgres://u@db.example:5432/renkei' });
  assert.equal(c.database.engine, 'postgres');
});

test('a misspelt RENKEI_ variable is refused with its name, in Japanese and English', () => {
  assert.throws(
    () => loadConfig({ RENKEI_PROT: '3000' }),
    (e) =>
      isAppError(e) && e.code === 'config.unknown_variable' && e.messageJa.includes('RENKEI_PROT') && e.messageEn.includes('RENKEI_PROT'),
  );
});

test('an invalid value names the variable', () => {
  for (const [name, value] of [
    ['RENKEI_PORT', 'eighty'],
    ['RENKEI_LOG_LEVEL', 'verbose'],
    ['RENKEI_JOBS', 'yes'],
    ['DATABASE_URL', 'mysql://x'],
  ] as const) {
    assert.throws(
      () => loadConfig({ [name]: value }),
      (e) => isAppError(e) && e.code === 'config.invalid_value' && e.messageEn.includes(name),
      name,
    );
  }
});

test('behind a TLS proxy cookies become Secure unless told otherwise', () => {
  assert.equal(loadConfig({ RENKEI_TRUST_PROXY: 'true' }).secureCookies, true);
  assert.equal(loadConfig({ RENKEI_TRUST_PROXY: 'true', RENKEI_SECURE_COOKIES: 'false' }).secureCookies, false);
});
