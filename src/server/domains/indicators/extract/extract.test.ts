import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { distinctValues, extract } from './extract.js';
import { extractInSlices, sliceEnds } from './extract.slices.js';

const values = (text: string) => distinctValues(extract(text)).map((v) => `${v.type}:${v.value}`);

test('a Japanese SMS lure: the URL stops at Japanese punctuation, its host is a domain', () => {
  const text = '【佐川急便】お荷物をお届けにあがりましたが不在の為持ち帰りました。確認はこちら https://sagawa-exp.top/track?id=8812」。';
  assert.deepEqual(values(text), ['url:https://sagawa-exp.top/track?id=8812', 'domain:sagawa-exp.top']);
  const [url] = extract(text);
  assert.equal(text.slice(url?.start, url?.end), 'https://sagawa-exp.top/track?id=8812', 'offsets point into the original text');
});

test('full-width forms are read as ASCII and keep their original span', () => {
  const text =
    '連絡先：ｈｔｔｐｓ：／／ｅｘａｍｐｌｅ．ｃｏｍ／ｌｏｇｉｎ 電話０９０－１２３４－５６７８、メール ｉｎｆｏ＠ｅｘａｍｐｌｅ．ｊｐ';
  assert.deepEqual(values(text), ['url:https://example.com/login', 'domain:example.com', 'phone:+819012345678', 'email:info@example.jp']);
  const phone = extract(text).find((h) => h.type === 'phone');
  assert.equal(phone?.raw, '０９０－１２３４－５６７８');
});

test('defanged indicators are refanged and flagged', () => {
  const hits = extract('C2: hxxps://evil[.]example[.]com/gate.php と 203.0.113[.]5、連絡 admin[at]evil(.)example(.)com');
  assert.deepEqual(
    hits.map((h) => `${h.type}:${h.value}:${h.defanged}`),
    [
      'url:https://evil.example.com/gate.php:true',
      'domain:evil.example.com:true',
      'ipv4:203.0.113.5:true',
      'email:admin@evil.example.com:true',
    ],
  );
});

test('a URL hard-wrapped by a mail client is joined', () => {
  const text =
    'ご本人確認のため以下のURLからログインしてください。アカウントの確認が取れない場合は停止されます\nhttps://mufg-kakunin.xyz/auth/verify/session?token=8f14e45fceea167a5a36dedd4bea2543&user=\n12345&lang=ja\n三菱UFJ銀行';
  assert.ok(
    values(text).includes('url:https://mufg-kakunin.xyz/auth/verify/session?token=8f14e45fceea167a5a36dedd4bea2543&user=12345&lang=ja'),
  );
});

test('no false hits on file names, versions, product names, times, dates, postal codes or amounts', () => {
  const text =
    '添付の invoice.zip と 請求書.pdf.exe、main.py、README.md を開かないでください。Chrome 120.0.6099.109、バージョン1.2.3.4、iOS 17.4.1、ASP.NET、Node.js。12:34:56 に 〒980-8570 宛、2024-05-12 に 1,234,567円。';
  assert.deepEqual(values(text), []);
});

test('Japanese bank accounts with branch, type, number and half-width holder', () => {
  const hits = extract('振込先：三菱UFJ銀行 仙台支店 普通 1234567 名義 カ）サポートセンター');
  assert.equal(hits.length, 1);
  assert.equal(hits[0]?.value, '0005-314-1-1234567');
  assert.equal(hits[0]?.attributes?.holder, 'ｶ)ｻﾎﾟｰﾄｾﾝﾀｰ');
  assert.equal(hits[0]?.attributes?.bankName, '三菱ＵＦＪ');
});

test('Japan Post Bank 記号・番号 become branch and number', () => {
  assert.deepEqual(values('ゆうちょ銀行 記号12345 番号12345671 ヤマダ タロウ'), ['bankAccount:9900-238-1-1234567']);
});

test('international and Japanese phone numbers become E.164', () => {
  assert.deepEqual(values('着信 +63 917 123 4567 と 0120-123-456 と +81 90 1234 5678'), [
    'phone:+639171234567',
    'phone:+81120123456',
    'phone:+819012345678',
  ]);
});

