import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { consultationInput } from '../../testing/consultation.js';
import { type Agent, loginAs, type TestApp, testApp } from '../../testing/test-app.js';

/** What a unit a record is shared with learns, and what it may do with it. */
let a: TestApp;
let chuo: Agent;
let ishinomaki: Agent;
let furukawa: Agent;
let cyber: Agent;

before(async () => {
  a = await testApp();
  chuo = await loginAs(a.app, 'chuo.sato');
  ishinomaki = await loginAs(a.app, 'ishinomaki.suzuki');
  furukawa = await loginAs(a.app, 'furukawa.ito');
  cyber = await loginAs(a.app, 'cyber.watanabe');
});
after(() => a.close());

const base = consultationInput({ summary: '共有の確認', narrative: '表示された 050-3000-9876 に電話した。' });

const post = (agent: Agent, url: string, payload: object) => a.app.inject({ method: 'POST', url, headers: agent.headers(), payload });
const get = (agent: Agent, url: string) => a.app.inject({ url, headers: agent.headers() });
async function record(agent: Agent, extra: object = {}): Promise<string> {
  const r = await post(agent, '/api/intake/consultations', { ...base, ...extra });
  assert.equal(r.statusCode, 201, r.body);
  return r.json().id;
}

test('the timeline does not tell a unit a record is shared with which other units it was shared with, or why', async () => {
  const id = await record(chuo);
  const share = (unitId: string, reason: string, extra: object = {}) =>
    post(cyber, `/api/intake/consultations/${id}/share`, { unitId, reason, ...extra });
  assert.equal((await share(ishinomaki.info.user.unit.id, '石巻の同種事案')).statusCode, 200);
  assert.equal((await share(furukawa.info.user.unit.id, '古川の捜査のため')).statusCode, 200);
  for (const reader of [ishinomaki, furukawa]) {
    const res = await get(reader, `/api/intake/consultations/${id}`);
    assert.equal(res.statusCode, 200);
    const d = res.json();
    assert.equal(d.sharedWith, null);
    assert.deepEqual(
      d.timeline.filter((e: { kind: string }) => e.kind === 'shared'),
      [],
      'no share event reaches a shared reader',
    );
    assert.ok(!res.body.includes('古川の捜査のため') && !res.body.includes('石巻の同種事案'));
  }
  for (const reader of [chuo, cyber]) {
    const d = (await get(reader, `/api/intake/consultations/${id}`)).json();
    assert.deepEqual(
      d.timeline.filter((e: { kind: string }) => e.kind === 'shared').map((e: { text: string }) => e.text),
      ['石巻の同種事案', '古川の捜査のため'],
      'the owner and サイバー課 see every share and why',
    );
  }
});

test('a share to read and search does not reveal personal fields; revealing is a separate, explicit grant', async () => {
  const id = await record(chuo, { summary: '開示の確認' });
  const reveal = (agent: Agent) =>
    post(agent, `/api/intake/consultations/${id}/reveal`, { fields: ['complainant.name', 'complainant.phone'], reason: '照会のため' });
  assert.equal(
    (await post(chuo, `/api/intake/consultations/${id}/share`, { unitId: ishinomaki.info.user.unit.id, reason: '閲覧のみ' })).statusCode,
    200,
  );
  const refused = await reveal(ishinomaki);
  assert.equal(refused.statusCode, 403);
  assert.equal(refused.json().error.code, 'intake.reveal_not_granted');
  assert.ok(!refused.body.includes('青葉 花子') && !refused.body.includes('211-1111'));
  const denied = await a.db.kysely
    .selectFrom('audit_event')
    .select(['actor_user_id', 'outcome'])
    .where('action', '=', 'intake.personal.reveal')
    .where('target_id', '=', id)
    .execute();
  assert.deepEqual(denied, [{ actor_user_id: ishinomaki.info.user.id, outcome: 'denied' }], 'the refusal is audited');
  // Shared with reveal allowed: that unit reveals, with a reason, audited as a reveal.
  const granted = await post(chuo, `/api/intake/consultations/${id}/share`, {
    unitId: furukawa.info.user.unit.id,
    reason: '被害者対応のため',
    allowReveal: true,
  });
  assert.equal(granted.statusCode, 200, granted.body);
  const ok = await reveal(furukawa);
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal(ok.json().complainant.name, '青葉 花子');
  assert.equal((await reveal(chuo)).statusCode, 200, 'the owning unit reveals as before');
  assert.equal((await reveal(cyber)).statusCode, 200, 'サイバー課 reveals as before');
  const owners = (await get(chuo, `/api/intake/consultations/${id}`)).json();
  assert.deepEqual(
    owners.sharedWith
      .filter((s: { reason: string }) => s.reason !== 'escalation')
      .map((s: { reason: string; allowReveal: boolean }) => [s.reason, s.allowReveal]),
    [
      ['閲覧のみ', false],
      ['被害者対応のため', true],
    ],
  );
});
