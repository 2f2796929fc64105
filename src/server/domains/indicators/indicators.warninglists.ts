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

export interface WarningList extends WarningListMeta {
  hosts?: Set<string>;
  strings?: Set<string>;
  v4?: V4Range[];
  v6?: [ipaddr.IPv6, number][];
}

export interface WarningLists {
  /** Shipped lists first, then local ones. */
  readonly lists: readonly WarningList[];
  /** Ids of the lists the value is on. */
  match(type: IndicatorType, value: string): string[];
  /** Swap in the current local lists (after an edit, or when another server edited them). */
  setLocal(lists: WarningList[]): void;
}

const v4ToInt = (a: ipaddr.IPv4) => a.octets.reduce((n, o) => n * 256 + o, 0);

export function compileList(meta: Omit<WarningListMeta, 'kind' | 'size'>, raw: { type: string; list: string[] }): WarningList | null {
  if (raw.type !== 'cidr' && raw.type !== 'hostname' && raw.type !== 'string') return null; // substring and regex lists are not used
  const w: WarningList = { ...meta, kind: raw.type, size: raw.list.length };
  if (raw.type === 'cidr') {
    const v4: V4Range[] = [];
    const v6: [ipaddr.IPv6, number][] = [];
    for (const entry of raw.list) {
      try {
        const [addr, bits] = entry.includes('/')
          ? ipaddr.parseCIDR(entry)
          : [ipaddr.parse(entry), ipaddr.parse(entry).kind() === 'ipv4' ? 32 : 128];
        if (addr.kind() === 'ipv4') {
          const start = v4ToInt(ipaddr.IPv4.networkAddressFromCIDR(`${addr.toString()}/${bits}`));
          v4.push({ from: start, to: start + 2 ** (32 - bits) - 1 });
        } else v6.push([addr as ipaddr.IPv6, bits]);
      } catch {
        // A malformed entry in an upstream list is skipped, not fatal.
      }
    }
    w.v4 = v4.sort((a, b) => a.from - b.from);
    w.v6 = v6;
  } else if (raw.type === 'hostname') {
    w.hosts = new Set(raw.list.map((h) => h.toLowerCase().replace(/^\*\./, '').replace(/^\./, '').replace(/\.$/, '')));
  } else {
    w.strings = new Set(raw.list.map((s) => s.toLowerCase().replace(/\.$/, '')));
  }
  return w;
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

function hostMatches(set: Set<string>, host: string): boolean {
  let h = host;
  for (;;) {
    if (set.has(h)) return true;
    const dot = h.indexOf('.');
    if (dot < 0) return false;
    h = h.slice(dot + 1);
  }
}

export function createWarningLists(shipped: WarningList[], local: WarningList[] = []): WarningLists {
  let lists = [...shipped, ...local];
  return {
    get lists() {
      return lists;
    },
    setLocal(next) {
      lists = [...shipped, ...next];
    },
    match(type, value) {
      const hits: string[] = [];
      for (const l of lists) {
        let hit = false;
        if (type === 'ipv4' && l.v4) hit = inV4(l.v4, v4ToInt(ipaddr.IPv4.parse(value)));
        else if (type === 'ipv6' && l.v6) {
          const a = ipaddr.IPv6.parse(value);
          hit = l.v6.some(([net, bits]) => a.match(net, bits));
        } else if ((type === 'domain' || type === 'email') && l.hosts)
          hit = hostMatches(l.hosts, type === 'email' ? (value.split('@')[1] ?? '') : value);
        else if (l.strings && l.source === 'local')
          // The cyber division's exact values may be any kind (a bank's call centre, a drill account).
          hit = l.strings.has(value.toLowerCase());
        else if (l.strings && (type === 'domain' || type === 'md5' || type === 'sha1' || type === 'sha256' || type === 'sha512'))
          hit = l.strings.has(value);
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
