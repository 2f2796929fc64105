import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { shareRecord } from '../../core/access/access.filter.js';
import { systemCtx } from '../../core/audit/audit.context.js';
import { reencryptAll } from '../../core/crypto/crypto.fields.js';
import { loadKeyring } from '../../core/crypto/crypto.keysource.js';
import { withTx } from '../../core/db/db.tx.js';
import { encryptedFields } from '../../main.js';
import { consultationInput } from '../../testing/consultation.js';
import { type Agent, loginAs, type TestApp, testApp, testKey } from '../../testing/test-app.js';
import { markOverdue } from './intake.escalation.js';
import { blindPhone, partyView } from './intake.personal.js';
import { reindex } from './intake.repository.js';

let a: TestApp;
let chuo: Agent;
let ishinomaki: Agent;
let cyber: Agent;
let admin: Agent;

before(async () => {
  a = await testApp();
  chuo = await loginAs(a.app, 'chuo.sato');
  ishinomaki = await loginAs(a.app, 'ishinomaki.suzuki');
  cyber = await loginAs(a.app, 'cyber.watanabe');
  admin = await loginAs(a.app, 'admin');
});
after(() => a.close());

const base = consultationInput({
  narrative: 'パソコンに警告画面が表示され、表示された 050-3000-1234 に電話した。電子マネーで5万円を支払った。詐欺ではないかと思い来署。',
  damageAmount: 50_000,
  paymentMethod: 'eMoney',
});

async function post(agent: Agent, url: string, payload: unknown) {
  return a.app.inject({ method: 'POST', url, headers: agent.headers(), payload: payload as object });
}
async function get(agent: Agent, url: string) {
  return a.app.inject({ url, headers: agent.headers() });
}
/** Record a consultation and read it back: the create answers only with its id. */
async function created(agent: Agent, payload: unknown) {
  const r = await post(agent, '/api/intake/consultations', payload);
  assert.ok(r.statusCode === 201 || r.statusCode === 200, r.body.slice(0, 300));
  return (await get(agent, `/api/intake/consultations/${r.json().id}`)).json();
}

test('a station records a consultation: personal fields are encrypted at rest and masked in answers', async () => {
  const r = await post(chuo, '/api/intake/consultations', base);
  assert.equal(r.statusCode, 201, r.body);
  const c = (await get(chuo, `/api/intake/consultations/${r.json().id}`)).json();
  assert.match(c.refNo, /^\d{4}-\d{6}$/);
  assert.equal(c.complainant.name, '青＊ ＊＊');
  assert.equal(c.complainant.phone, '***-***-1111');
  assert.equal(c.complainant.address, '宮城県仙台市＊＊＊');
  assert.deepEqual(
    c.indicators.map((i: { value: string }) => i.value),
    ['+815030001234'],
  );
  assert.equal(c.timeline[0].kind, 'received');
  const row = await a.db.kysely.selectFrom('consultation').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow();
  for (const col of ['complainant_name_enc', 'complainant_address_enc', 'complainant_phone_enc'] as const) {
    assert.ok(row[col]?.startsWith('enc1:'), `${col} is ciphertext`);
    assert.ok(!row[col]?.includes('青葉'));
  }
  // Exact-match lookup through the keyed hash, without decrypting.
  const bi = a.keyring.blindIndex('person.phone', '+81222111111');
  assert.equal(row.complainant_phone_bi, bi);
  const audit = await a.db.kysely.selectFrom('audit_event').selectAll().where('target_id', '=', c.id).execute();
  assert.deepEqual(
    audit.map((e) => e.action),
    ['intake.consultation.create'],
  );
});

test('a double submit with one idempotency key creates one record', async () => {
  const key = 'draft-7f3a9c2e';
  const r1 = await post(chuo, '/api/intake/consultations', { ...base, idempotencyKey: key, summary: '二重送信の確認' });
  const r2 = await post(chuo, '/api/intake/consultations', { ...base, idempotencyKey: key, summary: '二重送信の確認' });
  assert.equal(r1.statusCode, 201);
  assert.equal(r2.statusCode, 200);
  assert.equal(r1.json().id, r2.json().id);
  const n = await a.db.kysely.selectFrom('consultation').select('id').where('summary', '=', '二重送信の確認').execute();
  assert.equal(n.length, 1);
});

