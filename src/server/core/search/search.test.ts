import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { sql } from 'kysely';
import { freshDb } from '../../testing/test-db.js';
import { withTx } from '../db/db.tx.js';
import { bigramTokens, findMatches, normaliseForSearch, parseQuery, snippet } from './search.bigram.js';
import { indexMany, searchDriver, searchInWindows } from './search.index.js';

const containsRun = (hay: string[], needle: string[], prefix = false) => {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) {
      const h = hay[i + j] as string;
      const n = needle[j] as string;
      if (prefix && j === needle.length - 1 ? !h.startsWith(n) : h !== n) continue outer;
    }
    return true;
  }
  return false;
};

// Japanese-heavy text with some Latin, digits, punctuation and full-width forms.
const jaChar = fc.constantFrom(...'詐欺口座振込被害相談電話番号のをにがはでアカウントサポートーｐａｙ0123abc 　、。「」-/'.split(''));
const jaText = fc.array(jaChar, { maxLength: 60 }).map((a) => a.join(''));

test('every substring of two or more characters is found as a phrase of the document tokens', () => {
  fc.assert(
    fc.property(jaText, fc.nat(), fc.integer({ min: 2, max: 8 }), (doc, start, len) => {
      const chars = Array.from(doc);
      if (chars.length < 2) return;
      const s = start % (chars.length - 1);
      const q = chars.slice(s, s + len).join('');
      if (/\s/u.test(q)) return; // whitespace splits a query into separate terms
      const terms = parseQuery(q);
      const docTokens = bigramTokens(doc);
      for (const t of terms)
        assert.ok(containsRun(docTokens, t.tokens, t.prefix), `${q} in ${doc}: ${t.tokens.join('|')} vs ${docTokens.join('|')}`);
    }),
    { numRuns: 3000 },
  );
});

test('two-character words are tokens of their own; order matters in a phrase', () => {
  assert.deepEqual(bigramTokens('詐欺被害'), ['詐欺', '欺被', '被害', '害']);
  assert.deepEqual(parseQuery('詐欺')[0]?.tokens, ['詐欺']);
  assert.deepEqual(parseQuery('ＰａｙＰａｙ 詐欺'), [
    { tokens: ['pa', 'ay', 'yp', 'pa', 'ay'], prefix: false },
    { tokens: ['詐欺'], prefix: false },
  ]);
  assert.deepEqual(parseQuery('欺'), [{ tokens: ['欺'], prefix: true }]);
  assert.ok(!containsRun(bigramTokens('送金の不正'), parseQuery('不正送金')[0]?.tokens ?? []));
});

test('a lone Latin letter is no search term (it would prefix-match the access tokens); a lone kanji is', () => {
  assert.deepEqual(parseQuery('a'), []);
  assert.deepEqual(parseQuery('s 詐欺'), [{ tokens: ['詐欺'], prefix: false }]);
  assert.deepEqual(parseQuery('詐'), [{ tokens: ['詐'], prefix: true }]);
  assert.deepEqual(parseQuery('ab'), [{ tokens: ['ab'], prefix: false }]);
});

test('matches map back to the original text, full-width and all', () => {
  fc.assert(
    fc.property(jaText, jaText, (pre, post) => {
      const text = `${pre}ＰａｙＰａｙ詐欺${post}`;
      const marks = findMatches(text, 'paypay詐欺');
      assert.ok(marks.length >= 1);
      for (const [s, e] of marks) assert.equal(normaliseForSearch(text.slice(s, e)), 'paypay詐欺');
      const sn = snippet(text, 'paypay詐欺');
      for (const [s, e] of sn.marks) assert.equal(normaliseForSearch(sn.text.slice(s, e)), 'paypay詐欺');
    }),
    { numRuns: 500 },
  );
});

