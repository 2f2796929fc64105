/**
 * A worker thread of validateChunks (cli.validate.ts): reads and validates the feed part it is sent and
 * posts the result back under the same chunk number. It says when it is ready, having loaded the
 * extractor's tables, so that chunks are not queued behind its start-up.
 */
import { parentPort } from 'node:worker_threads';
import { type FeedPart, validatePart } from './cli.feed.js';

parentPort?.on('message', (job: { chunk: number; part: FeedPart }) => {
  parentPort?.postMessage({ chunk: job.chunk, ...validatePart(job.part) });
});
parentPort?.postMessage({ ready: true });
