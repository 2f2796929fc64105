import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type FeedPart, feedParts, type Row, validateRows } from './cli.feed.js';
import { type ValidateOptions, validateChunks } from './cli.validate.js';

const rows: Row[] = Array.from({ length: 50 }, (_, i) => {
  const line = i + 2;
  if (i % 7 === 3) return { line, type: 'phone', value: 'not-a-phone' };
  if (i % 11 === 5) return { line, type: 'bogus', value: 'x' };
  if (i % 2 === 0) return { line, type: 'phone', value: `090-1234-${String(1000 + i)}` };
  return { line, type: 'url', value: `hxxps://evil-${i}[.]example[.]com/login` };
});

const inParts = (n: number): FeedPart[] => {
  const parts: FeedPart[] = [];
  for (let i = 0; i < rows.length; i += n) parts.push({ rows: rows.slice(i, i + n) });
  return parts;
};

async function collect(parts: FeedPart[], opts: ValidateOptions) {
  const items = [];
  const errors = [];
  for await (const part of validateChunks(parts, opts)) {
    items.push(...part.items);
    errors.push(...part.errors);
  }
  return { items, errors };
}

test('feed rows validated on worker threads come back in file order, exactly as validated in line', async () => {
  const inline = validateRows(rows);
  assert.ok(inline.errors.length >= 8 && inline.items.length >= 30, 'the feed has good and bad rows');
  assert.deepEqual(await collect(inParts(4), { workers: 2, shareWithCaller: false }), inline, 'every chunk on a worker');
  assert.deepEqual(await collect(inParts(4), { workers: 2 }), inline, 'chunks shared between the workers and the caller');
  assert.deepEqual(await collect(inParts(1000), {}), inline, 'one chunk: no worker at all');
});

test('a quote-free CSV cut into parts of lines, read on the workers, gives the rows and the line numbers of the file', async () => {
  // Blank lines and a row of the wrong shape among them: the line numbers still count from the file.
  const csv = ['', 'type,value', ...rows.flatMap((r, i) => [`${r.type},${r.value}`, ...(i % 9 === 0 ? ['', 'phone'] : [])])].join('\r\n');
  const cut = feedParts('feed.csv', csv, 4);
  assert.ok(cut.parts.length > 10 && cut.parts.every((p) => 'text' in p), 'cut into parts of lines, not read');
  const got = await collect(cut.parts, { workers: 2 });
  const lines = csv.split('\r\n');
  let at = 0;
  const expected = rows.map((r) => {
    at = lines.indexOf(`${r.type},${r.value}`, at) + 1;
    return { ...r, line: at };
  });
  const inline = validateRows(expected);
  assert.deepEqual(got.items, inline.items, 'the same values as the rows validated one by one, with their lines in the file');
  const shapeErrors = got.errors.filter((e) => !inline.errors.some((x) => x.line === e.line));
  assert.deepEqual(
    shapeErrors.map((e) => lines[e.line - 1]),
    Array(shapeErrors.length).fill('phone'),
    'each row of the wrong shape is named at its own line',
  );
  assert.equal(shapeErrors.length, Math.ceil(rows.length / 9));
});