test('crypto addresses are checked, not just shaped: a bad EIP-55 checksum is refused', () => {
  assert.deepEqual(values('BTC bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq ETH 0x52908400098527886E0F7030069857D2E4169EE7'), [
    'btc:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq',
    'eth:0x52908400098527886e0f7030069857d2e4169ee7',
  ]);
  assert.deepEqual(values('ETH 0x52908400098527886E0F7030069857D2E4169Ee7'), []);
});

test('hashes by length, CVE ids upper-cased, CIDR to its network address, IPv6 compressed', () => {
  assert.deepEqual(values('md5 d41d8cd98f00b204e9800998ecf8427e cve-2024-3400 198.51.100.7/24 2001:0db8:0000:0000:0000:0000:0000:0001'), [
    'md5:d41d8cd98f00b204e9800998ecf8427e',
    'cve:CVE-2024-3400',
    'cidr:198.51.100.0/24',
    'ipv6:2001:db8::1',
  ]);
});

test('social accounts only when the service is named', () => {
  assert.deepEqual(values('LINE ID: fake_support99 を追加、インスタ @invest_guru、返信は @someone'), [
    'social:line:fake_support99',
    'social:instagram:invest_guru',
  ]);
});

test('markup: the URL ends where Markdown, HTML or AsciiDoc ends it', () => {
  assert.deepEqual(values('[こちら](https://a.example.com/x) <a href="https://b.example.com/y">b</a> https://c.example.com/z[リンク]'), [
    'url:https://a.example.com/x',
    'domain:a.example.com',
    'url:https://b.example.com/y',
    'domain:b.example.com',
    'url:https://c.example.com/z',
    'domain:c.example.com',
  ]);
});

test('fuzz: any input, never throws, every hit lies inside the text', () => {
  const alphabet = fc.constantFrom(
    ...'aZ09.-_/:@[]()<>"\'。、「」ー０９．＠：／ 　\n\thttps://xx[.]例え銀行支店普通口座名義カタカナ+81090-оаеρ\u200b\u00ad\ufeffé|`*+記号番号ゆうちょ｡（）'.split(
      '',
    ),
  );
  fc.assert(
    fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ unit: alphabet, maxLength: 400 })), (s) => {
      for (const h of extract(s, { candidates: true })) {
        assert.ok(h.start >= 0 && h.end <= s.length && h.start < h.end);
        assert.equal(h.raw, s.slice(h.start, h.end));
      }
    }),
    { numRuns: 1500 },
  );
});

test('fuzz: binary noise and pathological runs do not throw', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
      extract(Buffer.from(bytes).toString('latin1'));
      extract(new TextDecoder('utf-8', { fatal: false }).decode(bytes));
    }),
    { numRuns: 300 },
  );
  for (const unit of [
    '.',
    '1',
    '[',
    '1.',
    'a.',
    '０',
    'hxxp://',
    '@a',
    ':',
    'a-',
    '銀行',
    '1:',
    'о.',
    'a\u200b',
    '\u200b.',
    'a1',
    'ｈ',
    '1 ',
    '(1',
  ])
    extract(unit.repeat(50_000));
});

/**
 * CPU time, not wall time (other test processes share the two cores), and the fastest of five.
 * Linear work shows as 4x; quadratic as 16x, far beyond the bound whatever the noise.
 */
function timeMs(fn: () => void): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 5; i++) {
    const t = process.cpuUsage();
    fn();
    const d = process.cpuUsage(t);
    best = Math.min(best, (d.user + d.system) / 1000);
  }
  return best;
}

test('time grows linearly with input: 4 MB takes about four times 1 MB, for prose and for pathological input', () => {
  const prose =
    '振込先は三菱UFJ銀行 仙台支店 普通 1234567、連絡は 090-1234-5678 か https://evil.example.com/a?b=c まで。v1.2.3.4 invoice.zip ';
  for (const unit of [prose, '1.', 'a.', '[.]', '０', '1:', 'ab@', 'gо.', 'a\u200b.']) {
    const one = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const four = one.repeat(4);
    extract(one.slice(0, 100_000)); // warm-up
    const ratio = timeMs(() => extract(four)) / timeMs(() => extract(one));
    assert.ok(ratio < 8, `${JSON.stringify(unit)}: 4 MB / 1 MB time ratio ${ratio.toFixed(2)}`);
  }
});

