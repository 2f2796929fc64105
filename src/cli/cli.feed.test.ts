import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { feedParts, isPlainCsv, parseImport, parsePlainCsv, parseQuotedCsv, readPart } from './cli.feed.js';

// Cells from what feeds hold, and what breaks them: blanks, full-width spaces, Japanese, empty cells.
const cell = fc
  .array(fc.constantFrom('a', 'Z', '0', '9', '.', '-', ':', '/', ' ', '\t', '\u3000', '電', 'ｱ', '@', '[', ']'), { maxLength: 8 })
  .map((cs) => cs.join(''));
const header = fc.constantFrom('type,value', 'value,type', ' type , value ', 'type,value,comment', 'kind,value');
const row = fc.array(cell, { minLength: 0, maxLength: 4 }).map((cs) => cs.join(','));
const feed = fc
  .tuple(header, fc.array(row, { maxLength: 12 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
  .map(([h, rs, eol, finalEol]) => [h, ...rs].join(eol) + (finalEol ? eol : ''));

test('a quote-free feed split by hand reads exactly as csv-parse reads it: rows, and the lines of bad rows', () => {
  fc.assert(
    fc.property(feed, (content) => {
      assert.ok(isPlainCsv(content));
      const fast = parsePlainCsv(content);
      const reference = parseQuotedCsv(content);
      assert.deepEqual(fast.rows, reference.rows);
      // The command lists errors by line, whichever pass found them.
      const lines = (errors: { line: number }[]) => errors.map((e) => e.line).sort((a, b) => a - b);
      assert.deepEqual(lines(fast.errors), lines(reference.errors));
    }),
    { numRuns: 2000 },
  );
});

test('a quote-free feed cut into parts of lines reads as the whole file does, whatever the part size', () => {
  fc.assert(
    fc.property(feed, fc.integer({ min: 1, max: 5 }), (content, n) => {
      const cut = feedParts('feed.csv', content, n);
      const read = cut.parts.map(readPart);
      assert.deepEqual({ rows: read.flatMap((r) => r.rows), errors: read.flatMap((r) => r.errors) }, parsePlainCsv(content));
      assert.ok(cut.parts.every((p) => 'text' in p && p.text.split('\n').filter((l) => l !== '').length <= n));
    }),
    { numRuns: 2000 },
  );
});

test('quotes, or lines ended by CR alone, go to csv-parse', () => {
  assert.equal(isPlainCsv('type,value\nurl,"https://a.example/?q=1,2"\n'), false);
  assert.equal(isPlainCsv('type,value\rphone,090-1234-5678\r'), false);
  const quoted = parseImport('f.csv', 'type,value\nurl,"https://a.example/?q=1,2"\n');
  assert.deepEqual(quoted.rows, [{ line: 2, type: 'url', value: 'https://a.example/?q=1,2' }]);
  const withBom = parseImport('f.csv', '\uFEFFtype,value\r\nphone,090-1234-5678\r\n');
  assert.deepEqual(withBom.rows, [{ line: 2, type: 'phone', value: '090-1234-5678' }]);
});
