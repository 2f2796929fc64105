import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createLogger } from '../../core/log/logger.js';
import { type App, createApp } from '../../main.js';
import { type Agent, loginAs, type TestApp, testApp } from '../../testing/test-app.js';
import { warningListsKey } from './indicators.module.js';
import { relatedRecords } from './indicators.queries.js';
import { recordText } from './indicators.usecases.js';

let a: TestApp;
let chuo: Agent;
let ishinomaki: Agent;
let cyber: Agent;
let admin: Agent;
const warningsOf = (x: App) => x.ctx.services.get(warningListsKey);
const deps = () => ({ db: a.db, warnings: warningsOf(a), commonThreshold: 3 });
before(async () => {
  a = await testApp({ commonThreshold: 3 });
  chuo = await loginAs(a.app, 'chuo.sato');
  ishinomaki = await loginAs(a.app, 'ishinomaki.suzuki');
  cyber = await loginAs(a.app, 'cyber.watanabe');
  admin = await loginAs(a.app, 'admin');
});
after(() => a.close());

const rec = (id: string, agent: Agent) => ({ recordType: 'consultation', recordId: id, unitId: agent.info.user.unit.id });

test('the same phone number at two stations links the records into one cluster', async () => {
  await recordText(deps(), rec('c-1', chuo), '架空請求のSMS。連絡先 090-1234-5678、URL https://sagawa-exp.top/track');
  const r2 = await recordText(deps(), rec('c-2', ishinomaki), '「未納料金」と 09012345678 から電話があった');
  assert.ok(r2.clusterId !== null);
  const c1 = await a.db.kysely.selectFrom('record_cluster').selectAll().where('record_id', '=', 'c-1').executeTakeFirstOrThrow();
  assert.equal(Number(c1.cluster_id), r2.clusterId);
});

test('a record bridging two clusters merges them', async () => {
  await recordText(deps(), rec('c-3', chuo), '振込先 三菱UFJ銀行 仙台支店 普通 7654321');
  await recordText(deps(), rec('c-4', ishinomaki), '三菱UFJ銀行 仙台支店 普通 7654321 に振り込んだ');
  const bridge = await recordText(deps(), rec('c-5', chuo), '同じ番号 090-1234-5678 と 口座 三菱UFJ銀行 仙台支店 普通 7654321');
  const ids = await a.db.kysely
    .selectFrom('record_cluster')
    .select(['record_id', 'cluster_id'])
    .where('record_id', 'in', ['c-1', 'c-2', 'c-3', 'c-4', 'c-5'])
    .execute();
  assert.equal(ids.length, 5);
  assert.equal(new Set(ids.map((i) => Number(i.cluster_id))).size, 1);
  assert.equal(Number(ids[0]?.cluster_id), bridge.clusterId);
});

test('a value on a warning list is annotated and kept out of clusters, never dropped', async () => {
  await recordText(deps(), rec('w-1', chuo), '正規のサイトは https://www.nta.go.jp/ です。DNS 8.8.8.8');
  const r = await recordText(deps(), rec('w-2', ishinomaki), '国税庁 www.nta.go.jp を確認。8.8.8.8');
  assert.equal(r.clusterId, null, 'benign values link nothing');
  const ind = await a.db.kysely.selectFrom('indicator').selectAll().where('value', '=', 'www.nta.go.jp').executeTakeFirstOrThrow();
  assert.ok(JSON.parse(ind.warning ?? '[]').length > 0);
  assert.equal(Number(ind.record_count), 2, 'sightings are still stored');
  const dns = await a.app.inject({ url: '/api/indicators/lookup?type=ipv4&value=8.8.8.8', headers: chuo.headers() });
  assert.ok(dns.json().items[0].warnings.some((w: string) => /DNS/i.test(w)));
});