test('a host with a Cyrillic letter is taken whole, in punycode, flagged with the Latin host it imitates', () => {
  // "gооgle" with two Cyrillic о: never cut to the unrelated "gle.com", never read as google.com.
  const hits = extract('ログインはこちら https://gооgle.com/loginにアクセス、または gооgle.com で');
  const url = hits.find((h) => h.type === 'url');
  const domains = hits.filter((h) => h.type === 'domain');
  assert.equal(url?.value, 'https://xn--ggle-55da.com/login', 'the path ends at the Japanese after it');
  assert.deepEqual(
    domains.map((d) => d.value),
    ['xn--ggle-55da.com', 'xn--ggle-55da.com'],
    'typed inside a URL or alone, the same host has one value, so it correlates',
  );
  for (const h of [url, ...domains]) {
    assert.equal(h?.attributes?.suspicious, 'mixed_script');
    assert.equal(h?.attributes?.lookalike, 'google.com');
    assert.equal(h?.attributes?.unicode, 'gооgle.com');
  }
  assert.ok(!hits.some((h) => h.value === 'gle.com' || h.value === 'google.com'));
});

test('a label wholly in another script that reads as Latin is flagged as a look-alike', () => {
  const [d] = extract('不審なサイト аррӏе.com に注意').filter((h) => h.type === 'domain');
  assert.equal(d?.value, 'xn--80ak6aa92e.com');
  assert.equal(d?.attributes?.suspicious, 'confusable');
  assert.equal(d?.attributes?.lookalike, 'apple.com');
});

test('an invisible character never splits a host nor hides the real one behind a benign one', () => {
  const text = '確認 https://paypal.com\u200b.verify-account.example.net/login と mufg\u200b.jp.evil-bank.example.net';
  const hits = extract(text);
  assert.deepEqual(
    hits.filter((h) => h.type !== 'url').map((h) => `${h.type}:${h.value}:${h.attributes?.suspicious}`),
    ['domain:paypal.com.verify-account.example.net:invisible_character', 'domain:mufg.jp.evil-bank.example.net:invisible_character'],
  );
  assert.equal(hits.find((h) => h.type === 'url')?.value, 'https://paypal.com.verify-account.example.net/login');
  for (const h of hits) assert.equal(h.raw, text.slice(h.start, h.end), 'spans still point into the original text');
});

test('honest hosts carry no flag: ASCII, Japanese names, and Japanese prose glued after a host', () => {
  const hits = extract('公式は https://www.npa.go.jp/ と 「宮城県警察.jp」、詳しくは example.comにアクセス。 ゼロ幅空白の後\u200bです');
  assert.deepEqual(
    hits.map((h) => `${h.type}:${h.value}`),
    ['url:https://www.npa.go.jp/', 'domain:www.npa.go.jp', `domain:${new URL('http://宮城県警察.jp/').hostname}`, 'domain:example.com'],
  );
  assert.ok(hits.every((h) => !h.attributes?.suspicious));
});

test('fuzz: extracting a long text slice by slice finds exactly what extracting it whole finds', async () => {
  const paragraph = fc.array(
    fc.constantFrom(
      '振込先は三菱UFJ銀行 仙台支店 普通 1234567',
      'https://evil.example.com/a?b=c',
      'hxxp://bad[.]example[.]net/x',
      '090-1234-5678',
      '203.0.113.7',
      'gооgle.com',
      'info@example.jp',
      '相談者は来署した。',
      '\n',
      ' ',
    ),
    { maxLength: 30 },
  );
  await fc.assert(
    fc.asyncProperty(fc.array(paragraph, { maxLength: 20 }), async (paras) => {
      const text = paras.map((p) => p.join('')).join('\n\n');
      assert.deepEqual(await extractInSlices(text, 40), extract(text));
    }),
    { numRuns: 200 },
  );
  assert.deepEqual(sliceEnds('a'.repeat(100), 10), [100], 'no blank line: one slice');
});

