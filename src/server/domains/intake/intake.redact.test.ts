import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maskNarrative } from './intake.redact.js';

/** Export masking: the parties' own values, not place names that share characters with a surname. */
const aoba = {
  names: ['青葉 花子'],
  addresses: ['宮城県仙台市青葉区本町3-8-1'],
  phones: ['+81222111111'],
  accounts: [],
  accountNumbers: [],
};

test('a surname that is also a place name is masked as the person, not in 青葉区 or 仙台市青葉区', () => {
  const text =
    '仙台市青葉区在住。青葉区の青葉通りで声をかけられた。青葉さんは青葉 花子名義の口座を持つ。花子は本町3-8-1の自宅にいた。青葉山公園にも行った。';
  assert.equal(
    maskNarrative(text, aoba),
    '仙台市青葉区在住。青葉区の青葉通りで声をかけられた。＊＊さんは＊＊ ＊＊名義の口座を持つ。＊＊は＊＊＊＊＊＊＊の自宅にいた。青葉山公園にも行った。',
  );
});

test('a name part followed by an honorific or a particle is masked; the whole name always is', () => {
  assert.equal(maskNarrative('相談者青葉様より。青葉花子、青葉氏、青葉が来署。', aoba), '相談者＊＊様より。＊＊＊＊、＊＊氏、＊＊が来署。');
});

test('katakana and Latin name parts are masked only as whole words', () => {
  const v = { ...aoba, names: ['スズキ タロウ', 'Hanako AOBA'] };
  assert.equal(maskNarrative('スズキさんとスズキ自動車。AOBA様、AOBADAI社。', v), '＊＊＊さんとスズキ自動車。＊＊＊＊様、AOBADAI社。');
});

test('the party’s phone is masked wherever written; another number stays', () => {
  assert.equal(
    maskNarrative('自宅 022-211-1111 から 050-3000-1234 に電話した。', aoba),
    '自宅 ＊＊＊＊＊＊＊＊＊＊＊＊ から 050-3000-1234 に電話した。',
  );
});