test('a value seen in more records than the threshold becomes common and stops joining clusters', async () => {
  for (const [i, who] of [chuo, ishinomaki, chuo, ishinomaki].entries())
    await recordText(deps(), rec(`k-${i}`, who), `問い合わせ先 support@common-helpdesk.example.net (${i})`);
  const ind = await a.db.kysely
    .selectFrom('indicator')
    .selectAll()
    .where('value', '=', 'support@common-helpdesk.example.net')
    .executeTakeFirstOrThrow();
  assert.equal(Number(ind.record_count), 4);
  assert.equal(ind.common, 1);
  const late = await recordText(deps(), rec('k-late', chuo), 'support@common-helpdesk.example.net');
  assert.equal(late.clusterId, null);
});

test('need-to-know: a station learns only a count of the other station’s records; the cyber division sees them', async () => {
  const ind = await a.db.kysely.selectFrom('indicator').select('id').where('value', '=', '+819012345678').executeTakeFirstOrThrow();
  const id = Number(ind.id);
  const asChuo = await relatedRecords(a.db.kysely, { scope: 'unit', unitId: chuo.info.user.unit.id, userId: chuo.info.user.id }, [id], {
    recordType: 'consultation',
    recordId: 'c-5',
  });
  assert.deepEqual(asChuo.visible.map((v) => v.recordId).sort(), ['c-1']);
  assert.equal(asChuo.hiddenByIndicator[id], 1, 'one related record in another unit, no details');
  const detail = await a.app.inject({ url: `/api/indicators/${id}`, headers: chuo.headers() });
  assert.equal(detail.statusCode, 200);
  const body = detail.json();
  assert.ok(
    body.sightings.every((s: { unitId: string }) => s.unitId === chuo.info.user.unit.id),
    'no sighting of another station leaks',
  );
  assert.ok(body.hiddenRecords >= 1);
  const asCyber = (await a.app.inject({ url: `/api/indicators/${id}`, headers: cyber.headers() })).json();
  assert.equal(asCyber.hiddenRecords, 0);
  assert.ok(asCyber.sightings.some((s: { recordId: string }) => s.recordId === 'c-2'));
  const cluster = (await a.app.inject({ url: '/api/records/consultation/c-1/cluster', headers: chuo.headers() })).json();
  assert.ok(cluster.records.every((r: { unitId: string }) => r.unitId === chuo.info.user.unit.id));
  assert.ok(cluster.hidden >= 2);
  assert.ok(cluster.links.length > 0);
});

test('the system administrator reads no sighting or cluster content', async () => {
  const ind = await a.db.kysely.selectFrom('indicator').select('id').where('value', '=', '+819012345678').executeTakeFirstOrThrow();
  assert.equal((await a.app.inject({ url: `/api/indicators/${ind.id}`, headers: admin.headers() })).statusCode, 403);
});

test('lookup takes the forms people type and batches of up to 10,000', async () => {
  const one = (
    await a.app.inject({
      url: `/api/indicators/lookup?type=phone&value=${encodeURIComponent('０９０－１２３４－５６７８')}`,
      headers: chuo.headers(),
    })
  ).json();
  assert.equal(one.items[0].value, '+819012345678');
  assert.equal(one.items[0].valid, true);
  assert.ok(one.items[0].indicator.recordCount >= 3);
  // Typed into a phone field, digits without hyphens are the same number (in prose they need 電話 beside them).
  const bare = (await a.app.inject({ url: '/api/indicators/lookup?type=phone&value=09012345678', headers: chuo.headers() })).json();
  assert.deepEqual([bare.items[0].value, bare.items[0].indicator?.id], ['+819012345678', one.items[0].indicator.id]);
  const typo = (await a.app.inject({ url: '/api/indicators/lookup?type=phone&value=090-1234', headers: chuo.headers() })).json();
  assert.deepEqual([typo.items[0].valid, typo.items[0].indicator], [false, null], 'a partial number is flagged, not silently looked up');
  const items = Array.from({ length: 10_000 }, (_, i) => ({ type: 'domain', value: `unknown-${i}.example.org` }));
  items[9_999] = { type: 'url', value: 'hxxps://sagawa-exp[.]top/track' };
  const batch = await a.app.inject({ method: 'POST', url: '/api/indicators/lookup', headers: chuo.headers(), payload: { items } });
  assert.equal(batch.statusCode, 200, batch.body.slice(0, 300));
  const res = batch.json().items;
  assert.equal(res.length, 10_000);
  assert.equal(res.filter((r: { indicator: unknown }) => r.indicator).length, 1);
  const tooMany = await a.app.inject({
    method: 'POST',
    url: '/api/indicators/lookup',
    headers: chuo.headers(),
    payload: { items: [...items, items[0]] },
  });
  assert.equal(tooMany.statusCode, 400);
});

