import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import SQLite from 'better-sqlite3';

/** The CLI as a user runs it: a real process, real environment, real exit codes. */
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'renkei-cli-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function renkei(args: string[], env: Record<string, string> = {}) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('RENKEI_') && k !== 'DATABASE_URL'));
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/cli.main.ts', ...args], {
    env: { ...clean, RENKEI_LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function assertCleanFailure(r: { code: number | null; err: string }, code: number, dotted: string) {
  assert.equal(r.code, code, r.err);
  assert.match(r.err, /^エラー: /m);
  assert.match(r.err, /^Error: /m);
  assert.ok(r.err.includes(`(${dotted})`), r.err);
  assert.doesNotMatch(r.err, /^\s+at .+:\d+:\d+\)?$/m, 'no stack trace');
}

test('an unknown configuration variable stops the CLI with exit code 2', () => {
  assertCleanFailure(renkei(['migrate'], { RENKEI_PROT: '3000' }), 2, 'config.unknown_variable');
});

test('an unwritable data directory stops it with a clear message', () => {
  const file = path.join(tmp, 'not-a-dir');
  fs.writeFileSync(file, 'x');
  assertCleanFailure(renkei(['migrate'], { RENKEI_DATA_DIR: path.join(file, 'data') }), 2, 'config.data_dir_unwritable');
});

test('a corrupted SQLite file is reported, not opened', () => {
  const dir = path.join(tmp, 'corrupt');
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'renkei.sqlite'), Buffer.alloc(8192, 0x5a));
  assertCleanFailure(renkei(['migrate'], { RENKEI_DATA_DIR: dir }), 1, 'db.sqlite_corrupt');
});

test('an unreachable DATABASE_URL fails fast with the target and no password', () => {
  const r = renkei(['migrate'], { DATABASE_URL: 'postgres://renkei:s3cret@127.0.0.1:1/renkei' });
  assertCleanFailure(r, 1, 'db.unreachable');
  assert.ok(r.err.includes('127.0.0.1:1/renkei'));
  assert.ok(!r.err.includes('s3cret'));
});

test('a port in use is reported with the port number', async () => {
  const blocker = net.createServer();
  await new Promise<void>((res) => blocker.listen(0, '127.0.0.1', res));
  const port = (blocker.address() as net.AddressInfo).port;
  try {
    const r = renkei(['serve'], {
      RENKEI_DATA_DIR: path.join(tmp, 'port'),
      RENKEI_PORT: String(port),
      RENKEI_ADMIN_PASSWORD: 'a-long-admin-password',
    });
    assertCleanFailure(r, 1, 'http.port_in_use');
    assert.ok(r.err.includes(String(port)));
  } finally {
    blocker.close();
  }
});

test('migrate, seed-demo and backup produce a usable copy of the database', () => {
  const dir = path.join(tmp, 'ok');
  const env = { RENKEI_DATA_DIR: dir };
  const m = renkei(['migrate'], env);
  assert.equal(m.code, 0, m.err);
  assert.match(m.out, /適用しました|最新/);
  const s = renkei(['seed-demo'], env);
  assert.equal(s.code, 0, s.err);
  assert.match(s.out, /所属 \d+ 件・職員 \d+ 名を作成しました/);
  assert.match(renkei(['seed-demo'], env).out, /作成済み/);
  const dest = path.join(tmp, 'backup.sqlite');
  const b = renkei(['backup', dest], env);
  assert.equal(b.code, 0, b.err);
  const copy = new SQLite(dest, { readonly: true });
  const stations = copy.prepare("select count(*) as n from unit where kind = 'station'").get() as { n: number };
  copy.close();
  assert.ok(stations.n >= 20);
});

