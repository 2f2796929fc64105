import assert from 'node:assert/strict';
import { test } from 'node:test';
import { QueryClient } from '@tanstack/react-query';
import { storeSession } from '../../../api/session.js';
import { clearAllDrafts, draftKey } from '../../../lib/drafts.js';
import { newDraft } from './draft.js';
import { withoutPersonal } from './useDraftStore.js';

test('logging out removes every draft kept in this browser, including the old intake key', () => {
  window.localStorage.setItem(draftKey('intake', 'u1'), '{}');
  window.localStorage.setItem('renkei.intake.draft.u2', '{}');
  window.localStorage.setItem('renkei.lang', 'ja');
  storeSession(new QueryClient(), null);
  assert.equal(window.localStorage.getItem(draftKey('intake', 'u1')), null);
  assert.equal(window.localStorage.getItem('renkei.intake.draft.u2'), null);
  assert.equal(window.localStorage.getItem('renkei.lang'), 'ja', 'other settings stay');
  clearAllDrafts();
});

test('a stored intake draft holds no name, address, phone or account of either party', () => {
  const d = newDraft();
  d.complainant = { ...d.complainant, name: '青葉 花子', address: '仙台市青葉区本町3-8-1', phone: '022-211-1111' };
  d.complainant.bank = { ...d.complainant.bank, bankCode: '0005', branchCode: '314', accountNumber: '1234567', holderKana: 'ｱｵﾊﾞ' };
  d.victim = { ...d.victim, name: '被害 次郎' };
  d.narrative = '架空請求の SMS が届いた。';
  const kept = JSON.stringify(withoutPersonal(d));
  for (const secret of ['青葉 花子', '本町', '022-211-1111', '1234567', 'ｱｵﾊﾞ', '被害 次郎']) assert.ok(!kept.includes(secret), secret);
  assert.ok(kept.includes('架空請求'), 'the rest of the draft is kept');
});
