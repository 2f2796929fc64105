import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Row, validateRows } from './cli.feed.js';
import { type ValidateOptions, validateChunks } from './cli.validate.js';

const rows: Row[] = Array.from({ length: 50 }, (_, i) => {
  const line = i + 2;
  if (i % 7 === 3) return { line, type: 'phone', value: 'not-a-phone' };
  if (i % 11 === 5) return { line, type: 'bogus', value: 'x' };
  if (i % 2 === 0) return { line, type: 'phone', value: `090-1234-${String(1000 + i)}` };
  return { line, type: 'url', value: `hxxps://evil-${i}[.]example[.]com/login` };
});

async function collect(opts: ValidateOptions) {
  const items = [];
  const errors = [];
  for await (const part of validateChunks(rows, opts)) {
    items.push(...part.items);
    errors.push(...part.errors);
  }
  return { items, errors };
}

test('feed rows validated on worker threads come back in file order, exactly as validated in line', async () => {
  const inline = validateRows(rows);
  assert.ok(inline.errors.length >= 8 && inline.items.length >= 30, 'the feed has good and bad rows');
  assert.deepEqual(await collect({ chunkRows: 4, workers: 2, shareWithCaller: false }), inline, 'every chunk on a worker');
  assert.deepEqual(await collect({ chunkRows: 4, workers: 2 }), inline, 'chunks shared between the workers and the caller');
  assert.deepEqual(await collect({ chunkRows: 1000 }), inline, 'one chunk: no worker at all');
});