test('extract over HTTP returns spans, warning-list hits and what is already known', async () => {
  const r = await a.app.inject({
    method: 'POST',
    url: '/api/indicators/extract',
    headers: chuo.headers(),
    payload: { text: '電話 090-1234-5678、正規サイト https://www.nta.go.jp/' },
  });
  assert.equal(r.statusCode, 200);
  const hits = r.json().hits as { type: string; start: number; end: number; known: unknown; warnings: string[] }[];
  const phone = hits.find((h) => h.type === 'phone');
  assert.ok(phone?.known);
  assert.equal(phone?.start, 3);
  assert.ok(hits.find((h) => h.type === 'domain')?.warnings.length);
});

test('one person runs at most two long extractions at once; the third is told to wait', async () => {
  // About 800 KB of narratives in paragraphs, under the request body limit, extracted slice by slice.
  const para = '相談者の説明では、https://evil.example.com/login から 090-1234-5678 に電話するよう表示された。\n';
  const text = Array.from({ length: 4000 }, () => para).join('\n');
  const extractReq = () => a.app.inject({ method: 'POST', url: '/api/indicators/extract', headers: cyber.headers(), payload: { text } });
  // Which of the three the server takes up first is not ours to choose: two run, one is refused.
  const all = await Promise.all([extractReq(), extractReq(), extractReq()]);
  const done = all.filter((r) => r.statusCode === 200);
  const refused = all.filter((r) => r.statusCode === 429);
  assert.equal(done.length, 2, all.map((r) => r.statusCode).join());
  for (const r of done) assert.equal(r.json().hits.length, 4000 * 3);
  assert.equal(refused.length, 1, 'a third at once is refused');
  assert.equal(refused[0]?.json().error.code, 'indicators.extract_busy');
  assert.match(refused[0]?.json().error.message, /2 件実行中/);
  const again = await a.app.inject({ method: 'POST', url: '/api/indicators/extract', headers: cyber.headers(), payload: { text: para } });
  assert.equal(again.statusCode, 200, 'and accepted again once they finished');
});

test('the warning-list catalogue names every shipped list in Japanese and says where it comes from', async () => {
  const r = await a.app.inject({ url: '/api/indicators/warninglists', headers: chuo.headers() });
  assert.equal(r.statusCode, 200);
  const lists = r.json().lists as { id: string; nameJa: string; source: string; size: number }[];
  const dns = lists.find((l) => l.id === 'public-dns-v4');
  assert.equal(dns?.nameJa, '公開 DNS リゾルバ（IPv4）');
  assert.equal(dns?.source, 'misp');
  assert.equal(lists.find((l) => l.id === 'jp-public-services')?.source, 'renkei');
  assert.ok(
    lists.every((l) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(l.nameJa)),
    'every list has a Japanese name',
  );
});