test('on SQLite, backup copies the evidence files beside the database and restore puts both back', () => {
  const dir = path.join(tmp, 'with-files');
  const env = { RENKEI_DATA_DIR: dir };
  assert.equal(renkei(['migrate'], env).code, 0);
  // A stored (encrypted) evidence file as the server leaves it; its content is opaque here.
  const blob = 'ab'.repeat(16);
  const stored = path.join(dir, 'files', 'ab', blob);
  fs.mkdirSync(path.dirname(stored), { recursive: true });
  fs.writeFileSync(stored, 'ciphertext');
  fs.writeFileSync(`${stored}.tmp`, 'an upload still arriving');
  const dest = path.join(tmp, 'with-files-backup.sqlite');
  const b = renkei(['backup', dest], env);
  assert.equal(b.code, 0, b.err);
  assert.match(b.out, /証拠ファイル 1 件/);
  assert.equal(fs.readFileSync(path.join(`${dest}.files`, 'ab', blob), 'utf8'), 'ciphertext');
  assert.equal(fs.existsSync(path.join(`${dest}.files`, 'ab', `${blob}.tmp`)), false, 'a partial upload is not a stored file');
  assert.equal(fs.statSync(path.join(`${dest}.files`, 'ab', blob)).mode & 0o777, 0o600);

  const restoredEnv = { RENKEI_DATA_DIR: path.join(tmp, 'restored') };
  const r = renkei(['restore', dest], restoredEnv);
  assert.equal(r.code, 0, r.err);
  assert.equal(fs.readFileSync(path.join(tmp, 'restored', 'files', 'ab', blob), 'utf8'), 'ciphertext');
  assert.ok(fs.existsSync(path.join(tmp, 'restored', 'renkei.sqlite')));
  assertCleanFailure(renkei(['restore', dest], restoredEnv), 1, 'cli.restore_target_exists');
  assertCleanFailure(renkei(['restore', path.join(tmp, 'nothing.sqlite')], restoredEnv), 1, 'cli.backup_missing');
});

test('backup and restore on PostgreSQL print the pg_dump / pg_restore commands instead', () => {
  const r = renkei(['backup'], { DATABASE_URL: 'postgres://renkei@127.0.0.1:1/renkei' });
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /pg_dump/);
  assert.match(r.out, /証拠ファイルもデータベース内/);
  const s = renkei(['restore', 'renkei.dump'], { DATABASE_URL: 'postgres://renkei@127.0.0.1:1/renkei' });
  assert.equal(s.code, 0, s.err);
  assert.match(s.out, /pg_restore/);
});

test('version prints the package version', () => {
  const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { version: string };
  assert.equal(renkei(['version']).out.trim(), `renkei ${pkg.version}`);
});

test('the server refuses to start when the key file is missing or wrong, and never runs without it', () => {
  const dir = path.join(tmp, 'keys');
  const env = { RENKEI_DATA_DIR: dir };
  assert.equal(renkei(['audit', 'verify'], env).code, 0, 'first run creates the key');
  const keyFile = path.join(dir, 'renkei.keys.json');
  assert.ok(fs.existsSync(keyFile));
  const saved = fs.readFileSync(keyFile, 'utf8');
  fs.rmSync(keyFile);
  assertCleanFailure(renkei(['audit', 'verify'], env), 1, 'crypto.key_missing');
  assert.ok(!fs.existsSync(keyFile), 'a missing key is never silently replaced');
  const wrong = JSON.parse(saved);
  wrong.keys[0].key = Buffer.alloc(32, 7).toString('base64');
  fs.writeFileSync(keyFile, JSON.stringify(wrong));
  assertCleanFailure(renkei(['audit', 'verify'], env), 1, 'crypto.key_mismatch');
  fs.writeFileSync(keyFile, saved);
  assert.equal(renkei(['audit', 'verify'], env).code, 0);
});

