/**
 * A worker thread of validateChunks (cli.validate.ts): validates the feed rows it is sent and
 * posts the result back under the same chunk number. It says when it is ready, having loaded the
 * extractor's tables, so that chunks are not queued behind its start-up.
 */
import { parentPort } from 'node:worker_threads';
import { type Row, validateRows } from './cli.feed.js';

parentPort?.on('message', (job: { chunk: number; rows: Row[] }) => {
  parentPort?.postMessage({ chunk: job.chunk, ...validateRows(job.rows) });
});
parentPort?.postMessage({ ready: true });