/** Run the background jobs until the re-annotation queue is empty. */
async function reannotated() {
  for (let i = 0; i < 100; i++) {
    await a.jobs.tick();
    const pending = await a.db.kysely
      .selectFrom('job')
      .select('id')
      .where('kind', '=', 'indicators.reannotate')
      .where('status', 'in', ['queued', 'running'])
      .executeTakeFirst();
    if (!pending) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  assert.fail('re-annotation did not finish');
}

test('the cyber division adds a local list: new and stored values are annotated and leave clusters; removing it undoes that', async () => {
  await recordText(deps(), rec('l-1', chuo), '訓練用サーバ drill.miyagi-kunren.jp へ接続');
  const linked = await recordText(deps(), rec('l-2', ishinomaki), '訓練 drill.miyagi-kunren.jp を確認');
  assert.ok(linked.clusterId !== null, 'before the list, the shared domain links the two records');

  const bad = await a.app.inject({
    method: 'POST',
    url: '/api/indicators/warninglists',
    headers: cyber.headers(),
    payload: { name: '県の訓練環境', kind: 'hostname', entries: ['miyagi-kunren.jp', 'not a host'] },
  });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.json().error.details[0].message, /2 行目「not a host」/);
  assert.equal(await a.db.kysely.selectFrom('warning_list').select('id').executeTakeFirst(), undefined, 'nothing saved');

  const denied = await a.app.inject({
    method: 'POST',
    url: '/api/indicators/warninglists',
    headers: chuo.headers(),
    payload: { name: '署の一覧', kind: 'hostname', entries: ['miyagi-kunren.jp'] },
  });
  assert.equal(denied.statusCode, 403);

  const other = await createApp({ ...a.config, demo: false }, a.db, createLogger('silent'));
  const created = await a.app.inject({
    method: 'POST',
    url: '/api/indicators/warninglists',
    headers: cyber.headers(),
    payload: { name: '県の訓練環境', kind: 'hostname', entries: ['*.MIYAGI-KUNREN.jp', '', 'miyagi-kunren.jp'] },
  });
  assert.equal(created.statusCode, 201, created.body);
  const list = created.json();
  assert.deepEqual(list.entries, ['miyagi-kunren.jp'], 'entries are canonical and unique');
  const audit = await a.db.kysely.selectFrom('audit_event').selectAll().where('action', '=', 'indicators.warninglist.create').execute();
  assert.equal(audit.length, 1);

  // A second server on the same database learns of the list through its periodic chore.
  assert.deepEqual(warningsOf(other).match('domain', 'drill.miyagi-kunren.jp'), [], 'the other server has not looked yet');
  for (const c of other.chores) await c.run();
  assert.deepEqual(warningsOf(other).match('domain', 'drill.miyagi-kunren.jp'), [list.id], 'its chore loaded the new list');
  await other.app.close();

  // New text is annotated at once; stored indicators after the background job.
  const hit = await a.app.inject({
    method: 'POST',
    url: '/api/indicators/extract',
    headers: chuo.headers(),
    payload: { text: 'drill.miyagi-kunren.jp' },
  });
  assert.deepEqual(hit.json().hits[0].warnings, [list.id]);
  await reannotated();
  const stored = await a.db.kysely
    .selectFrom('indicator')
    .selectAll()
    .where('value', '=', 'drill.miyagi-kunren.jp')
    .executeTakeFirstOrThrow();
  assert.deepEqual(JSON.parse(stored.warning ?? '[]'), [list.id]);
  const clustered = await a.db.kysely.selectFrom('record_cluster').select('record_id').where('record_id', 'in', ['l-1', 'l-2']).execute();
  assert.equal(clustered.length, 0, 'a benign value links nothing once listed');

  const stale = await a.app.inject({
    method: 'PUT',
    url: `/api/indicators/warninglists/${list.id}`,
    headers: cyber.headers(),
    payload: { name: '県の訓練環境', kind: 'hostname', entries: ['miyagi-kunren.jp'], version: list.version + 1 },
  });
  assert.equal(stale.statusCode, 409);

  const removed = await a.app.inject({ method: 'DELETE', url: `/api/indicators/warninglists/${list.id}`, headers: cyber.headers() });
  assert.equal(removed.statusCode, 200);
  assert.ok(!removed.json().lists.some((l: { id: string }) => l.id === list.id));
  await reannotated();
  const back = await a.db.kysely
    .selectFrom('indicator')
    .selectAll()
    .where('value', '=', 'drill.miyagi-kunren.jp')
    .executeTakeFirstOrThrow();
  assert.equal(back.warning, null);
  const relinked = await a.db.kysely.selectFrom('record_cluster').select('cluster_id').where('record_id', 'in', ['l-1', 'l-2']).execute();
  assert.equal(relinked.length, 2);
  assert.equal(new Set(relinked.map((r) => Number(r.cluster_id))).size, 1, 'the two records are linked again');
});