test('users and units from the CLI; the audit trail verifies and exports as JSON Lines', () => {
  const dir = path.join(tmp, 'admin');
  const env = { RENKEI_DATA_DIR: dir };
  assert.equal(renkei(['seed-demo'], env).code, 0);
  const unit = renkei(
    [
      'unit',
      'add',
      '--code',
      'PB-IZUMI-1',
      '--name',
      '泉警察署 泉中央交番',
      '--name-en',
      'Izumi-Chuo Police Box',
      '--kind',
      'policeBox',
      '--parent',
      'ST-IZUMI',
    ],
    env,
  );
  assert.equal(unit.code, 0, unit.err);
  const add = renkei(['user', 'add', '--login', 'izumi.abe', '--name', '阿部 誠', '--unit', 'ST-IZUMI', '--role', 'stationOfficer'], env);
  assert.equal(add.code, 0, add.err);
  assert.match(add.out, /仮パスワード: [a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}/);
  const badRole = renkei(['user', 'add', '--login', 'x.y', '--name', 'x', '--unit', 'ST-IZUMI', '--role', 'god'], env);
  assertCleanFailure(badRole, 1, 'cli.invalid_role');
  assert.match(badRole.err, /役割が正しくありません: god/);
  const badLogin = renkei(['user', 'add', '--login', 'X', '--name', 'x', '--unit', 'ST-IZUMI', '--role', 'stationOfficer'], env);
  assertCleanFailure(badLogin, 1, 'cli.invalid_login_id');
  assertCleanFailure(renkei(['audit', 'export', '--from', 'yesterday'], env), 1, 'cli.invalid_date');
  const verify = renkei(['audit', 'verify'], env);
  assert.equal(verify.code, 0);
  assert.match(verify.out, /改ざんされていません/);
  const out = path.join(tmp, 'audit.jsonl');
  const exp = renkei(['audit', 'export', out], env);
  assert.equal(exp.code, 0, exp.err);
  const lines = fs
    .readFileSync(out, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.ok(lines.some((e) => e.action === 'org.user.create' && e.clientIp?.startsWith('cli:')));
  assert.ok(
    lines.every((e, i) => i === 0 || e.prevHash === lines[i - 1].hash),
    'the export carries the chain',
  );
  // The export itself is in the trail.
  const again = renkei(['audit', 'export'], env);
  assert.ok(again.out.includes('"action":"audit.export"'));
});

test('renkei audit verify compares the chain with the head checkpoint and names the events deleted from its end', () => {
  const dir = path.join(tmp, 'truncated');
  const env = { RENKEI_DATA_DIR: dir };
  assert.equal(renkei(['seed-demo'], env).code, 0);
  for (const login of ['izumi.ito', 'izumi.endo', 'izumi.kudo']) {
    const add = renkei(['user', 'add', '--login', login, '--name', '伊藤 誠', '--unit', 'ST-IZUMI', '--role', 'stationOfficer'], env);
    assert.equal(add.code, 0, add.err);
  }
  const intact = renkei(['audit', 'verify'], env);
  assert.equal(intact.code, 0, intact.out);
  assert.match(intact.out, /チェックポイント（連番 \d+）と一致/);
  assert.equal(fs.statSync(path.join(dir, 'renkei.audit-head.json')).mode & 0o777, 0o600);
  // An administrator with the database file (but not the key) deletes the newest events.
  const c = new SQLite(path.join(dir, 'renkei.sqlite'));
  const last = (c.prepare('select seq from audit_event order by seq desc limit 2').all() as { seq: number }[]).map((r) => r.seq).reverse();
  c.exec('drop trigger audit_event_no_delete');
  c.prepare('delete from audit_event where seq >= ?').run(last[0]);
  c.close();
  const r = renkei(['audit', 'verify'], env);
  assert.equal(r.code, 3, r.out + r.err);
  assert.ok(r.out.includes(`末尾の 2 件（連番 ${last[0]}〜${last[1]}）が失われています`), r.out);
  // Nothing is appended on top of the gap.
  const refused = renkei(
    ['user', 'add', '--login', 'izumi.ueda', '--name', '上田 誠', '--unit', 'ST-IZUMI', '--role', 'stationOfficer'],
    env,
  );
  assertCleanFailure(refused, 1, 'audit.chain_behind_checkpoint');
});

test('renkei extract reads stdin or a file and prints hits as text or JSON Lines', () => {
  const f = path.join(tmp, 'lure.txt');
  fs.writeFileSync(f, '【重要】お支払い確認 hxxps://amaz0n-security-jp[.]com/ap/signin 連絡 ０３－１２３４－５６７８');
  const text = renkei(['extract', f]);
  assert.equal(text.code, 0, text.err);
  assert.match(text.out, /^url\thttps:\/\/amaz0n-security-jp\.com\/ap\/signin\t\d+-\d+\t\(無害化表記\)$/m);
  const jsonl = renkei(['extract', f, '--jsonl']);
  const hits = jsonl.out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.deepEqual(
    hits.map((h) => h.type),
    ['url', 'domain', 'phone'],
  );
  assert.equal(hits[2].value, '+81312345678');
});

test('renkei import indicators reports every bad row and imports nothing unless told to skip them', () => {
  const dir = path.join(tmp, 'import');
  const env = { RENKEI_DATA_DIR: dir };
  const f = path.join(tmp, 'feed.csv');
  fs.writeFileSync(f, 'type,value\nphone,090-1234-5678\nurl,hxxps://evil[.]example[.]com/x\nbogus,1\nphone,not-a-phone\n');
  const strict = renkei(['import', 'indicators', f], env);
  assert.equal(strict.code, 1);
  assert.match(strict.err, /feed\.csv:4: 不明な種別です: bogus/);
  assert.match(strict.err, /feed\.csv:5: 電話番号として解釈できません/);
  assert.match(strict.err, /何も取り込みませんでした/);
  const db = path.join(dir, 'renkei.sqlite');
  const count = () => {
    const c = new SQLite(db, { readonly: true });
    const n = (c.prepare('select count(*) as n from indicator').get() as { n: number }).n;
    c.close();
    return n;
  };
  assert.equal(fs.existsSync(db) ? count() : 0, 0);
  const lenient = renkei(['import', 'indicators', f, '--skip-bad'], env);
  assert.equal(lenient.code, 0, lenient.err);
  assert.match(lenient.out, /2 件を取り込みました/);
  assert.equal(count(), 2, 'the phone and the URL, as typed');
  const c = new SQLite(db, { readonly: true });
  const events = c.prepare("select detail from audit_event where action = 'indicators.import'").all() as { detail: string }[];
  c.close();
  assert.equal(events.length, 1, 'the import is in the audit trail');
  assert.equal(JSON.parse(events[0]?.detail ?? '{}').rows, 2);
});

test('what renkei extract --jsonl prints, renkei import indicators takes back unchanged, bank accounts included', () => {
  const dir = path.join(tmp, 'roundtrip');
  const env = { RENKEI_DATA_DIR: dir };
  const text = path.join(tmp, 'narrative.txt');
  fs.writeFileSync(
    text,
    '振込先：三井住友銀行 新宿支店 普通 1234567 名義 カ）サクラ。連絡は 090-1234-5678 と info@fraud-shop.example.jp、' +
      'サイトは hxxps://fraud-shop[.]example[.]jp/pay、C2 は 203.0.113.5、CVE-2024-3400。',
  );
  const extracted = renkei(['extract', text, '--jsonl']);
  assert.equal(extracted.code, 0, extracted.err);
  const feed = path.join(tmp, 'extracted.jsonl');
  fs.writeFileSync(feed, extracted.out);
  const want = extracted.out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { type: string; value: string })
    .map((h) => `${h.type} ${h.value}`);
  assert.ok(want.includes('bankAccount 0009-221-1-1234567'), want.join(', '));
  const imported = renkei(['import', 'indicators', feed], env);
  assert.equal(imported.code, 0, imported.err);
  const c = new SQLite(path.join(dir, 'renkei.sqlite'), { readonly: true });
  const stored = (c.prepare('select type, value from indicator').all() as { type: string; value: string }[]).map(
    (r) => `${r.type} ${r.value}`,
  );
  c.close();
  assert.deepEqual(stored.sort(), [...new Set(want)].sort());
});

