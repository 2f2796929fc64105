import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { consultationInput } from '../../testing/consultation.js';
import { type Agent, loginAs, type TestApp, testApp } from '../../testing/test-app.js';

/**
 * 閲覧依頼 as a workflow: a station asks, サイバー課 sees the request with the records concerned
 * and approves (sharing what it chose) or declines with a reason; the requester is told either way.
 */
let a: TestApp;
let chuo: Agent;
let ishinomaki: Agent;
let cyber: Agent;

before(async () => {
  a = await testApp();
  chuo = await loginAs(a.app, 'chuo.sato');
  ishinomaki = await loginAs(a.app, 'ishinomaki.suzuki');
  cyber = await loginAs(a.app, 'cyber.watanabe');
});
after(() => a.close());

const post = (agent: Agent, url: string, payload: object = {}) => a.app.inject({ method: 'POST', url, headers: agent.headers(), payload });
const get = (agent: Agent, url: string) => a.app.inject({ url, headers: agent.headers() });

/** 中央 and 石巻 each record a consultation naming the same phone number; 石巻 asks for 中央's. */
async function requestFor(phone: string, canonical: string, summary: string) {
  const theirs = await post(
    chuo,
    '/api/intake/consultations',
    consultationInput({ summary, narrative: `連絡先 ${phone} から投資の勧誘。` }),
  );
  assert.equal(theirs.statusCode, 201, theirs.body);
  const own = await post(
    ishinomaki,
    '/api/intake/consultations',
    consultationInput({ summary: `${summary}（石巻）`, narrative: `${phone} から電話があった。` }),
  );
  assert.equal(own.statusCode, 201, own.body);
  const ask = await post(ishinomaki, '/api/intake/access-requests', {
    type: 'phone',
    value: canonical,
    reason: '同一番号の相談を受理したため',
  });
  assert.equal(ask.statusCode, 200, ask.body);
  return { theirId: theirs.json().id as string, ownId: own.json().id as string, requestId: ask.json().id as string };
}

const auditOf = (action: string, targetId: string) =>
  a.db.kysely
    .selectFrom('audit_event')
    .select(['actor_user_id', 'reason', 'outcome'])
    .where('action', '=', action)
    .where('target_id', '=', targetId)
    .execute();

