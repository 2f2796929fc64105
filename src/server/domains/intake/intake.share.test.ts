import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
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

const base = {
  kind: 'consultation',
  channel: 'visit',
  category: 'fraud',
  modus: 'supportScam',
  contactMethods: ['webAd'],
  complainant: { type: 'individual', name: '青葉 花子', address: '宮城県仙台市青葉区本町3-8-1', phone: '022-211-1111', ageGroup: 'senior' },
  victimSameAsComplainant: true,
  summary: '共有の確認',
  narrative: '表示された 050-3000-9876 に電話した。',
};

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
