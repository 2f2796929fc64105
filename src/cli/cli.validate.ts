import os from 'node:os';
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { type FeedPart, type Validated, validatePart } from './cli.feed.js';

/**
 * A feed's parts read and validated, in file order, on worker threads: while the caller writes
 * one part to the database (one writer, the slower half of an import), the next parts are being
 * read and validated on the other cores. Validation reads each value with the extractor (canonical form,
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

export interface ValidateOptions {
  workers?: number;
  /**
   * The caller validates a chunk itself when no worker has taken it yet (default): a worker needs
   * about half a second to load the extractor, and the first chunks should not wait for it.
   * False leaves every chunk to the workers (tests).
   */
  shareWithCaller?: boolean;
}

export function validateChunks(chunks: FeedPart[], opts: ValidateOptions = {}): AsyncGenerator<Validated> {
  const workers = Math.min(opts.workers ?? Math.max(1, os.availableParallelism() - 1), chunks.length - 1);
  // A worker costs its start-up (the extractor's tables): a feed of a chunk or two is done in line.
  if (workers < 1) return inline(chunks);
  // Chunks are handed out in file order: to a worker when it is ready or finishes one (two in
  // flight each), or to the caller when it needs the next chunk and no worker has taken it.
  let next = 0;
  const results = new Map<number, Promise<Validated>>();
  const pending = new Map<number, { resolve: (v: Validated) => void; reject: (e: Error) => void }>();
  const give = (w: Worker) => {
    if (next >= chunks.length) return;
    const c = next++;
    const result = new Promise<Validated>((resolve, reject) => {
      pending.set(c, { resolve, reject });
      w.postMessage({ chunk: c, part: chunks[c] });
    });
    // A worker's failure rejects chunks not awaited yet: the reader below reports it, not the process.
    result.catch(() => undefined);
    results.set(c, result);
  };
  // Started now, not at the first read: the workers load the extractor while the caller opens the
  // database. Unreferenced, so a caller that fails before reading cannot keep the process alive.
  const pool = Array.from({ length: workers }, startWorker);
  for (const w of pool) {
    w.unref();
    w.on('message', (m: { ready: true } | (Validated & { chunk: number })) => {
      if ('ready' in m) {
        give(w);
        give(w);
        return;
      }
      pending.get(m.chunk)?.resolve({ items: m.items, errors: m.errors });
      pending.delete(m.chunk);
      give(w);
    });
    w.on('error', (e) => {
      for (const p of pending.values()) p.reject(e);
      pending.clear();
    });
  }
  async function* inOrder(): AsyncGenerator<Validated> {
    // Read from now on: the process waits for the workers' answers.
    for (const w of pool) w.ref();
    try {
      for (let c = 0; c < chunks.length; c++) {
        // A turn of the event loop first, so that workers' messages (ready, done) are seen: the
        // caller's own work between reads may never leave the microtask queue.
        await nextTurn();
        if (c >= next && opts.shareWithCaller !== false) {
          next = c + 1;
          yield validatePart(chunks[c] as FeedPart);
          continue;
        }
        // Not shared: wait for a worker to take the chunk.
        while (!results.has(c)) await sleep(5);
        const result = await (results.get(c) as Promise<Validated>);
        results.delete(c);
        yield result;
      }
    } finally {
      await Promise.all(pool.map((w) => w.terminate()));
    }
  }
  return inOrder();
}

async function* inline(chunks: FeedPart[]): AsyncGenerator<Validated> {
  for (const part of chunks) yield validatePart(part);
}