test('bad input is refused with the field named, and nothing is saved', async () => {
  const before = await a.db.kysely.selectFrom('consultation').select('id').execute();
  const cases: [unknown, number, string][] = [
    [{ ...base, damageAmount: -1 }, 400, 'damageAmount'],
    [{ ...base, category: 'unknown' }, 400, 'category'],
    [{ ...base, modus: 'noSuchModus' }, 400, 'modus'],
    [{ ...base, narrative: 'あ'.repeat(20_001) }, 400, 'narrative'],
    [{ ...base, occurredAt: 'yesterday' }, 400, 'occurredAt'],
    [{ ...base, receivedAt: '2026-11-01T10:00:00+09:00', occurredAt: '2026-11-02T10:00:00+09:00' }, 400, 'occurredAt'],
    [{ ...base, victimSameAsComplainant: false }, 400, ''],
  ];
  for (const [payload, status, field] of cases) {
    const r = await post(chuo, '/api/intake/consultations', payload);
    assert.equal(r.statusCode, status, `${field}: ${r.body}`);
    const body = r.json();
    assert.match(body.error.code, /^[a-z]+(\.[a-z_]+)+$/);
    assert.match(body.error.message, /[ぁ-んァ-ン一-龯]/, 'Japanese message');
    if (field) assert.ok(JSON.stringify(body).includes(field), `names ${field}: ${r.body}`);
  }
  const afterRows = await a.db.kysely.selectFrom('consultation').select('id').execute();
  assert.equal(afterRows.length, before.length);
  const events = await a.db.kysely.selectFrom('audit_event').select('seq').where('action', '=', 'intake.consultation.create').execute();
  assert.equal(events.length, afterRows.length, 'a refused record writes no audit event');
});

test('need-to-know: another station cannot read, list, count, search or correlate into the record', async () => {
  const mine = await created(chuo, {
    ...base,
    summary: '中央署の秘匿事案',
    narrative: '詐欺グループの口座 りそな銀行 仙台支店 普通 1234567 に振込。連絡先 090-7777-1234',
  });
  assert.equal((await get(ishinomaki, `/api/intake/consultations/${mine.id}`)).statusCode, 404);
  const list = (await get(ishinomaki, '/api/intake/consultations')).json();
  assert.ok(!list.items.some((i: { id: string }) => i.id === mine.id));
  const search = (await get(ishinomaki, `/api/intake/consultations?q=${encodeURIComponent('秘匿事案')}`)).json();
  assert.equal(search.total, 0);
  const stats = (await get(ishinomaki, '/api/intake/stats')).json();
  assert.ok(!stats.byUnit.some((u: { unitId: string }) => u.unitId === chuo.info.user.unit.id));
  assert.equal(
    (await post(ishinomaki, `/api/intake/consultations/${mine.id}/reveal`, { fields: ['complainant.name'], reason: '確認' })).statusCode,
    404,
  );
  // Correlation: the Ishinomaki officer typing the same number learns only that one record elsewhere has it.
  const pv = (await post(ishinomaki, '/api/intake/preview', { narrative: '090-7777-1234 から電話' })).json();
  assert.deepEqual(pv.related, [{ type: 'phone', value: '+819077771234', visible: [], hidden: 1 }]);
  assert.ok(!JSON.stringify(pv).includes('秘匿'), 'no content of the hidden record');
  // The cyber division reads it all; the administrator reads no content at all.
  assert.equal((await get(cyber, `/api/intake/consultations/${mine.id}`)).statusCode, 200);
  const cyberSearch = (await get(cyber, `/api/intake/consultations?q=${encodeURIComponent('秘匿事案')}`)).json();
  assert.equal(cyberSearch.items[0].id, mine.id);
  assert.equal((await get(admin, `/api/intake/consultations/${mine.id}`)).statusCode, 403);
  assert.equal((await get(admin, '/api/intake/consultations')).statusCode, 403);
});

