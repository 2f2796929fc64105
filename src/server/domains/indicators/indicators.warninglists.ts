import fs from 'node:fs';
import path from 'node:path';
import ipaddr from 'ipaddr.js';
import { z } from 'zod';
import type { IndicatorType, WarningListInfo, WarningListKind } from '../../../contracts/indicators.contracts.js';

/**
 * Known-benign values (MISP warning lists, our own, and the cyber division's local lists), matched
 * by type: CIDR lists for addresses, hostname lists for a domain and its parents, string lists for
 * exact values (hashes, names). Matching annotates with the list's id; it never removes anything.
 */
const listSchema = z.object({
  name: z.string(),
  type: z.enum(['cidr', 'hostname', 'string', 'substring', 'regex']),
  list: z.array(z.string()),
});
const namesSchema = z.record(z.string(), z.string());

/** What a list is, without its entries: for the catalogue people read. */
export interface WarningListMeta {
  /** File name without .json for shipped lists; `local:<uuid>` for the cyber division's. */
  id: string;
  name: string;
  nameJa: string;
  source: WarningListInfo['source'];
  kind: WarningListKind;
  size: number;
}

interface V4Range {
  from: number;
  to: number;
}

/** A list's entries in the form matching needs; built on first match (see compileList). */
interface Compiled {
  hosts?: Set<string>;
  strings?: Set<string>;
  v4?: V4Range[];
  v6?: [ipaddr.IPv6, number][];
}

export interface WarningList extends WarningListMeta {
  /** The entries, compiled on first use and kept. */
  compiled(): Compiled;
}

export interface WarningLists {
  /** Shipped lists first, then local ones. */
  readonly lists: readonly WarningList[];
  /** Ids of the lists the value is on. */
  match(type: IndicatorType, value: string): string[];
  /** Swap in the current local lists (after an edit, or when another server edited them). */
  setLocal(lists: WarningList[]): void;
}

const DOTTED = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/;

/** A dotted IPv4 address as a number, or NaN; without ipaddr's objects (feeds match 100,000s). */
function v4Int(s: string): number {
  const m = DOTTED.exec(s);
  if (!m || m[5] !== undefined) return Number.NaN;
  const o = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
  return o.some((x) => x > 255) ? Number.NaN : ((o[0] * 256 + o[1]) * 256 + o[2]) * 256 + o[3];
}

/** The range of an IPv4 entry ("192.0.2.0/24", "192.0.2.1"), or null when it is not one. */
function v4Range(entry: string): V4Range | null {
  const m = DOTTED.exec(entry);
  if (!m) return null;
  const bits = m[5] === undefined ? 32 : Number(m[5]);
  const n = v4Int(entry.replace(/\/\d+$/, ''));
  if (Number.isNaN(n) || bits > 32) return null;
  const size = 2 ** (32 - bits);
  const from = n - (n % size);
  return { from, to: from + size - 1 };
}

function compileCidr(list: string[]): Compiled {
  const v4: V4Range[] = [];
  const v6: [ipaddr.IPv6, number][] = [];
  for (const entry of list) {
    const fast = v4Range(entry);
    if (fast) {
      v4.push(fast);
      continue;
    }
    try {
      // Any other form (IPv6, or IPv4 written unusually) goes through ipaddr.
      const [addr, bits] = entry.includes('/')
        ? ipaddr.parseCIDR(entry)
        : [ipaddr.parse(entry), ipaddr.parse(entry).kind() === 'ipv4' ? 32 : 128];
      if (addr.kind() === 'ipv4') {
        const r = v4Range(`${addr.toString()}/${bits}`);
        if (r) v4.push(r);
      } else v6.push([addr as ipaddr.IPv6, bits]);
    } catch {
      // A malformed entry in an upstream list is skipped, not fatal.
    }
  }
  return { v4: v4.sort((a, b) => a.from - b.from), v6 };
}

/**
 * A list ready for matching. Its entries are compiled when a value of its kind is first matched,
 * not when the lists are opened: a command that imports phone numbers never pays for 60,000 CIDR
 * ranges, and the server's start does not wait for them.
 */
export function compileList(meta: Omit<WarningListMeta, 'kind' | 'size'>, raw: { type: string; list: string[] }): WarningList | null {
  if (raw.type !== 'cidr' && raw.type !== 'hostname' && raw.type !== 'string') return null; // substring and regex lists are not used
  const kind = raw.type;
  let compiled: Compiled | undefined;
  return {
    ...meta,
    kind,
    size: raw.list.length,
    compiled() {
      compiled ??=
        kind === 'cidr'
          ? compileCidr(raw.list)
          : kind === 'hostname'
            ? { hosts: new Set(raw.list.map((h) => h.toLowerCase().replace(/^\*\./, '').replace(/^\./, '').replace(/\.$/, ''))) }
            : { strings: new Set(raw.list.map((s) => s.toLowerCase().replace(/\.$/, ''))) };
      return compiled;
    },
  };
}