test('a long text gives the event loop back between slices', async () => {
  const text = Array.from({ length: 50 }, (_, i) => `段落${i}: https://evil.example.com/${i} と 090-1234-${String(1000 + i)}`).join('\n\n');
  let ticks = 0;
  let done = false;
  const tick = () => {
    ticks++;
    if (!done) setImmediate(tick);
  };
  setImmediate(tick);
  const hits = await extractInSlices(text, 200);
  done = true;
  assert.equal(hits.length, 150);
  assert.ok(
    ticks >= sliceEnds(text, 200).length - 1,
    `other work ran ${ticks} times while ${sliceEnds(text, 200).length} slices were read`,
  );
});

const withStatus = (text: string) =>
  extract(text, { candidates: true }).map((h) => `${h.type}:${h.value}${h.status ? `:${h.status}:${h.reasons?.join(',')}` : ''}`);

test('defanged e-mail and domain forms: (@), [@], spaced [at]/[dot], ideographic full stops, full-width brackets', () => {
  assert.deepEqual(values('返信先 support(@)example-help.net と billing[@]example-help.net、ｓｈｉｅｎ（＠）ｆｕｋｕｓｈｉ．ｊｐ'), [
    'email:support@example-help.net',
    'email:billing@example-help.net',
    'email:shien@fukushi.jp',
  ]);
  assert.deepEqual(values('operator [at] mail-relay [dot] org'), ['email:operator@mail-relay.org']);
  assert.deepEqual(values('送信元 evil。example。com と example-bank［.］com'), ['domain:evil.example.com', 'domain:example-bank.com']);
  // A full stop that ends a sentence, before a capital, Japanese or a file extension, is not a dot.
  assert.deepEqual(values('確認しました。OK。次へ。ファイルは report。pdf、担当(@)は不明、名前(@) です。'), []);
});

test('an IPv4 with leading zeros is a candidate to confirm, never a certain address; numbering is not an address', () => {
  assert.deepEqual(values('beacon 010.020.030.040'), [], 'not stored or correlated as certain');
  assert.deepEqual(withStatus('beacon 010.020.030.040 と 198.51.100.7'), [
    'ipv4:10.20.30.40:needsConfirmation:ipv4_leading_zero',
    'ipv4:198.51.100.7',
  ]);
  assert.deepEqual(values('手順 2.3.4.5 に従う。規程 第1.2.3.4項、図 3.1.2.1、section 1.2.1.3'), []);
});

test('markup around a URL is not part of it: AsciiDoc ++passthrough++, backticks, table cells, Markdown links, emphasis', () => {
  assert.deepEqual(values('* ++hxxp://update-checker[.]com/api/v2++ link:++https://c2-relay[.]com/x?y=1++[panel]'), [
    'url:http://update-checker.com/api/v2',
    'domain:update-checker.com',
    'url:https://c2-relay.com/x?y=1',
    'domain:c2-relay.com',
  ]);
  assert.deepEqual(values('[例](https://login-verify.xyz/auth?x=1)と|hxxp://203.0.113[.]44/gate.php|C2|'), [
    'url:https://login-verify.xyz/auth?x=1',
    'domain:login-verify.xyz',
    'url:http://203.0.113.44/gate.php',
    'ipv4:203.0.113.44',
  ]);
  assert.deepEqual(values('**https://news.example.org/a/42** news-cdn[.]info|198.51.100.23'), [
    'url:https://news.example.org/a/42',
    'domain:news.example.org',
    'domain:news-cdn.info',
    'ipv4:198.51.100.23',
  ]);
});

test('where a URL ends: a wildcard * it holds stays; Japanese glued after an ASCII query value is prose', () => {
  assert.deepEqual(values('blocked: hxxp://evil-files[.]com/dl/*'), ['url:http://evil-files.com/dl/*', 'domain:evil-files.com']);
  assert.deepEqual(values('ｈｔｔｐｓ：／／ｓｈｏｐ．ｊｐ／ｓａｌｅ？ｉｄ＝１２３にアクセス'), [
    'url:https://shop.jp/sale?id=123',
    'domain:shop.jp',
  ]);
  assert.deepEqual(values('https://search.example.jp/?q=詐欺 を検索'), [
    'url:https://search.example.jp/?q=%E8%A9%90%E6%AC%BA',
    'domain:search.example.jp',
  ]);
});

