import { type Hit, hit, type Scan } from './extract.types.js';

const CVE = /(?<![A-Za-z0-9])CVE-(\d{4})-(\d{4,7})(?!\d)/gi;

export function extractCves(scan: Scan, out: Hit[]): void {
  const s = scan.folded;
  CVE.lastIndex = 0;
  for (let m = CVE.exec(s); m; m = CVE.exec(s)) {
    out.push(hit('cve', `CVE-${m[1]}-${m[2]}`, scan, m.index, m.index + m[0].length, false));
  }
}

/** Service names as people write them, in Japanese and English, to our service identifiers. */
const SERVICES: [RegExp, string][] = [
  [/^(?:x|twitter|ツイッター|エックス)$/i, 'x'],
  [/^(?:instagram|インスタグラム|インスタ)$/i, 'instagram'],
  [/^(?:facebook|フェイスブック|fb)$/i, 'facebook'],
  [/^(?:tiktok|ティックトック)$/i, 'tiktok'],
  [/^(?:line|ライン)$/i, 'line'],
  [/^(?:telegram|テレグラム)$/i, 'telegram'],
  [/^(?:youtube|ユーチューブ)$/i, 'youtube'],
];

/**
 * A handle counts only when a service is named just before it: 「LINE ID: abc」「Xアカウント @abc」
 * 「インスタ（@abc）」. A bare @abc is too ambiguous to correlate on.
 */
const SOCIAL = new RegExp(
  '(?<![A-Za-z0-9])(X|Twitter|ツイッター|エックス|Instagram|インスタグラム|インスタ|Facebook|フェイスブック|TikTok|ティックトック|LINE|ライン|Telegram|テレグラム|YouTube|ユーチューブ)(?![A-Za-z])' +
    String.raw`[^\n@A-Za-z0-9]{0,12}?(?:(?:ID|ＩＤ|アカウント名?|ユーザー名|ハンドル)\s*(?:は|[:：=])?\s*[「（(]?\s*@?|[「（(]\s*@?(?!ID\s*[:：=])|[\s:：]\s*@|@)([A-Za-z0-9][A-Za-z0-9._-]{1,29})`,
  'g',
);

const SERVICE_WORD = /^(?:x|twitter|instagram|facebook|tiktok|line|telegram|youtube|id)$/i;
/** More handles listed after the first: 「LINE ID abc、def」. */
const LIST_MORE = /^[、,・/]\s*@?([A-Za-z0-9][A-Za-z0-9._-]{1,29})(?![A-Za-z0-9])/;

/**
 * 「犯人とのやり取り（Telegram）で…相手のユーザー名は @abc」: a handle introduced as a user name,
 * with the service named earlier on the same line.
 */
const USER_NAME = /(?:ユーザー名|ユーザーネーム|アカウント名)\s*(?:は|[:：])?\s*@([A-Za-z0-9][A-Za-z0-9._-]{1,29})/g;
const SERVICE_ON_LINE =
  /(?<![A-Za-z0-9])(X|Twitter|ツイッター|Instagram|インスタグラム|インスタ|Facebook|フェイスブック|TikTok|LINE|ライン|Telegram|テレグラム|YouTube)(?![A-Za-z])/g;

function extractUserNames(s: string, scan: Scan, out: Hit[], from: number): void {
  USER_NAME.lastIndex = 0;
  for (let m = USER_NAME.exec(s); m; m = USER_NAME.exec(s)) {
    const handle = (m[1] as string).replace(/[._-]+$/, '');
    const start = m.index + m[0].length - (m[1] as string).length;
    if (out.some((h, i) => i >= from && h.start === start)) continue;
    const lineStart = Math.max(s.lastIndexOf('\n', m.index) + 1, m.index - 120);
    // The nearest service named before it, within a bounded look-back (linear time overall).
    let service: string | undefined;
    for (const n of s.slice(lineStart, m.index).matchAll(SERVICE_ON_LINE)) {
      service = SERVICES.find(([re]) => re.test(n[1] as string))?.[1] ?? service;
    }
    if (service && handle.length >= 2 && !SERVICE_WORD.test(handle)) {
      out.push(hit('social', `${service}:${handle.toLowerCase()}`, scan, start, start + handle.length, false));
    }
  }
}

export function extractSocial(scan: Scan, out: Hit[]): void {
  const s = scan.folded;
  const from = out.length;
  SOCIAL.lastIndex = 0;
  for (let m = SOCIAL.exec(s); m; m = SOCIAL.exec(s)) {
    const service = SERVICES.find(([re]) => re.test(m?.[1] as string))?.[1];
    if (!service) continue;
    let start = m.index + m[0].length - (m[2] as string).length;
    let raw = m[2] as string;
    if (SERVICE_WORD.test(raw)) {
      // 「LINEアカウント：LINE ID abc」: the "handle" is the next mention of the service; start again there.
      SOCIAL.lastIndex = start;
      continue;
    }
    for (let k = 0; k < 10; k++) {
      const handle = raw.replace(/[._-]+$/, '');
      if (handle.length >= 2 && !SERVICE_WORD.test(handle) && !/^\d+$/.test(handle)) {
        out.push(hit('social', `${service}:${handle.toLowerCase()}`, scan, start, start + handle.length, false));
      }
      const more = LIST_MORE.exec(s.slice(start + raw.length, start + raw.length + 40));
      if (!more) break;
      start = start + raw.length + more[0].length - (more[1] as string).length;
      raw = more[1] as string;
    }
  }
  extractUserNames(s, scan, out, from);
}
