import assert from 'node:assert/strict';
import { test } from 'node:test';
import { jstDay, registerNumber } from './datetime.js';

test('register numbers count by the year in Japan, with the register’s mark and six digits', () => {
  assert.equal(registerNumber('2026-06-01T00:00:00Z', 123, '事'), '2026-事-000123');
  assert.equal(registerNumber('2026-06-01T00:00:00Z', 45, '依'), '2026-依-000045');
  assert.equal(registerNumber('2026-06-01T00:00:00Z', 7), '2026-000007', '受理番号 has no mark');
  // 00:30 on New Year's Day in Japan is still 31 December in UTC: the number is the new year's.
  assert.equal(registerNumber('2026-12-31T15:30:00Z', 1, '事'), '2027-事-000001');
  assert.equal(jstDay('2026-12-31T15:30:00Z'), '2027-01-01');
  assert.equal(registerNumber('2026-06-01T00:00:00Z', 1_234_567, '事'), '2026-事-1234567', 'past a million it grows, never wraps');
});
