import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { bigramTokens } from '../../core/search/search.bigram.js';
import { normaliseSearchQuery, searchForms } from './indicators.search.js';

/** Any way of typing a value reaches the form it was indexed in. */
const toFullWidth = (s: string) => s.replace(/[0-9+-]/g, (c) => (c === '-' ? '－' : String.fromCharCode(c.charCodeAt(0) + 0xfee0)));
const contains = (doc: string, q: string) => bigramTokens(doc).join(' ').includes(bigramTokens(q).slice(0, -1).join(' '));

test('property: a phone typed in any common notation normalises to a form its record is indexed with', () => {
  const mobile = fc.tuple(fc.constantFrom('70', '80', '90', '50'), fc.stringMatching(/^[1-9]\d{3}$/), fc.stringMatching(/^\d{4}$/));
  fc.assert(
    fc.property(mobile, fc.nat(5), ([p, a, b], style) => {
      const e164 = `+81${p}${a}${b}`;
      const typed = [
        `0${p}${a}${b}`,
        `0${p}-${a}-${b}`,
        `0${p} ${a} ${b}`,
        `+81 ${p} ${a} ${b}`,
        `+81-${p}-${a}-${b}`,
        toFullWidth(`0${p}-${a}-${b}`),
      ][style] as string;
      const doc = searchForms('phone', e164).join('\n');
      assert.ok(contains(doc, normaliseSearchQuery(typed)), `${typed} → ${normaliseSearchQuery(typed)}`);
    }),
  );
});

test('a query keeps its words, reference numbers and numbers that are no phone', () => {
  assert.equal(normaliseSearchQuery('詐欺 090-1234-5678'), '詐欺 09012345678');
  assert.equal(normaliseSearchQuery('2026-000123'), '2026-000123');
  assert.equal(normaliseSearchQuery('1234567'), '1234567');
  assert.equal(normaliseSearchQuery('hxxps://evil[.]example/login'), 'https://evil.example/login');
});

test('property: the normaliser takes any text without throwing', () => {
  fc.assert(fc.property(fc.string({ maxLength: 500 }), (q) => void normaliseSearchQuery(q)));
});