test('revealing a personal field needs a reason and leaves an audit event', async () => {
  const c = await created(chuo, { ...base, summary: '開示の確認' });
  const noReason = await post(chuo, `/api/intake/consultations/${c.id}/reveal`, { fields: ['complainant.name'], reason: '' });
  assert.equal(noReason.statusCode, 400);
  const r = await post(chuo, `/api/intake/consultations/${c.id}/reveal`, {
    fields: ['complainant.name', 'complainant.phone'],
    reason: '相談者へ折り返し連絡',
  });
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(r.json().complainant.name, '青葉 花子');
  assert.equal(r.json().complainant.phone, '022-211-1111');
  assert.equal(r.json().complainant.address, '宮城県仙台市＊＊＊', 'fields not asked for stay masked');
  const ev = await a.db.kysely
    .selectFrom('audit_event')
    .selectAll()
    .where('target_id', '=', c.id)
    .where('action', '=', 'intake.personal.reveal')
    .execute();
  assert.equal(ev.length, 1);
  assert.equal(ev[0]?.reason, '相談者へ折り返し連絡');
  assert.ok(!JSON.stringify(ev).includes('青葉'), 'the trail names fields, never values');
});

test('search finds two-character words and phrases, with highlighted snippets', async () => {
  await post(chuo, '/api/intake/consultations', {
    ...base,
    summary: '口座の不正利用',
    narrative: '知らないうちに口座から送金されていた。ネットバンキングの不正送金と思われる。',
  });
  const two = (await get(chuo, `/api/intake/consultations?q=${encodeURIComponent('口座')}`)).json();
  assert.ok(two.total >= 1);
  const hit = two.items.find((i: { summary: string }) => i.summary === '口座の不正利用');
  assert.ok(hit.snippet.marks.length >= 1);
  const [s, e] = hit.snippet.marks[0];
  assert.equal(hit.snippet.text.slice(s, e), '口座');
  const phrase = (await get(chuo, `/api/intake/consultations?q=${encodeURIComponent('不正送金')}`)).json();
  assert.ok(phrase.items.some((i: { summary: string }) => i.summary === '口座の不正利用'));
  const none = (await get(chuo, `/api/intake/consultations?q=${encodeURIComponent('送金不正')}`)).json();
  assert.ok(!none.items.some((i: { summary: string }) => i.summary === '口座の不正利用'), 'a phrase is matched in order');
  const fraud = (await get(chuo, `/api/intake/consultations?q=${encodeURIComponent('詐欺')}`)).json();
  assert.ok(fraud.total >= 2);
});

test('a matching phone number escalates to the cyber division, which acknowledges and returns guidance', async () => {
  await post(chuo, '/api/intake/consultations', {
    ...base,
    summary: '架空料金請求',
    narrative: '「未納料金がある」と 03-5000-9876 から電話があった。',
  });
  const c = await created(ishinomaki, {
    ...base,
    summary: '同じ番号からの架空請求',
    narrative: '03-5000-9876 から料金未納の電話。',
  });
  assert.equal(c.escalation, 'pending');
  assert.deepEqual(c.escalations[0].rules, ['indicatorMatch']);
  assert.deepEqual(c.related, [{ type: 'phone', value: '+81350009876', visible: [], hidden: 1 }]);
  const queue = (await get(cyber, '/api/intake/escalations?open=true')).json();
  const esc = queue.items.find((e: { consultationId: string }) => e.consultationId === c.id);
  assert.ok(esc, 'in the cyber division queue');
  const notes = (await get(cyber, '/api/notifications')).json();
  assert.ok(notes.items.some((n: { link: string }) => n.link === `/intake/${c.id}`));
  assert.equal(
    (await post(ishinomaki, `/api/intake/escalations/${esc.id}/acknowledge`, {})).statusCode,
    403,
    'stations do not acknowledge',
  );
  const ack = await post(cyber, `/api/intake/escalations/${esc.id}/acknowledge`, {});
  assert.equal(ack.statusCode, 200, ack.body);
  assert.equal((await post(cyber, `/api/intake/escalations/${esc.id}/acknowledge`, {})).statusCode, 409);
  const g = await post(cyber, `/api/intake/escalations/${esc.id}/guidance`, {
    guidance: '仙台中央署の同種事案と同一番号。通話記録の保全を依頼してください。',
  });
  assert.equal(g.statusCode, 200);
  const seen = (await get(ishinomaki, `/api/intake/consultations/${c.id}`)).json();
  assert.equal(seen.escalation, 'guided');
  assert.deepEqual(
    seen.timeline.map((t: { kind: string }) => t.kind),
    ['received', 'escalated', 'acknowledged', 'guidance'],
  );
  assert.match(seen.escalations[0].guidance, /通話記録の保全/);
  const stationNotes = (await get(ishinomaki, '/api/notifications?unread=true')).json();
  assert.ok(stationNotes.items.some((n: { title: string }) => n.title.includes('指導')));
});

