/**
 * Extraction speed: MB/s on at least 10 MB of mixed text (the labelled corpus's narratives,
 * Japanese and English prose without indicators, server log lines), single core, Renkei and the
 * npm package ioc-extractor side by side in one run. Median of 5 runs each, after a warm-up.
 *   npm run bench -- speed
 */
import fs from 'node:fs';
import { extractIOC } from 'ioc-extractor';
import { extract } from '../src/server/domains/indicators/index.js';

const corpus = fs
  .readFileSync(new URL('./corpus/extraction.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => (JSON.parse(l) as { text: string }).text);

// Deterministic filler so every run measures the same text.
let seed = 42;
const rand = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)] as T;
const jaWords = [
  '相談者は',
  '本日',
  '午前中に',
  '自宅で',
  'パソコンを',
  '操作していたところ',
  '画面に',
  '警告が表示され',
  '不安になり',
  '警察署に',
  '来署した。',
  '被害は',
  '確認されていない',
  'ため',
  '防犯指導を',
  '行った。',
  '家族と',
  '相談の上',
  '再度',
  '連絡するとのこと。',
];
const enWords = [
  'the',
  'actor',
  'used',
  'a',
  'loader',
  'to',
  'deploy',
  'the',
  'payload',
  'after',
  'initial',
  'access',
  'via',
  'phishing',
  'and',
  'moved',
  'laterally',
  'within',
  'the',
  'network.',
];
const logLine = () =>
  `2026-11-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}T0${Math.floor(rand() * 9)}:12:45Z app[${Math.floor(rand() * 9000)}] INFO request completed status=200 duration_ms=${Math.floor(rand() * 900)} path=/api/v1/items/${Math.floor(rand() * 100000)}`;

const parts: string[] = [];
let size = 0;
while (size < 10.5 * 1024 * 1024) {
  const r = rand();
  const p =
    r < 0.35
      ? pick(corpus)
      : r < 0.65
        ? Array.from({ length: 40 }, () => pick(jaWords)).join('')
        : r < 0.85
          ? Array.from({ length: 60 }, () => pick(enWords)).join(' ')
          : Array.from({ length: 10 }, logLine).join('\n');
  parts.push(p);
  size += Buffer.byteLength(p) + 2;
}
const text = parts.join('\n\n');
const mb = Buffer.byteLength(text) / (1024 * 1024);

function median(fn: () => unknown, runs = 5): number {
  fn(); // warm-up
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    fn();
    t.push(performance.now() - s);
  }
  return t.sort((a, b) => a - b)[Math.floor(runs / 2)] as number;
}

const oursMs = median(() => extract(text));
const theirsMs = median(() => extractIOC(text));
console.log(`text: ${mb.toFixed(1)} MB (${text.length.toLocaleString()} UTF-16 units)`);
console.log(`renkei        ${(mb / (oursMs / 1000)).toFixed(1)} MB/s  (median ${oursMs.toFixed(0)} ms)`);
console.log(`ioc-extractor ${(mb / (theirsMs / 1000)).toFixed(1)} MB/s  (median ${theirsMs.toFixed(0)} ms)`);
console.log(`ratio         ${(theirsMs / oursMs).toFixed(2)}x`);
