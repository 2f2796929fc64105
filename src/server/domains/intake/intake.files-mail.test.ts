import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { storedCount } from '../../testing/stored-files.js';
import { type Agent, loginAs, type TestApp, testApp } from '../../testing/test-app.js';

/** Evidence files on disk and escalation mail through a real SMTP server on loopback. */
let a: TestApp;
let chuo: Agent;
let ishinomaki: Agent;
let dataDir: string;
const inbox: { to: string[]; raw: string }[] = [];
let smtp: SMTPServer;

before(async () => {
  smtp = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as { port: number }).port;
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'renkei-files-'));
  a = await testApp({
    dataDir,
    mail: { smtpUrl: `smtp://127.0.0.1:${port}`, from: 'renkei@pref.example', publicUrl: 'https://renkei.pref.example' },
  });
  chuo = await loginAs(a.app, 'chuo.sato');
  ishinomaki = await loginAs(a.app, 'ishinomaki.suzuki');
});
after(async () => {
  await a.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const record = (summary: string, extra: object = {}) =>
  a.app.inject({
    method: 'POST',
    url: '/api/intake/consultations',
    headers: chuo.headers(),
    payload: {
      kind: 'report',
      channel: 'phone',
      category: 'intrusion',
      modus: 'ransomware',
      complainant: { type: 'organisation', name: '株式会社みやぎ製作所', orgSize: 'sme', sector: 'manufacturing' },
      summary,
      narrative: 'サーバーのファイルが暗号化され、身代金を要求する画面が表示された。',
      ...extra,
    },
  });

test('an evidence file is hashed, stored encrypted, listed and downloaded only as an attachment', async () => {
  const c = (await record('ランサムウェア被害（添付あり）')).json();
  const bytes = Buffer.from('<html><script>alert(1)</script></html>');
  const up = await a.app.inject({
    method: 'POST',
    url: `/api/intake/consultations/${c.id}/files?name=${encodeURIComponent('../脅迫文.html')}`,
    headers: { ...chuo.headers(), 'content-type': 'application/octet-stream' },
    payload: bytes,
  });
  assert.equal(up.statusCode, 201, up.body);
  const sha = createHash('sha256').update(bytes).digest('hex');
  assert.equal(up.json().sha256, sha);
  assert.equal(up.json().fileName, '脅迫文.html', 'no path survives');
  assert.ok(!fs.existsSync(path.join(dataDir, 'files', sha.slice(0, 2), sha)), 'not stored in plaintext by its hash');
  const list = await a.app.inject({ url: `/api/intake/consultations/${c.id}/files`, headers: chuo.headers() });
  assert.equal(list.json().items.length, 1);
  const dl = await a.app.inject({ url: `/api/intake/consultations/${c.id}/files/${up.json().id}`, headers: chuo.headers() });
  assert.equal(dl.statusCode, 200);
  assert.equal(dl.headers['content-type'], 'application/octet-stream');
  assert.match(String(dl.headers['content-disposition']), /^attachment;/);
  assert.equal(dl.rawPayload.equals(bytes), true);
  const other = await a.app.inject({ url: `/api/intake/consultations/${c.id}/files/${up.json().id}`, headers: ishinomaki.headers() });
  assert.equal(other.statusCode, 404, 'another station cannot fetch it');
  const audit = await a.db.kysely.selectFrom('audit_event').select('action').where('target_id', '=', c.id).execute();
  assert.ok(audit.some((e) => e.action === 'intake.evidence.attach'));
  assert.ok(audit.some((e) => e.action === 'intake.evidence.download'));
});

test('a file name that hides its real extension with direction marks is stored and served without them', async () => {
  const c = (await record('偽装された添付ファイル')).json();
  const up = await a.app.inject({
    method: 'POST',
    url: `/api/intake/consultations/${c.id}/files?name=${encodeURIComponent('請求書\u202Efdp.exe')}`,
    headers: { ...chuo.headers(), 'content-type': 'application/octet-stream' },
    payload: Buffer.from('MZ'),
  });
  assert.equal(up.statusCode, 201, up.body);
  assert.equal(up.json().fileName, '請求書fdp.exe', 'reads as what it is: an .exe');
  const dl = await a.app.inject({ url: `/api/intake/consultations/${c.id}/files/${up.json().id}`, headers: chuo.headers() });
  assert.ok(!decodeURIComponent(String(dl.headers['content-disposition'])).includes('\u202E'));
});

test('an oversized evidence file is refused with 413 and nothing is stored', async () => {
  const c = (await record('大きすぎる添付')).json();
  const big = Buffer.alloc(a.config.evidenceMaxBytes + 1, 1);
  const before = await storedCount({ db: a.db, dataDir });
  const r = await a.app.inject({
    method: 'POST',
    url: `/api/intake/consultations/${c.id}/files?name=big.bin`,
    headers: { ...chuo.headers(), 'content-type': 'application/octet-stream' },
    payload: big,
  });
  assert.equal(r.statusCode, 413);
  assert.match(r.json().error.message, /上限 50 MB/);
  const rows = await a.db.kysely.selectFrom('evidence_file').select('id').where('record_id', '=', c.id).execute();
  assert.equal(rows.length, 0);
  assert.equal(await storedCount({ db: a.db, dataDir }), before, 'no stored content either (no file, no chunk)');
});

test('an escalation is mailed to the cyber division mailbox through SMTP, without personal data', async () => {
  const cyber = await a.db.kysely.selectFrom('unit').select('id').where('code', '=', 'HQ-CYBER').executeTakeFirstOrThrow();
  await a.db.kysely.updateTable('unit').set({ email: 'cyber-hq@pref.example' }).where('id', '=', cyber.id).execute();
  const { id } = (
    await record('ランサムウェア被害（メール通知）', {
      complainant: { type: 'organisation', name: '株式会社秘密商事', orgSize: 'sme', sector: 'manufacturing' },
    })
  ).json();
  // The create answers with the id only; the detail is read on its own.
  const c = (await a.app.inject({ url: `/api/intake/consultations/${id}`, headers: chuo.headers() })).json();
  assert.equal(c.escalation, 'pending', 'an organisation hit by ransomware is escalated by the rules');
  for (let i = 0; i < 20 && inbox.length === 0; i++) {
    await a.jobs.tick();
    await new Promise((r) => setTimeout(r, 50));
  }
  const mail = inbox[0];
  assert.ok(mail, 'mail delivered');
  assert.deepEqual(mail.to, ['cyber-hq@pref.example']);
  const parsed = await simpleParser(mail.raw);
  assert.match(parsed.subject ?? '', new RegExp(`^\\[Renkei\\] 【報告】${c.refNo} ランサムウェア被害`));
  assert.match(parsed.text ?? '', /確認期限:/);
  assert.ok(parsed.text?.includes(`https://renkei.pref.example/intake/${c.id}`));
  assert.ok(!`${parsed.subject}${parsed.text}`.includes('秘密商事'), 'no complainant names in mail');
});
