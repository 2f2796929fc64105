import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { type Row, type Validated, validateRows } from './cli.feed.js';

/**
 * Feed rows validated chunk by chunk, in file order, on worker threads: while the caller writes
 * one chunk to the database (one writer, the slower half of an import), the next chunks are being
 * validated on the other cores. Validation reads each value with the extractor (canonical form,
 * check digits, punycode), a third of a large import's time when done in line.
 */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./cli.validate.worker.js', import.meta.url));
  // Run from source (tests), the worker is TypeScript too: it registers tsx's loader before loading
  // its entry (a worker's --import is not applied to its entry on every Node version we support).
  const entry = new URL('./cli.validate.worker.ts', import.meta.url).href;
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(boot, { eval: true });
}

export function validateChunks(rows: Row[], opts: { chunkRows: number; workers?: number }): AsyncGenerator<Validated> {
  const chunks: Row[][] = [];
  for (let i = 0; i < rows.length; i += opts.chunkRows) chunks.push(rows.slice(i, i + opts.chunkRows));
  const workers = Math.min(opts.workers ?? Math.max(1, os.availableParallelism() - 1), chunks.length - 1);
  // A worker costs its start-up (the extractor's tables): a feed of a chunk or two is done in line.
  if (workers < 1) return inline(chunks);
  // Started now, not at the first read: the workers load the extractor while the caller opens the
  // database. Unreferenced, so a caller that fails before reading cannot keep the process alive.
  const pool = Array.from({ length: workers }, startWorker);
  const pending = new Map<number, { resolve: (v: Validated) => void; reject: (e: Error) => void }>();
  const results = new Map<number, Promise<Validated>>();
  for (const w of pool) {
    w.unref();
    w.on('message', (m: Validated & { chunk: number }) => {
      pending.get(m.chunk)?.resolve({ items: m.items, errors: m.errors });
      pending.delete(m.chunk);
    });
    w.on('error', (e) => {
      for (const p of pending.values()) p.reject(e);
      pending.clear();
    });
  }
  const send = (c: number) => {
    const result = new Promise<Validated>((resolve, reject) => {
      pending.set(c, { resolve, reject });
      pool[c % workers]?.postMessage({ chunk: c, rows: chunks[c] });
    });
    // A worker's failure rejects chunks not awaited yet: the reader below reports it, not the process.
    result.catch(() => undefined);
    results.set(c, result);
  };
  // Two chunks in flight per worker: one being validated, one queued behind it.
  const ahead = workers * 2;
  for (let c = 0; c < Math.min(ahead, chunks.length); c++) send(c);
  async function* inOrder(): AsyncGenerator<Validated> {
    // Read from now on: the process waits for the workers' answers.
    for (const w of pool) w.ref();
    try {
      for (let c = 0; c < chunks.length; c++) {
        const result = await (results.get(c) as Promise<Validated>);
        results.delete(c);
        if (c + ahead < chunks.length) send(c + ahead);
        yield result;
      }
    } finally {
      await Promise.all(pool.map((w) => w.terminate()));
    }
  }
  return inOrder();
}

async function* inline(chunks: Row[][]): AsyncGenerator<Validated> {
  for (const part of chunks) yield validateRows(part);
}