function inV4(ranges: V4Range[], n: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  // Ranges may overlap; any range starting at or before n could contain it, so scan back a little.
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((ranges[mid] as V4Range).from <= n) lo = mid + 1;
    else hi = mid - 1;
  }
  for (let i = hi; i >= 0 && i > hi - 64; i--) if ((ranges[i] as V4Range).to >= n) return true;
  return false;
}

const HASHES = new Set<IndicatorType>(['md5', 'sha1', 'sha256', 'sha512']);

/** Whether a list can hold a value of this type at all; the rest are not looked at. */
function applies(l: WarningList, type: IndicatorType): boolean {
  if (l.kind === 'cidr') return type === 'ipv4' || type === 'ipv6';
  if (l.kind === 'hostname') return type === 'domain' || type === 'email';
  // The cyber division's exact values may be any kind (a bank's call centre, a drill account).
  return l.source === 'local' || type === 'domain' || HASHES.has(type);
}

export function createWarningLists(shipped: WarningList[], local: WarningList[] = []): WarningLists {
  let lists = [...shipped, ...local];
  // The lists that apply to each type, worked out once per type and again after setLocal.
  let byType = new Map<IndicatorType, WarningList[]>();
  const applicable = (type: IndicatorType) => {
    let ls = byType.get(type);
    if (!ls) {
      ls = lists.filter((l) => applies(l, type));
      byType.set(type, ls);
    }
    return ls;
  };
  return {
    get lists() {
      return lists;
    },
    setLocal(next) {
      lists = [...shipped, ...next];
      byType = new Map();
    },
    match(type, value) {
      const hits: string[] = [];
      const ls = applicable(type);
      if (ls.length === 0) return hits;
      // A host and each parent domain (a.b.example.com, b.example.com, example.com), cut once.
      const host = type === 'email' ? (value.split('@')[1] ?? '') : value;
      const suffixes: string[] = [];
      if (type === 'domain' || type === 'email') {
        for (let h = host, dot = 0; dot >= 0; dot = h.indexOf('.'), h = h.slice(dot + 1)) suffixes.push(h);
      }
      let n: number | undefined;
      let a6: ipaddr.IPv6 | undefined;
      for (const l of ls) {
        const c = l.compiled();
        let hit = false;
        if (type === 'ipv4' && c.v4) {
          n ??= v4Int(value);
          hit = !Number.isNaN(n) && inV4(c.v4, n);
        } else if (type === 'ipv6' && c.v6) {
          a6 ??= ipaddr.IPv6.parse(value);
          const a = a6;
          hit = c.v6.some(([net, bits]) => a.match(net, bits));
        } else if (c.hosts) {
          const hosts = c.hosts;
          hit = suffixes.some((h) => hosts.has(h));
        } else if (c.strings && l.source === 'local') hit = c.strings.has(value.toLowerCase());
        else if (c.strings) hit = c.strings.has(value);
        if (hit) hits.push(l.id);
      }
      return hits;
    },
  };
}

/**
 * Read the shipped lists (MISP's and ours) from their directory; `names.ja.json` beside them gives
 * their Japanese names. The cyber division's own lists live in the database (locallists).
 */
export function loadWarningLists(dir: string, onError: (file: string, reason: string) => void = () => {}): WarningLists {
  const lists: WarningList[] = [];
  const namesFile = path.join(dir, 'names.ja.json');
  const names = fs.existsSync(namesFile) ? namesSchema.parse(JSON.parse(fs.readFileSync(namesFile, 'utf8'))) : {};
  for (const f of fs
    .readdirSync(dir)
    .filter((x) => x.endsWith('.json') && x !== 'names.ja.json')
    .sort()) {
    const file = path.join(dir, f);
    const id = f.replace(/\.json$/, '');
    try {
      const parsed = listSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
      // Our own list says so in its name; the rest of the shipped data is MISP's.
      const source: WarningListInfo['source'] = /\(Renkei\)/.test(parsed.name) ? 'renkei' : 'misp';
      const w = compileList({ id, name: parsed.name, nameJa: names[id] ?? parsed.name, source }, parsed);
      if (w) lists.push(w);
    } catch (e) {
      onError(file, (e as Error).message.slice(0, 200));
    }
  }
  return createWarningLists(lists);
}
