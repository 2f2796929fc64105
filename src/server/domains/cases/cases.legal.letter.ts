import { createRequire } from 'node:module';
import type { LegalKind, LegalProcess } from '../../../contracts/legal.contracts.js';

/**
 * The letter as police send it: 文書番号 and date (和暦) top right, the recipient with 御中, the
 * sender, the title, the legal basis, then 記 and the numbered items. `letterLines` is the text,
 * `letterPdf` lays it out on A4 in Noto Sans JP (the font is embedded, as a subset of the glyphs
 * used, so the letter prints the same anywhere).
 */
export interface LetterText {
  number: string;
  date: string;
  to: string;
  from: string;
  title: string;
  body: string;
  items: [label: string, text: string][];
  draft: boolean;
}

const titles: Record<LegalKind, { title: string; body: string }> = {
  inquiry: {
    title: '捜査関係事項照会書',
    body: '捜査のため必要があるので、下記事項について照会します。なお、回答は書面にて、期限までにお願いします。（刑事訴訟法第197条第2項）',
  },
  preservation: {
    title: '通信履歴の保全要請書',
    body: '差押え又は記録命令付差押えをするため必要があるので、下記の電磁的記録のうち必要なものを特定し、消去しないよう求めます。（刑事訴訟法第197条第3項）',
  },
};

const wareki = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
  era: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: 'Asia/Tokyo',
});

/** A day ("2026-12-21") or an instant in 和暦 letters: 令和8年12月21日. */
export function warekiDate(day: string | Date): string {
  const at = typeof day === 'string' ? new Date(`${day.slice(0, 10)}T12:00:00+09:00`) : day;
  return wareki.format(at).replace(/^令和1年/, '令和元年');
}

export function letterLines(l: LegalProcess, c: { caseNo: string; title: string }, unitName: string, now: Date): LetterText {
  const kind = titles[l.kind];
  const items: [string, string][] = [
    [l.kind === 'inquiry' ? '照会事項' : '保全を求める記録', l.subject],
    ['事件名', c.title],
    ['事件番号', c.caseNo],
  ];
  if (l.dueOn) items.push(['回答期限', warekiDate(l.dueOn)]);
  items.push(['担当', `${unitName} ${l.draftedBy.name}`]);
  return {
    number: l.letterNo ?? '（番号は決裁時に付与）',
    date: warekiDate(l.approvedAt ? new Date(l.approvedAt) : now),
    to: `${[l.recipient.name, l.recipient.department].filter((s) => s !== '').join(' ')} 御中`,
    from: `${unitName}長`,
    title: kind.title,
    body: kind.body,
    items,
    draft: l.letterNo === null,
  };
}

// The font ships with the @expo-google-fonts package (OFL-1.1): no download at run time.
const require = createRequire(import.meta.url);
const fonts = {
  regular: require.resolve('@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf'),
};

/**
 * The letter as an A4 PDF. A draft says so across its title (「案」) and has no number yet.
 * pdfkit is loaded on the first letter, not at start: it costs every server and command a
 * quarter of a second to load, and most never print one.
 */
export async function letterPdf(t: LetterText): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 72, bottom: 72, left: 80, right: 80 },
    info: { Title: t.title, Creator: 'Renkei' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('ja', fonts.regular);
  doc.registerFont('ja-bold', fonts.bold);
  doc.font('ja').fontSize(10.5);
  doc.text(t.number, { align: 'right' });
  doc.text(t.date, { align: 'right' });
  doc.moveDown(1.5);
  doc.fontSize(12).text(t.to);
  doc.moveDown();
  doc.fontSize(10.5).text(t.from, { align: 'right' });
  doc.moveDown(2);
  doc
    .font('ja-bold')
    .fontSize(16)
    .text(t.draft ? `${t.title}（案）` : t.title, { align: 'center' });
  doc.moveDown(1.5);
  doc.font('ja').fontSize(10.5).text(t.body, { lineGap: 4 });
  doc.moveDown();
  doc.text('記', { align: 'center' });
  doc.moveDown();
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  t.items.forEach(([label, text], i) => {
    doc.font('ja-bold').text(`${i + 1}　${label}`, left, undefined, { width });
    // Every line of the item under its label, not only the first.
    doc.font('ja').text(text, left + 20, undefined, { width: width - 20, lineGap: 3 });
    doc.moveDown(0.5);
  });
  doc.x = left;
  doc.moveDown();
  doc.text('以上', { align: 'right' });
  doc.end();
  return done;
}
