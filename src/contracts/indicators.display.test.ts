import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { displayValue, valueText } from './indicators.display.js';

/** The one renderer: values as people write them, the canonical form kept for copying. */

test('phones read as people write them, with the line type', () => {
  assert.equal(valueText('phone', '+815052127788'), '050-5212-7788（IP電話）');
  assert.equal(valueText('phone', '+819012345678'), '090-1234-5678（携帯電話）');
  assert.equal(valueText('phone', '+81120123456'), '0120-123-456（フリーダイヤル）');
  assert.equal(valueText('phone', '+81222111111'), '022-211-1111（固定電話）');
  assert.equal(valueText('phone', '+815052127788', {}, 'en'), '050-5212-7788 (IP phone)');
  assert.equal(displayValue('phone', '+14155552671').text, '+1 415 555 2671');
  assert.equal(displayValue('phone', '+815052127788').canonical, '+815052127788');
});

test('accounts read with bank and branch names, account type, number and holder', () => {
  const attrs = { bankName: '三菱ＵＦＪ', branchName: '新宿', holder: 'ﾔﾏﾀﾞﾀﾛｳ' };
  assert.equal(valueText('bankAccount', '0005-341-1-1234567', attrs), '三菱UFJ銀行 新宿支店 普通 1234567 ﾔﾏﾀﾞﾀﾛｳ');
  assert.equal(
    valueText('bankAccount', '0125-100-2-0000001', { bankName: '七十七', branchName: '本店営業部' }),
    '七十七銀行 本店営業部 当座 0000001',
  );
  assert.equal(
    valueText('bankAccount', '9900-018-1-1234567', { bankName: 'ゆうちょ', branchName: '〇一八' }),
    'ゆうちょ銀行 〇一八店 普通 1234567',
  );
  assert.equal(valueText('bankAccount', '1001-001-1-1234567', { bankName: '北海道信金' }), '北海道信金 店番001 普通 1234567');
  assert.equal(valueText('bankAccount', '0005-341-4-1234567'), '金融機関0005 店番341 貯蓄 1234567');
});

test('URLs and domains are defanged, an IDN host read in Unicode with punycode kept', () => {
  const url = displayValue('url', 'https://evil.example.com/login?id=1');
  assert.equal(url.text, 'hxxps://evil.example[.]com/login?id=1');
  assert.equal(url.canonical, 'https://evil.example.com/login?id=1');
  const idn = displayValue('domain', 'xn--wgv71a119e.jp', { unicode: '日本語.jp' });
  assert.deepEqual(idn, { text: '日本語[.]jp', note: null, canonical: 'xn--wgv71a119e.jp', full: 'xn--wgv71a119e.jp' });
  assert.equal(displayValue('url', 'https://xn--wgv71a119e.jp:8443/a', { unicode: '日本語.jp' }).text, 'hxxps://日本語[.]jp:8443/a');
});

test('long addresses are shortened for reading, whole on copy', () => {
  const eth = `0x${'ab'.repeat(20)}`;
  const d = displayValue('eth', eth);
  assert.equal(d.text, '0xababab…ababab');
  assert.equal(d.full, eth);
  assert.equal(d.canonical, eth);
  assert.equal(valueText('social', 'x:fake_support'), 'X @fake_support');
});

test('property: a Japanese phone as displayed parses back to the canonical value', () => {
  const national = fc.oneof(
    fc.tuple(fc.constantFrom('50', '70', '80', '90'), fc.stringMatching(/^[1-9]\d{7}$/)).map(([p, r]) => p + r),
    fc.tuple(fc.constantFrom('3', '6'), fc.stringMatching(/^[1-9]\d{7}$/)).map(([p, r]) => p + r),
    fc.stringMatching(/^120\d{6}$/),
  );
  fc.assert(
    fc.property(national, (n) => {
      const canonical = `+81${n}`;
      const d = displayValue('phone', canonical);
      assert.equal(d.canonical, canonical);
      assert.equal(parsePhoneNumberFromString(d.text, 'JP')?.number, canonical, d.text);
      assert.ok(d.text.startsWith('0'));
    }),
  );
});

test('property: every rendering keeps the canonical value and never throws', () => {
  const types = fc.constantFrom('phone', 'bankAccount', 'url', 'domain', 'email', 'eth', 'btc', 'social', 'md5', 'cve', 'other');
  fc.assert(
    fc.property(types, fc.string({ maxLength: 200 }), (type, value) => {
      const d = displayValue(type, value);
      assert.equal(d.canonical, value);
      assert.equal(typeof d.text, 'string');
    }),
  );
});