test('an account whose bank or branch does not resolve is kept as a candidate, with what is unknown marked', () => {
  const text =
    '振込先：三井住友銀行 青葉通支店 普通預金 １２３４５６７ 口座名義 カ）ミライコウエキ、アオバ銀行 中央支店 普通預金 7654321 名義 ユ)アオバ';
  assert.deepEqual(values(text), [], 'nothing uncertain is stored or correlated');
  const hits = extract(text, { candidates: true });
  assert.deepEqual(
    hits.map((h) => [h.value, h.status, h.reasons, h.attributes?.bankName, h.attributes?.holder]),
    [
      ['0009-???-1-1234567', 'needsConfirmation', ['branch_unknown'], '三井住友', 'ｶ)ﾐﾗｲｺｳｴｷ'],
      ['????-???-1-7654321', 'needsConfirmation', ['bank_unknown', 'branch_unknown'], 'アオバ銀行', 'ﾕ)ｱｵﾊﾞ'],
    ],
  );
  assert.deepEqual(withStatus('口座番号は 7654321、名義はカ）アオバトレーデイング（銀行名は聞き取れず）'), [
    'bankAccount:????-???-?-7654321:needsConfirmation:bank_unknown,branch_unknown,type_unknown',
  ]);
  // Amounts and other numbers beside a bank's name are not accounts, not even candidates.
  assert.deepEqual(withStatus('みずほ銀行のATMで 50000円。三菱UFJ銀行から電話、お客様番号 2345678 を聞かれた。'), []);
});

test('accounts: 口座番号 before the branch, types spelled out, several in one sentence', () => {
  assert.deepEqual(values('三菱UFJ銀行、口座番号 0825513、新宿支店（普通）、名義 ド）サクラ'), ['bankAccount:0005-341-1-0825513']);
  assert.deepEqual(values('みずほ銀行 上野支店 当座預金 ３３３４４４５、りそな銀行池袋支店　貯蓄預金口座　2223334'), [
    'bankAccount:0001-107-2-3334445',
    'bankAccount:0010-760-4-2223334',
  ]);
  assert.deepEqual(values('１回目は三菱UFJ銀行新宿支店 普通 1112223、２回目は三井住友銀行渋谷支店 普通 4445556 に振り込んだ'), [
    'bankAccount:0005-341-1-1112223',
    'bankAccount:0009-654-1-4445556',
  ]);
});

test('what looks like an account or phone number but does not validate is shown as malformed, never stored', () => {
  const text = 'ゆうちょ銀行 記号12345 番号67890、犯人の電話番号は 090-1234-567、TEL 03-1234-56789';
  assert.deepEqual(values(text), []);
  assert.deepEqual(withStatus(text), [
    'bankAccount:9900-238-1-0006789:malformed:check_digit',
    'phone:+81901234567:malformed:phone_length',
    'phone:+813123456789:malformed:phone_length',
  ]);
  assert.deepEqual(withStatus('注文番号 123-4567-890、〒980-8570、2024-05-09'), []);
});

test('a handle introduced as a user name counts when its service is named earlier on the line', () => {
  assert.deepEqual(values('やり取り（Telegram）で、相手のユーザー名は @kyc_dept_service。LINE（ID：tousi-club88）'), [
    'social:telegram:kyc_dept_service',
    'social:line:tousi-club88',
  ]);
  assert.deepEqual(values('相手のユーザー名は @someone'), [], 'no service named: a bare handle');
});

const prose = fc.constantFrom('', '相談者によると', '詳細は', 'see ', '連絡先：', '\n', '・');
const after = fc.constantFrom('', 'にアクセスした。', 'を参照', ' and more', '。', '、', '\n');
const label = fc.stringMatching(/^[a-z][a-z0-9]{1,8}(?:-[a-z0-9]{1,6})?$/);
// Registrable names only: a short label under .com may itself be a public suffix (eu.com, ae.org).
const hostLabel = fc.stringMatching(/^[a-z][a-z0-9]{4,8}-[a-z0-9]{1,6}$/);
const tld = fc.constantFrom('com', 'net', 'org', 'jp', 'xyz', 'top', 'info');