test('an unacknowledged escalation passes its deadline: overdue, and the division above is told', async () => {
  const c = await created(chuo, { ...base, summary: '生命の危険', flags: { threatToLife: true } });
  assert.equal(c.escalations[0].urgent, true);
  const due = new Date(c.escalations[0].dueAt);
  await markOverdue(a.db, new Date(due.getTime() - 1000));
  assert.equal((await get(chuo, `/api/intake/consultations/${c.id}`)).json().escalation, 'pending', 'not before its deadline');
  assert.ok((await markOverdue(a.db, new Date(due.getTime() + 1000))) >= 1);
  const after = (await get(chuo, `/api/intake/consultations/${c.id}`)).json();
  assert.equal(after.escalation, 'overdue');
  const parent = await a.db.kysely.selectFrom('unit').select('id').where('code', '=', 'HQ-SEIAN').executeTakeFirstOrThrow();
  const cyberUnit = await a.db.kysely.selectFrom('unit').select('parent_id').where('code', '=', 'HQ-CYBER').executeTakeFirstOrThrow();
  assert.equal(cyberUnit.parent_id, parent.id);
  const mails = await a.db.kysely.selectFrom('notification').selectAll().where('title', 'like', '【期限超過】%').execute();
  assert.ok(mails.length >= 2, 'the division is reminded');
});

test('correcting a mistyped number in the narrative removes the old link', async () => {
  const first = await created(chuo, { ...base, summary: '番号の訂正', narrative: '050-1111-2222 から不審な電話。' });
  const other = await created(chuo, { ...base, summary: '別件', narrative: '050-1111-2222 から連絡があった。' });
  assert.equal(other.related[0]?.visible.length, 1, 'linked through the number');
  const fixed = await a.app.inject({
    method: 'PATCH',
    url: `/api/intake/consultations/${first.id}`,
    headers: chuo.headers(),
    payload: { version: first.version, narrative: '正しくは 050-1111-3333 から不審な電話。' },
  });
  assert.equal(fixed.statusCode, 200, fixed.body);
  const again = (await get(chuo, `/api/intake/consultations/${other.id}`)).json();
  assert.deepEqual(again.related, [], 'the other record no longer points at the corrected one');
  const sightings = await a.db.kysely.selectFrom('sighting').select('record_id').where('record_id', '=', first.id).execute();
  assert.equal(sightings.length, 1, 'only the corrected number is sighted in it');
});

test('a stale edit is refused instead of overwriting a colleague', async () => {
  const c = await created(chuo, { ...base, summary: '編集の競合' });
  const ok = await a.app.inject({
    method: 'PATCH',
    url: `/api/intake/consultations/${c.id}`,
    headers: chuo.headers(),
    payload: { version: 1, disposition: 'advice', status: 'closed' },
  });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.deepEqual(ok.json(), { id: c.id, version: 2, status: 'closed' }, 'the new version, without the whole record');
  assert.equal((await get(chuo, `/api/intake/consultations/${c.id}`)).json().disposition, 'advice');
  const stale = await a.app.inject({
    method: 'PATCH',
    url: `/api/intake/consultations/${c.id}`,
    headers: chuo.headers(),
    payload: { version: 1, summary: '上書き' },
  });
  assert.equal(stale.statusCode, 409);
  assert.equal(
    (
      await a.app.inject({
        method: 'PATCH',
        url: `/api/intake/consultations/${c.id}`,
        headers: ishinomaki.headers(),
        payload: { version: 2, summary: 'x' },
      })
    ).statusCode,
    404,
  );
});

test('a record shared with another station becomes findable there, and only there', async () => {
  const c = await created(chuo, {
    ...base,
    summary: '共有先で検索できる事案',
    narrative: '共有の確認用。石巻署と合同で対応する。',
  });
  const q = `/api/intake/consultations?q=${encodeURIComponent('合同で対応')}`;
  assert.equal((await get(ishinomaki, q)).json().total, 0);
  await withTx(a.db, async (tx) => {
    await shareRecord(tx, systemCtx, {
      recordType: 'consultation',
      recordId: c.id,
      unitId: ishinomaki.info.user.unit.id,
      reason: '合同対応',
    });
    await reindex(tx, c.id);
  });
  const found = (await get(ishinomaki, q)).json();
  assert.deepEqual(
    found.items.map((i: { id: string }) => i.id),
    [c.id],
  );
  const furukawa = await loginAs(a.app, 'furukawa.ito');
  assert.equal((await get(furukawa, q)).json().total, 0);
});