test('a value listed twice, or a feed imported again, adds no duplicate sightings; indicators rebuild recomputes counts and clusters', () => {
  const dir = path.join(tmp, 'rebuild');
  const env = { RENKEI_DATA_DIR: dir };
  const f = path.join(tmp, 'feed2.csv');
  // The phone is listed twice, written two ways: one value of the feed, one sighting.
  fs.writeFileSync(f, 'type,value\nphone,090-5555-0001\ndomain,fraud-shop.example.jp\nipv4,8.8.8.8\nphone,09055550001\n');
  assert.equal(renkei(['import', 'indicators', f], env).code, 0);
  const again = renkei(['import', 'indicators', f], env);
  assert.equal(again.code, 0, again.err);
  const db = path.join(dir, 'renkei.sqlite');
  const read = <T>(q: string) => {
    const c = new SQLite(db, { readonly: true });
    const r = c.prepare(q).all() as T[];
    c.close();
    return r;
  };
  assert.deepEqual(read<{ n: number }>('select count(*) as n from sighting'), [{ n: 3 }], 'one sighting per value in the feed');
  assert.deepEqual(read<{ n: number }>('select max(record_count) as n from indicator'), [{ n: 1 }], 'the feed counts once');
  const dns = read<{ warning: string }>("select warning from indicator where value = '8.8.8.8'");
  assert.match(dns[0]?.warning ?? '', /public-dns-v4/);
  const r = renkei(['indicators', 'rebuild'], env);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /注記の変更 0 件/);
  assert.equal(read<{ n: number }>("select count(*) as n from audit_event where action = 'indicators.rebuild'")[0]?.n, 1);
});

