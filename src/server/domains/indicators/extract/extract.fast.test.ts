/**
 * The extractor's fast paths give exactly what the straightforward ones give: the fold against
 * the per-unit loop it replaced, anchored patterns against their global pattern run over the
 * whole text, and extraction as a whole with anchoring on and off, on the labelled corpus and on
 * random text built from the pieces indicators are made of.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { ALNUM, Anchored, anchorable, anchoring, asciiClass, longRuns } from './extract.anchors.js';
import { extract } from './extract.js';
import { foldForScan, keptFoldBytes } from './extract.normalise.js';
import { MAX_EXTRACT_CHARS } from './extract.types.js';

/** The fold as it was first written: every unit through the table, in place, left to right. */
function foldReference(text: string): string {
  const isDigit = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
  const isHostBefore = (c: number) =>
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    c === 0x2d ||
    (c >= 0xff10 && c <= 0xff19) ||
    (c >= 0xff21 && c <= 0xff3a) ||
    (c >= 0xff41 && c <= 0xff5a) ||
    c === 0xff0d;
  const isHostAfter = (c: number) =>
    (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0xff10 && c <= 0xff19) || (c >= 0xff41 && c <= 0xff5a);
  const units: number[] = [];
  for (let i = 0; i < text.length; i++) units.push(text.charCodeAt(i));
  for (let i = 0; i < units.length; i++) {
    const c = units[i] as number;
    const prev = units[i - 1] ?? 0;
    const next = units[i + 1] ?? 0;
    if (c >= 0xff01 && c <= 0xff5e) units[i] = c - 0xfee0;
    else if (c === 0x3000) units[i] = 0x20;
    else if ([0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe63].includes(c)) units[i] = 0x2d;
    else if ((c === 0x30fc || c === 0xff70) && isDigit(prev) && isDigit(next)) units[i] = 0x2d;
    else if ((c === 0x3002 || c === 0xff61) && isHostBefore(prev) && isHostAfter(next)) units[i] = 0x2e;
  }
  return String.fromCharCode(...units);
}

const foldUnits = fc.constantFrom(...'aZz09-.。｡ーｰ‐−﹣—　０９ａｚＡＺ－．：（）＠、 \n漢か'.split(''));

test('the fold finds and changes exactly the units the per-unit loop changes', () => {
  fc.assert(
    fc.property(fc.string({ unit: foldUnits, maxLength: 40 }), (s) => {
      assert.equal(foldForScan(s), foldReference(s));
    }),
    { numRuns: 5000 },
  );
  assert.equal(foldForScan('plain ascii'), 'plain ascii');
});

test('a text longer than MAX_EXTRACT_CHARS is folded in a buffer of its own, not one kept for the process', () => {
  foldForScan('ｈｔｔｐｓ：／／example.com');
  const kept = keptFoldBytes();
  const long = `${'a'.repeat(MAX_EXTRACT_CHARS)}ｈｔｔｐｓ：／／`;
  assert.equal(foldForScan(long), `${'a'.repeat(MAX_EXTRACT_CHARS)}https://`);
  assert.equal(keptFoldBytes(), kept);
  assert.ok(kept <= MAX_EXTRACT_CHARS * 2);
  assert.equal(foldForScan('０９０－１２３４'), '090-1234');
});

const runUnits = fc.constantFrom(...'aF09xZ-.+ ( )\n漢'.split(''));

test('long runs are the maximal runs of the class at least that long, however the text falls', () => {
  const phoneish = asciiClass('0123456789+ -.()');
  fc.assert(
    fc.property(fc.string({ unit: runUnits, maxLength: 120 }), fc.integer({ min: 1, max: 20 }), (s, min) => {
      for (const [cls, re] of [
        [ALNUM, new RegExp(`[A-Za-z0-9]{${min},}`, 'g')],
        [phoneish, new RegExp(`[0-9+ \\-.()]{${min},}`, 'g')],
      ] as const) {
        const expected = [...s.matchAll(re)].flatMap((m) => [m.index, m.index + m[0].length]);
        assert.deepEqual(longRuns(s, cls, min), expected);
      }
    }),
    { numRuns: 3000 },
  );
});

test('an anchored pattern returns what its global pattern returns, also when the caller moves lastIndex', () => {
  const hex = anchorable(/(?<![A-Za-z0-9-])[0-9A-Fa-f]{4,8}(?![A-Za-z0-9-])/g);
  fc.assert(
    fc.property(
      fc.string({ unit: runUnits, maxLength: 120 }),
      fc.array(fc.integer({ min: -3, max: 10 }), { maxLength: 40 }),
      (s, moves) => {
        const runs = longRuns(s, ALNUM, 4);
        const run = (on: boolean) => {
          anchoring.on = on;
          const a = new Anchored(hex, s, runs, 2);
          const seen: string[] = [];
          let k = 0;
          for (let m = a.exec(); m; m = a.exec()) {
            seen.push(`${m.index}:${m[0]}`);
            // Callers skip ahead (past a taken span) or step back (to just after a match's start).
            const move = moves[k++ % Math.max(1, moves.length)] ?? 0;
            a.lastIndex = move < 0 ? m.index + 1 : a.lastIndex + move;
          }
          return seen;
        };
        try {
          assert.deepEqual(run(true), run(false));
        } finally {
          anchoring.on = true;
        }
      },
    ),
    { numRuns: 3000 },
  );
});

const corpus = fs
  .readFileSync(new URL('../../../../../bench/corpus/extraction.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { text: string; expected: { value: string }[] });

function bothWays(text: string): void {
  for (const opts of [{}, { candidates: true }]) {
    try {
      anchoring.on = false;
      const whole = extract(text, opts);
      anchoring.on = true;
      assert.deepEqual(extract(text, opts), whole);
    } finally {
      anchoring.on = true;
    }
  }
}

test('extraction with anchored patterns equals extraction scanning the whole text: the labelled corpus', () => {
  for (const c of corpus) bothWays(c.text);
  bothWays(corpus.map((c) => c.text).join('\n\n'));
});

test('fuzz: extraction with anchored patterns equals extraction scanning the whole text', () => {
  const values = corpus.flatMap((c) => c.expected.map((e) => e.value));
  const piece = fc.oneof(
    fc.constantFrom(...values),
    fc.constantFrom(
      ...'aZ09.-_/:@[]()<>"\'。、「」ー０９．＠：／ 　\n\t+#=&?%*|`~'.split(''),
      'https://',
      'hxxp://',
      '[.]',
      '[dot]',
      ' [at] ',
      '銀行',
      '普通',
      '口座番号',
      '名義',
      'カタカナ',
      '+81',
      '090',
      'deadbeef',
      'cafebabe01',
      'bc1q',
      '0x',
      'CVE-',
      'LINE ID',
      '電話',
      '::',
      'о',
      '\u200b',
    ),
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => bothWays(pieces.join(''))),
    { numRuns: 2000 },
  );
});