test('fuzz: a host written with any defanged dot, inside any markup, in any prose, is found whole', () => {
  const dot = fc.constantFrom('.', '[.]', '［.］', '(.)', '[dot]', '。');
  const wrap = fc.constantFrom<[string, string]>(
    ['', ''],
    ['`', '`'],
    ['`+', '+`'],
    ['|', '|'],
    ['「', '」'],
    ['(', ')'],
    ['**', '**'],
    [' ', ' '],
  );
  fc.assert(
    fc.property(prose, label, hostLabel, tld, dot, wrap, after, (p, a, b, t, d, [open, close], q) => {
      const text = `${p}${open}${a}${d}${b}${d}${t}${close}${q}`;
      assert.ok(values(text).includes(`domain:${a}.${b}.${t}`), text);
    }),
    { numRuns: 400 },
  );
});

test('fuzz: an e-mail address with any spelling of @, and a defanged URL in passthrough or emphasis, are found', () => {
  const at = fc.constantFrom('@', '(@)', '[@]', '[at]', ' [at] ', '(at)', '＠', '（＠）');
  const wrap = fc.constantFrom<[string, string]>(['', ''], ['++', '++'], ['**', '**'], ['`', '`'], ['<', '>'], ['[x](', ')'], ['|', '|']);
  const path = fc.stringMatching(/^(?:\/[a-z0-9]{1,6}){0,3}(?:\?[a-z]{1,4}=[a-z0-9]{1,6})?$/);
  fc.assert(
    fc.property(prose, label, at, hostLabel, tld, wrap, path, after, (p, local, a, host, t, [open, close], rest, q) => {
      assert.ok(values(`${p}${local}${a}${host}.${t}${q}`).includes(`email:${local}@${host}.${t}`));
      const url = new URL(`https://${host}.${t}${rest}`).href;
      const text = `${p}${open}hxxps://${host}[.]${t}${rest}${close}${q}`;
      assert.ok(values(text).includes(`url:${url}`), `${text} → ${values(text).join(' ')}`);
    }),
    { numRuns: 400 },
  );
});

test('fuzz: an account is never lost — resolved when the branch exists, else a candidate with the number', () => {
  const bank = fc.constantFrom(
    ['三菱UFJ銀行', '0005', '新宿支店', '341'],
    ['みずほ銀行', '0001', '上野支店', '107'],
    ['りそな銀行', '0010', '池袋支店', '760'],
  );
  const branchKnown = fc.boolean();
  const type = fc.constantFrom<[string, string]>(['普通', '1'], ['普通預金', '1'], ['当座預金', '2'], ['貯蓄預金', '4'], ['当座', '2']);
  const holder = fc
    .constantFrom('カ）', 'ユ)', 'ド）', 'イ）', 'ｶ)', '')
    .chain((abbr) => fc.constantFrom(`${abbr}アオバ`, `${abbr}ミライシヨウジ`));
  const width = fc.boolean();
  const sep = fc.constantFrom(' ', '　', '、');
  fc.assert(
    fc.property(
      bank,
      branchKnown,
      type,
      fc.integer({ min: 1_000_000, max: 9_999_999 }),
      holder,
      width,
      sep,
      (b, known, t, n, h, full, sp) => {
        const digits = full ? String(n).replace(/\d/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)) : String(n);
        const text = `振込先：${b[0]}${sp}${known ? b[2] : '杜の都支店'}${sp}${t[0]}${sp}${digits}${sp}名義 ${h}`;
        const found = extract(text, { candidates: true }).filter((x) => x.type === 'bankAccount');
        const want = known ? `${b[1]}-${b[3]}-${t[1]}-${n}` : `${b[1]}-???-${t[1]}-${n}`;
        assert.deepEqual(
          found.map((x) => [x.value, x.status]),
          [[want, known ? undefined : 'needsConfirmation']],
          text,
        );
      },
    ),
    { numRuns: 300 },
  );
});

test('fuzz: an IPv4 written with a leading zero is never returned as a certain address', () => {
  const octet = fc.integer({ min: 0, max: 255 });
  fc.assert(
    fc.property(prose, fc.tuple(octet, octet, octet, octet), fc.integer({ min: 0, max: 3 }), after, (p, o, zeroAt, q) => {
      const parts = o.map((x, i) => (i === zeroAt ? String(x).padStart(3, '0') : String(x)));
      if (String(o[zeroAt]).length === 3) return; // no room for a leading zero
      const text = `${p}${parts.join('.')}${q}`;
      assert.ok(!values(text).some((v) => v.startsWith('ipv4:')), text);
    }),
    { numRuns: 300 },
  );
});