test('keys rotate then keys retire: the old key leaves the file once nothing uses it', () => {
  const dir = path.join(tmp, 'retire');
  const env = { RENKEI_DATA_DIR: dir };
  assert.equal(renkei(['audit', 'verify'], env).code, 0, 'first run creates the key');
  // An audited change signed under the first key: retiring it must keep the trail verifiable.
  const unit = renkei(['unit', 'add', '--code', 'ST-RETIRE', '--name', '退役署', '--name-en', 'Retire', '--kind', 'station'], env);
  assert.equal(unit.code, 0, unit.err);
  const keyFile = path.join(dir, 'renkei.keys.json');
  const first = (JSON.parse(fs.readFileSync(keyFile, 'utf8')) as { active: string }).active;
  const rot = renkei(['keys', 'rotate'], env);
  assert.equal(rot.code, 0, rot.err);
  assert.match(rot.err, /待ちます/);
  const after = JSON.parse(fs.readFileSync(keyFile, 'utf8')) as { active: string; keys: { id: string }[] };
  assert.notEqual(after.active, first);
  assert.equal(after.keys.length, 2);
  const ret = renkei(['keys', 'retire'], env);
  assert.equal(ret.code, 0, ret.err);
  assert.match(ret.out, new RegExp(`鍵 ${first} を削除しました`));
  assert.match(ret.out, /監査用の派生鍵だけを残します/);
  const left = JSON.parse(fs.readFileSync(keyFile, 'utf8')) as { keys: { id: string }[]; auditKeys: { id: string }[] };
  assert.deepEqual(
    left.keys.map((k) => k.id),
    [after.active],
  );
  assert.deepEqual(
    left.auditKeys.map((k) => k.id),
    [first],
    'only the audit MAC key of the retired key stays',
  );
  const verify = renkei(['audit', 'verify'], env);
  assert.equal(verify.code, 0, `the trail signed under the retired key still verifies: ${verify.out}${verify.err}`);
});