test('key rotation re-encrypts consultation personal fields and recomputes their keyed hashes', async () => {
  const c = await created(chuo, { ...base, summary: '鍵の更新' });
  const ring = loadKeyring({ kind: 'env', value: `${testKey('test2')},${(a.config.keys as { value: string }).value}` });
  const r = await reencryptAll(a.db, ring, encryptedFields);
  assert.ok((r.byField['consultation.complainant_name_enc'] ?? 0) >= 1);
  const row = await a.db.kysely.selectFrom('consultation').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow();
  assert.ok(row.complainant_name_enc?.startsWith('enc1:test2:'));
  assert.equal(row.complainant_phone_bi, blindPhone(ring, '022-211-1111'));
  assert.equal(partyView(ring, row, 'complainant', new Set(['complainant.name']))?.name, '青葉 花子');
});

test('a narrative carrying a thousand numbers is previewed and saved without trouble', async () => {
  const narrative = Array.from({ length: 1000 }, (_, i) => `090-${String(2000 + i).padStart(4, '0')}-${String(1000 + i)}`).join('、');
  const pv = await post(chuo, '/api/intake/preview', { narrative });
  assert.equal(pv.statusCode, 200, pv.body.slice(0, 200));
  assert.equal(pv.json().hits.length, 1000);
  const r = await post(chuo, '/api/intake/consultations', { ...base, summary: '番号の多い記録', narrative });
  assert.equal(r.statusCode, 201, r.body.slice(0, 200));
  assert.equal((await get(chuo, `/api/intake/consultations/${r.json().id}`)).json().indicators.length, 1000);
});

test('an update changes only the fields it sends: the narrative, wishes and victim survive a status change', async () => {
  const c = await created(chuo, {
    ...base,
    summary: '部分更新の確認',
    victimSameAsComplainant: false,
    victim: { type: 'individual', name: '被害 次郎', ageGroup: 'minor' },
    wishes: { punishment: true, damageReport: true, removalOnly: false },
    contactMethods: ['sms', 'phone'],
  });
  const r = await a.app.inject({
    method: 'PATCH',
    url: `/api/intake/consultations/${c.id}`,
    headers: chuo.headers(),
    payload: { version: c.version, status: 'inProgress' },
  });
  assert.equal(r.statusCode, 200, r.body);
  const d = (await get(chuo, `/api/intake/consultations/${c.id}`)).json();
  assert.equal(d.status, 'inProgress');
  assert.equal(d.narrative, base.narrative);
  assert.deepEqual(d.wishes, { punishment: true, damageReport: true, removalOnly: false });
  assert.deepEqual(d.contactMethods, ['sms', 'phone']);
  assert.equal(d.victimSameAsComplainant, false);
  assert.equal(d.victim.name, '被＊ ＊＊');
  assert.deepEqual(d.timeline.at(-1).detail.fields, ['status']);
});