test('サイバー課 sees the request with its value and records, approves the records it chose, and the station reads them', async () => {
  const cyberUnit = cyber.info.user.unit.id;
  await a.db.kysely.updateTable('unit').set({ email: 'cyber-div@example.test' }).where('id', '=', cyberUnit).execute();
  const { theirId, ownId, requestId } = await requestFor('080-7171-2323', '+818071712323', '承認の確認用');

  const notice = (await get(cyber, '/api/notifications'))
    .json()
    .items.find((n: { link: string }) => n.link === `/intake/access-requests/${requestId}`);
  assert.ok(notice, 'the notice opens the request');
  assert.match(notice.title, /電話番号 \+818071712323/, 'and names the value');
  // In English too, the requesting unit by its English name.
  const unitEn = ishinomaki.info.user.unit.nameEn ?? '';
  assert.ok(unitEn && !/[ぁ-ん一-龥]/.test(unitEn));
  assert.ok(notice.titleEn.startsWith(`[Access request] ${unitEn} `), notice.titleEn);
  assert.match(notice.titleEn, /Phone number \+818071712323/);
  assert.ok(!`${notice.title}${notice.body}`.includes('承認の確認用'), 'never the other record’s content');
  const mails = await a.db.kysely.selectFrom('job').select('payload').where('kind', '=', 'notify.email').execute();
  const mail = mails.map((m) => String(m.payload)).find((p) => p.includes('閲覧依頼'));
  assert.ok(mail && !mail.includes('7171'), 'the unit mailbox is told a request waits, not the value');

  const home = (await get(cyber, '/api/home')).json();
  assert.ok(
    home.sections
      .find((s: { key: string }) => s.key === 'intake.accessRequests.pending')
      .items.some((i: { id: string }) => i.id === requestId),
  );

  const detail = await get(cyber, `/api/intake/access-requests/${requestId}`);
  assert.equal(detail.statusCode, 200, detail.body);
  const d = detail.json();
  assert.equal(d.state, 'pending');
  assert.equal(d.indicator.value, '+818071712323');
  assert.deepEqual(
    d.records.map((r: { id: string; readable: boolean }) => [r.id, r.readable]),
    [[theirId, false]],
  );
  assert.deepEqual(
    d.ownRecords.map((r: { id: string }) => r.id),
    [ownId],
  );

  // A station can neither see nor decide requests; the refusal is audited.
  assert.equal((await get(ishinomaki, `/api/intake/access-requests/${requestId}`)).statusCode, 403);
  const refused = await post(ishinomaki, `/api/intake/access-requests/${requestId}/decision`, {
    decision: 'approve',
    recordIds: [theirId],
  });
  assert.equal(refused.statusCode, 403);
  // A record outside the request is refused and nothing is shared.
  const outside = await post(cyber, `/api/intake/access-requests/${requestId}/decision`, {
    decision: 'approve',
    recordIds: [theirId, ownId],
  });
  assert.equal(outside.statusCode, 400);
  assert.equal(outside.json().error.code, 'intake.access_request_records');
  assert.equal((await get(ishinomaki, `/api/intake/consultations/${theirId}`)).statusCode, 404, 'no partial share');

  const ok = await post(cyber, `/api/intake/access-requests/${requestId}/decision`, {
    decision: 'approve',
    recordIds: [theirId],
    allowReveal: false,
  });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal(ok.json().state, 'approved');
  assert.equal(ok.json().shared, 1);
  assert.equal((await get(ishinomaki, `/api/intake/consultations/${theirId}`)).statusCode, 200, '石巻 reads the record now');
  const told = (await get(ishinomaki, '/api/notifications')).json().items.find((n: { kind: string }) => n.kind === 'intake.accessApproved');
  assert.match(told.title, /1 件が共有されました/);
  const unread = (await get(cyber, '/api/notifications?unread=true')).json().items;
  assert.ok(!unread.some((n: { link: string }) => n.link === `/intake/access-requests/${requestId}`), 'the request notice is settled');
  assert.equal((await auditOf('intake.access.approve', requestId)).length, 1);
  assert.equal((await auditOf('access.share', theirId)).length, 1);
  const denied = await a.db.kysely
    .selectFrom('audit_event')
    .select('outcome')
    .where('action', '=', 'access.denied')
    .where('actor_user_id', '=', ishinomaki.info.user.id)
    .execute();
  assert.ok(denied.length >= 2, 'the station’s attempts were audited as denied');

  const again = await post(cyber, `/api/intake/access-requests/${requestId}/decision`, { decision: 'decline', reason: '重複' });
  assert.equal(again.statusCode, 409, 'a decided request stays decided');
});

test('サイバー課 declines with a reason: nothing is shared and the requester is told why', async () => {
  const { theirId, requestId } = await requestFor('070-5151-4343', '+817051514343', '不承認の確認用');
  const empty = await post(cyber, `/api/intake/access-requests/${requestId}/decision`, { decision: 'decline', reason: '' });
  assert.equal(empty.statusCode, 400, 'a decline needs a reason');
  const no = await post(cyber, `/api/intake/access-requests/${requestId}/decision`, {
    decision: 'decline',
    reason: '捜査上の支障があるため',
  });
  assert.equal(no.statusCode, 200, no.body);
  assert.equal(no.json().state, 'declined');
  assert.equal((await get(ishinomaki, `/api/intake/consultations/${theirId}`)).statusCode, 404);
  const told = (await get(ishinomaki, '/api/notifications')).json().items.find((n: { kind: string }) => n.kind === 'intake.accessDeclined');
  assert.match(told.body, /捜査上の支障があるため/);
  assert.deepEqual(
    (await auditOf('intake.access.decline', requestId)).map((e) => e.reason),
    ['捜査上の支障があるため'],
  );
  const list = (await get(cyber, '/api/intake/access-requests?state=decided')).json().items;
  assert.ok(list.some((r: { id: string; decisionReason: string }) => r.id === requestId && r.decisionReason === '捜査上の支障があるため'));
  const mine = (await get(ishinomaki, '/api/home')).json().sections.find((s: { key: string }) => s.key === 'intake.accessRequests.mine');
  const item = mine.items.find((i: { id: string }) => i.id === requestId);
  assert.match(item?.detail.ja ?? '', /不承認/);
  assert.match(item?.detail.en ?? '', /^Declined: /, 'and in English for the English UI');
});
