/**
 * Extraction quality on the labelled corpus (bench/corpus/extraction.jsonl): precision and recall
 * per type, per corpus category and overall, for Renkei's extractor and for the npm package
 * ioc-extractor (baseline), in the same run, with every miss listed. A case's hits are compared as
 * sets of (type, canonical value); a value the extractor marks as needing confirmation or malformed
 * counts as its own type ("bankAccount:needsConfirmation"), so a candidate never passes for a
 * confirmed value or the other way round.
 *   npm run bench -- quality
 */
import fs from 'node:fs';
import { extractIOC } from 'ioc-extractor';
import ipaddr from 'ipaddr.js';
import { extract } from '../src/server/domains/indicators/index.js';

interface Case {
  id: string;
  category: string;
  text: string;
  expected: { type: string; value: string; status?: string }[];
}
type Pair = `${string}\u0000${string}`;

const cases: Case[] = fs
  .readFileSync(new URL('./corpus/extraction.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as Case);

const key = (type: string, value: string, status?: string): Pair => `${status ? `${type}:${status}` : type}\u0000${value}`;

function renkei(text: string): Set<Pair> {
  return new Set(extract(text, { candidates: true }).map((h) => key(h.type, h.value, h.status)));
}

/** ioc-extractor's output mapped onto our types and canonical forms, so it is judged fairly. */
function baseline(text: string): Set<Pair> {
  const r = extractIOC(text);
  const out = new Set<Pair>();
  const url = (u: string) => {
    try {
      const x = new URL(u);
      x.hash = '';
      return x.href;
    } catch {
      return u;
    }
  };
  const v6 = (a: string) => {
    try {
      return (ipaddr.IPv6.parse(a) as ipaddr.IPv6).toRFC5952String();
    } catch {
      return a;
    }
  };
  for (const u of r.urls) out.add(key('url', url(u)));
  for (const d of r.domains) out.add(key('domain', d.toLowerCase()));
  for (const a of r.ipv4s) out.add(key('ipv4', a));
  for (const a of r.ipv6s) out.add(key('ipv6', v6(a)));
  for (const e of r.emails) out.add(key('email', e.toLowerCase()));
  for (const b of r.btcs) out.add(key('btc', b.toLowerCase().startsWith('bc1') ? b.toLowerCase() : b));
  for (const e of r.eths) out.add(key('eth', e.toLowerCase()));
  for (const h of r.md5s) out.add(key('md5', h.toLowerCase()));
  for (const h of r.sha1s) out.add(key('sha1', h.toLowerCase()));
  for (const h of r.sha256s) out.add(key('sha256', h.toLowerCase()));
  for (const h of r.sha512s) out.add(key('sha512', h.toLowerCase()));
  for (const c of r.cves) out.add(key('cve', c.toUpperCase()));
  return out;
}

/** Types ioc-extractor claims to handle, for a like-for-like comparison as well. */
const BASELINE_TYPES = new Set(['url', 'domain', 'ipv4', 'ipv6', 'email', 'btc', 'eth', 'md5', 'sha1', 'sha256', 'sha512', 'cve']);

interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

function score(run: (t: string) => Set<Pair>, only?: Set<string>) {
  const byType = new Map<string, Tally>();
  const byCategory = new Map<string, Tally>();
  const misses: string[] = [];
  const tally = (m: Map<string, Tally>, k: string) => m.get(k) ?? (m.set(k, { tp: 0, fp: 0, fn: 0 }).get(k) as Tally);
  const count = (category: string, type: string, what: keyof Tally) => {
    tally(byType, type)[what]++;
    tally(byCategory, category)[what]++;
  };
  for (const c of cases) {
    const got = [...run(c.text)].filter((p) => !only || only.has(p.split('\u0000')[0] as string));
    const want = new Set(c.expected.filter((e) => !only || only.has(e.type)).map((e) => key(e.type, e.value, e.status)));
    for (const p of got) {
      const type = p.split('\u0000')[0] as string;
      if (want.has(p)) count(c.category, type, 'tp');
      else {
        count(c.category, type, 'fp');
        misses.push(`${c.id} FP ${p.replace('\u0000', ' ')}`);
      }
    }
    const gotSet = new Set(got);
    for (const p of want)
      if (!gotSet.has(p)) {
        count(c.category, p.split('\u0000')[0] as string, 'fn');
        misses.push(`${c.id} FN ${p.replace('\u0000', ' ')}`);
      }
  }
  const all = [...byType.values()].reduce((a, b) => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn }), { tp: 0, fp: 0, fn: 0 });
  return { byType, byCategory, all, misses };
}

const pr = (x: Tally) => ({ p: x.tp + x.fp === 0 ? 1 : x.tp / (x.tp + x.fp), r: x.tp + x.fn === 0 ? 1 : x.tp / (x.tp + x.fn) });
const f3 = (n: number) => n.toFixed(3);

const ours = score(renkei);
const theirs = score(baseline);
const oursCommon = score(renkei, BASELINE_TYPES);
const theirsCommon = score(baseline, BASELINE_TYPES);

console.log(`corpus: ${cases.length} cases, ${cases.reduce((n, c) => n + c.expected.length, 0)} expected indicators`);
const none: Tally = { tp: 0, fp: 0, fn: 0 };
const table = (title: string, a: Map<string, Tally>, b: Map<string, Tally>) => {
  console.log(`\n${title.padEnd(30)} renkei P / R    (n)   ioc-extractor P / R`);
  for (const k of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const x = a.get(k) ?? none;
    const y = pr(b.get(k) ?? none);
    const n = `(${x.tp + x.fn})`.padStart(6);
    console.log(`${k.padEnd(30)} ${f3(pr(x).p)} / ${f3(pr(x).r)} ${n}   ${f3(y.p)} / ${f3(y.r)}`);
  }
};
table('type', ours.byType, theirs.byType);
table('category', ours.byCategory, theirs.byCategory);
console.log('');
const o = pr(ours.all);
const b = pr(theirs.all);
const oc = pr(oursCommon.all);
const bc = pr(theirsCommon.all);
console.log(`OVERALL       ${f3(o.p)} / ${f3(o.r)}      ${f3(b.p)} / ${f3(b.r)}`);
console.log(`COMMON TYPES  ${f3(oc.p)} / ${f3(oc.r)}      ${f3(bc.p)} / ${f3(bc.r)}   (only the types ioc-extractor handles)`);
console.log(`\nrenkei misses (${ours.misses.length}):`);
for (const m of ours.misses) console.log(`  ${m}`);