test('asking for access: the request reaches サイバー課 without content; once shared, the station reads and correlates it', async () => {
  const theirs = await created(chuo, {
    ...base,
    summary: '閲覧依頼の対象',
    narrative: '連絡先 080-4545-1212 から投資の勧誘。',
  });
  const ask = await post(ishinomaki, '/api/intake/access-requests', {
    type: 'phone',
    value: '+818045451212',
    reason: '同一番号の相談を受理したため',
  });
  assert.equal(ask.statusCode, 200, ask.body);
  assert.equal(ask.json().hidden, 1);
  const twice = await post(ishinomaki, '/api/intake/access-requests', { type: 'phone', value: '+818045451212', reason: '念のため再依頼' });
  assert.equal(twice.statusCode, 409, 'asking again the same day sends nothing');
  assert.match(twice.json().error.message, /依頼済み/);
  const none = await post(ishinomaki, '/api/intake/access-requests', { type: 'phone', value: '+819099999999', reason: '確認' });
  assert.equal(none.statusCode, 400);
  const inbox = (await get(cyber, '/api/notifications')).json();
  const requests = inbox.items.filter((n: { kind: string }) => n.kind === 'intake.accessRequest');
  assert.equal(requests.length, 1, 'サイバー課 is told once');
  const note = requests[0];
  assert.ok(!`${note.title}${note.body}`.includes('閲覧依頼の対象'), 'no content of the other record in the notice');
  assert.match(note.title, /\+818045451212/, 'the in-app notice names the value (mail does not: intake.access-requests.test.ts)');
  assert.equal(
    (await post(ishinomaki, `/api/intake/consultations/${theirs.id}/share`, { unitId: ishinomaki.info.user.unit.id, reason: '自分で共有' }))
      .statusCode,
    404,
  );
  const share = await post(cyber, `/api/intake/consultations/${theirs.id}/share`, {
    unitId: ishinomaki.info.user.unit.id,
    reason: '同一番号の事案のため共有',
  });
  assert.equal(share.statusCode, 200, share.body);
  assert.equal(
    (await post(cyber, `/api/intake/consultations/${theirs.id}/share`, { unitId: ishinomaki.info.user.unit.id, reason: '再度' }))
      .statusCode,
    409,
  );
  const shared = await get(ishinomaki, `/api/intake/consultations/${theirs.id}`);
  assert.equal(shared.statusCode, 200);
  assert.equal(shared.json().sharedWith, null, 'a unit it was shared with does not learn who else can read it');
  const owners = (await get(chuo, `/api/intake/consultations/${theirs.id}`)).json();
  assert.deepEqual(
    owners.sharedWith.map((s: { unitName: string; reason: string }) => [s.unitName, s.reason]),
    [['石巻警察署', '同一番号の事案のため共有']],
    'the owning unit sees whom it is shared with, and why',
  );
  const pv = (await post(ishinomaki, '/api/intake/preview', { narrative: '080-4545-1212' })).json();
  assert.deepEqual(
    pv.related[0].visible.map((v: { id: string }) => v.id),
    [theirs.id],
  );
  assert.equal((await get(ishinomaki, `/api/intake/consultations?q=${encodeURIComponent('閲覧依頼の対象')}`)).json().total, 1);
  const furukawa = await loginAs(a.app, 'furukawa.ito');
  assert.equal((await get(furukawa, `/api/intake/consultations/${theirs.id}`)).statusCode, 404);
});

test('indicator pages name the readable records they list; an unreadable record has no cluster for the caller', async () => {
  const one = await created(chuo, { ...base, summary: '表示名の確認', narrative: '連絡先 070-3131-2424' });
  await post(chuo, '/api/intake/consultations', { ...base, summary: '表示名の確認2', narrative: '070-3131-2424 から再度' });
  const ind = one.indicators[0];
  const d = (await get(chuo, `/api/indicators/${ind.id}`)).json();
  const s = d.sightings.find((x: { recordId: string }) => x.recordId === one.id);
  assert.deepEqual(s.label, { title: `${one.refNo} 表示名の確認`, link: `/intake/${one.id}` });
  const mine = (await get(chuo, `/api/records/consultation/${one.id}/cluster`)).json();
  assert.ok(mine.clusterId !== null && mine.records.every((r: { label: unknown }) => r.label));
  const theirs = (await get(ishinomaki, `/api/records/consultation/${one.id}/cluster`)).json();
  assert.deepEqual(theirs, { clusterId: null, records: [], hidden: 0, links: [], indicators: [] });
});

test('the preview shows what looks like an account or phone but does not validate, marked; saving records neither', async () => {
  const narrative = '振込先 ゆうちょ銀行 記号12345 番号67890。犯人の電話番号は 090-1234-567、別の番号 090-7777-1234';
  const pv = (await post(chuo, '/api/intake/preview', { narrative })).json();
  assert.deepEqual(
    pv.hits.map((h: { type: string; value: string; status?: string; reasons?: string[] }) => [h.type, h.value, h.status, h.reasons]),
    [
      ['bankAccount', '9900-238-1-0006789', 'malformed', ['check_digit']],
      ['phone', '+81901234567', 'malformed', ['phone_length']],
      ['phone', '+819077771234', undefined, undefined],
    ],
  );
  await created(chuo, { ...base, summary: '形式不正の記載', narrative });
  const stored = await a.db.kysely
    .selectFrom('indicator')
    .select('value')
    .where('value', 'in', ['9900-238-1-0006789', '+81901234567'])
    .execute();
  assert.deepEqual(stored, [], 'a candidate is never stored or correlated');
});