test('a local list of exact values takes any kind of value, in the form indicators are stored', async () => {
  const created = await a.app.inject({
    method: 'POST',
    url: '/api/indicators/warninglists',
    headers: cyber.headers(),
    payload: { name: '正規の問い合わせ窓口', kind: 'string', entries: ['022-211-1111', 'D41D8CD98F00B204E9800998ECF8427E'] },
  });
  assert.equal(created.statusCode, 201, created.body);
  const list = created.json();
  assert.deepEqual(list.entries, ['+81222111111', 'd41d8cd98f00b204e9800998ecf8427e'], 'entries are canonical values');
  const hit = await a.app.inject({
    method: 'POST',
    url: '/api/indicators/extract',
    headers: chuo.headers(),
    payload: { text: '県の窓口（０２２－２１１－１１１１）に確認した' },
  });
  assert.deepEqual(
    hit.json().hits.find((h: { type: string }) => h.type === 'phone')?.warnings,
    [list.id],
    'a phone number on the list is known benign',
  );
  await a.app.inject({ method: 'DELETE', url: `/api/indicators/warninglists/${list.id}`, headers: cyber.headers() });
});

test('an indicator by id: its value only to readers of a record holding it, else a count; others’ reads audited', async () => {
  await recordText(deps(), rec('id-1', ishinomaki), '振込先の連絡は 080-7777-0101 からだった');
  const ind = await a.db.kysely.selectFrom('indicator').select('id').where('value', '=', '+818077770101').executeTakeFirstOrThrow();
  const url = `/api/indicators/${ind.id}`;
  const asChuo = await a.app.inject({ url, headers: chuo.headers() });
  assert.equal(asChuo.statusCode, 200);
  assert.deepEqual(asChuo.json(), { indicator: null, sightings: [], hiddenRecords: 1 }, 'a count, no value, type or time');
  assert.ok(!asChuo.body.includes('7777'));
  const audited = () =>
    a.db.kysely
      .selectFrom('audit_event')
      .select(['actor_user_id'])
      .where('action', '=', 'indicators.read')
      .where('target_id', '=', String(ind.id))
      .execute();
  const own = (await a.app.inject({ url, headers: ishinomaki.headers() })).json();
  assert.equal(own.indicator.value, '+818077770101');
  assert.equal((await audited()).length, 0, 'a read of one’s own unit’s indicator is not audited');
  const asCyber = (await a.app.inject({ url, headers: cyber.headers() })).json();
  assert.equal(asCyber.indicator.value, '+818077770101');
  assert.deepEqual(
    (await audited()).map((r) => r.actor_user_id),
    [cyber.info.user.id],
    'a read outside one’s own unit’s records is audited',
  );
  // A station that typed the value may look it up: it supplied it.
  const looked = (await a.app.inject({ url: '/api/indicators/lookup?type=phone&value=080-7777-0101', headers: chuo.headers() })).json();
  assert.equal(looked.items[0].indicator.id, Number(ind.id));
  assert.equal((await a.app.inject({ url: '/api/indicators/999999999', headers: chuo.headers() })).statusCode, 404);
});
