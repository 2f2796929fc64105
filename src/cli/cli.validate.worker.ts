/**
 * A worker thread of validateChunks (cli.validate.ts): validates the feed rows it is sent and
 * posts the result back under the same chunk number. Loading the extractor's tables once per
 * worker is why small feeds are validated inline instead.
 */
import { parentPort } from 'node:worker_threads';
import { type Row, validateRows } from './cli.feed.js';

parentPort?.on('message', (job: { chunk: number; rows: Row[] }) => {
  parentPort?.postMessage({ chunk: job.chunk, ...validateRows(job.rows) });
});
