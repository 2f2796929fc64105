import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkTransition, defineLifecycle } from './lifecycle.js';

const lc = defineLifecycle({
  recordType: 'sample',
  states: {
    open: { ja: '受付', en: 'Open' },
    working: { ja: '対応中', en: 'Working' },
    done: { ja: '完了', en: 'Done' },
  },
  initial: 'open',
  fields: { answer: { ja: '回答', en: 'the answer' } },
  transitions: [
    { from: 'open', to: 'working', permission: 'p.write' },
    { from: 'working', to: 'done', permission: 'p.close', requires: ['answer'] },
    { from: 'done', to: 'working', permission: 'p.close' },
  ],
});
const all = new Set(['p.write', 'p.close']);

test('an allowed transition with its requirements met passes', () => {
  assert.equal(checkTransition(lc, { from: 'open', to: 'working', permissions: all, values: {} }), null);
  assert.equal(checkTransition(lc, { from: 'working', to: 'done', permissions: all, values: { answer: '対応済み' } }), null);
  assert.deepEqual(lc.next('working'), ['done']);
  // What a form offers: only what this actor may choose.
  assert.deepEqual(lc.next('working', new Set(['p.write'])), []);
});

test('a transition out of order is refused, naming the allowed next states in Japanese', () => {
  const e = checkTransition(lc, { from: 'open', to: 'done', permissions: all, values: { answer: 'x' } });
  assert.equal(e?.code, 'lifecycle.transition_not_allowed');
  assert.equal(e?.status, 409);
  assert.equal(e?.messageJa, '「受付」から「完了」には変更できません（「受付」から変更できる状態：「対応中」）。');
  assert.deepEqual(e?.details, [{ path: 'allowed.working', message: '対応中' }]);
  assert.equal(checkTransition(lc, { from: 'open', to: 'open', permissions: all, values: {} })?.code, 'lifecycle.transition_not_allowed');
});

test('a transition needs its own permission', () => {
  const e = checkTransition(lc, { from: 'working', to: 'done', permissions: new Set(['p.write']), values: { answer: 'x' } });
  assert.equal(e?.code, 'lifecycle.transition_forbidden');
  assert.equal(e?.status, 403);
});

test('a required field that is missing or blank is named', () => {
  for (const answer of [undefined, null, '  ']) {
    const e = checkTransition(lc, { from: 'working', to: 'done', permissions: all, values: { answer } });
    assert.equal(e?.code, 'lifecycle.requirement_missing');
    assert.match(e?.messageJa ?? '', /「完了」にするには 回答 の入力が必要です/);
    assert.deepEqual(e?.details, [{ path: 'body.answer', message: '回答を入力してください' }]);
  }
  assert.equal(checkTransition(lc, { from: 'working', to: 'done', permissions: all, values: { answer: 0 } }), null, 'zero is a value');
});

test('a lifecycle that names an unknown state, field or the same transition twice is refused at declaration', () => {
  const base = { recordType: 'x', states: { a: { ja: 'A', en: 'A' }, b: { ja: 'B', en: 'B' } }, initial: 'a' as const, fields: {} };
  assert.throws(() => defineLifecycle({ ...base, transitions: [{ from: 'a', to: 'c' as 'b', permission: 'p' }] }), /unknown state/);
  assert.throws(
    () =>
      defineLifecycle({
        ...base,
        transitions: [
          { from: 'a', to: 'b', permission: 'p' },
          { from: 'a', to: 'b', permission: 'p' },
        ],
      }),
    /twice/,
  );
  assert.throws(
    () => defineLifecycle({ ...base, transitions: [{ from: 'a', to: 'b', permission: 'p', requires: ['z' as never] }] }),
    /unknown field/,
  );
});

test('a transition that belongs to one party of the record is refused to the other, and not offered to it', () => {
  const sides = defineLifecycle({
    recordType: 'request',
    states: { asked: { ja: '依頼', en: 'Asked' }, taken: { ja: '受理', en: 'Taken' }, dropped: { ja: '取下げ', en: 'Dropped' } },
    initial: 'asked',
    fields: {},
    transitions: [
      { from: 'asked', to: 'taken', permission: 'p.read', party: 'handler' },
      { from: 'asked', to: 'dropped', permission: 'p.read', party: 'requester' },
    ],
  });
  const read = new Set(['p.read']);
  const requester = new Set(['requester']);
  assert.equal(
    checkTransition(sides, { from: 'asked', to: 'taken', permissions: read, parties: requester, values: {} })?.code,
    'lifecycle.transition_forbidden',
  );
  assert.equal(
    checkTransition(sides, { from: 'asked', to: 'taken', permissions: read, values: {} })?.code,
    'lifecycle.transition_forbidden',
  );
  assert.equal(checkTransition(sides, { from: 'asked', to: 'dropped', permissions: read, parties: requester, values: {} }), null);
  assert.deepEqual(sides.next('asked', read, requester), ['dropped']);
  assert.deepEqual(sides.next('asked', read, new Set(['requester', 'handler'])), ['taken', 'dropped']);
});