test('tokenising is linear in the length of the text', () => {
  const unit = '架空請求の電話 090-1234-5678 があり、コンビニで電子マネー５万円分を購入した。';
  const cpu = (n: number) => {
    const text = unit.repeat(n);
    const t0 = process.cpuUsage();
    bigramTokens(text);
    findMatches(text, '電子マネー');
    const d = process.cpuUsage(t0);
    return d.user + d.system;
  };
  cpu(200);
  const small = Math.max(cpu(2000), 1);
  const large = cpu(20000);
  assert.ok(large / small < 30, `10x text took ${(large / small).toFixed(1)}x the time`);
});

test('windowed search: the newest window first, the rest only when the page is not full', async () => {
  // Matches are every 7th key of 1..100,000; the fake engine answers per window as SQL would.
  const t = await freshDb();
  try {
    const matches = Array.from({ length: 100_000 }, (_, i) => i + 1).filter((k) => k % 7 === 0);
    const windows: [number, number][] = [];
    const make = (pred: (k: number) => boolean) => ({
      fetch: async (_q: unknown, lo: number, hi: number, limit: number) => {
        windows.push([lo, hi]);
        return matches
          .filter((k) => k >= lo && k < hi && pred(k))
          .reverse()
          .slice(0, limit);
      },
      count: async (_q: unknown, lo: number, hi: number, limit: number) =>
        Math.min(limit, matches.filter((k) => k >= lo && k < hi && pred(k)).length),
    });
    const common = make(() => true);
    const r = await searchInWindows(t.db, 100_000, 60, 1001, common.fetch, common.count);
    assert.deepEqual(r.rows.slice(0, 3), [99_995, 99_988, 99_981]);
    assert.equal(r.rows.length, 60);
    windows.length = 0;
    const rare = make((k) => k < 700);
    const r2 = await searchInWindows(t.db, 100_000, 50, 1001, rare.fetch, rare.count);
    assert.equal(r2.rows.length, 50);
    assert.equal(r2.rows[0], 693);
    assert.equal(r2.counted, 99);
    assert.equal(r2.complete, true);
    if (t.db.dialect.engine === 'postgres') {
      assert.deepEqual(windows, [
        [95_001, 100_001],
        [0, 95_001],
      ]);
      // A common term fills its page in the newest window; its count there is a lower bound.
      assert.equal(r.complete, false);
      assert.equal(r.counted, 714);
      // A unit-scoped reader's first window starts where their own newest records begin.
      windows.length = 0;
      const narrowed = await searchInWindows(t.db, 100_000, 60, 1001, common.fetch, common.count, async () => 90_001);
      assert.deepEqual(windows, [[90_001, 100_001]]);
      assert.equal(narrowed.counted, 1001);
    } else {
      assert.equal(r.complete, true);
      assert.equal(r.counted, 1001);
    }
  } finally {
    await t.cleanup();
  }
});

test('a search window finds exactly the matching keys inside it, on both engines', async () => {
  // Keys in several 10,000-key buckets: PostgreSQL narrows a window inside its index by bucket.
  const t = await freshDb();
  try {
    const idx = { name: 'consultation' };
    const keys = [5, 9_999, 10_000, 15_005, 25_005, 99_999, 100_000, 123_456];
    await withTx(t.db, (tx) =>
      indexMany(tx, idx, [...keys.map((seq) => ({ seq, text: `架空請求の詐欺 ${seq}` })), { seq: 7, text: '無関係' }]),
    );
    const drv = searchDriver(t.db.dialect, idx, '詐欺', null);
    assert.ok(drv);
    const inWindow = async (lo: number, hi: number) =>
      (
        await t.db.kysely
          .selectFrom(drv.table)
          .select(drv.key.as('k'))
          .where(drv.where)
          .where(drv.window(lo, hi))
          .orderBy(sql`${drv.key}`)
          .execute()
      ).map((r) => Number((r as { k: number }).k));
    for (const [lo, hi] of [
      [0, 10_000],
      [9_999, 10_001],
      [10_000, 30_000],
      [15_006, 100_000],
      [0, 1_000_000],
      [100_000, 123_457],
    ] as const)
      assert.deepEqual(
        await inWindow(lo, hi),
        keys.filter((k) => k >= lo && k < hi),
        `window [${lo}, ${hi})`,
      );
  } finally {
    await t.cleanup();
  }
});
