import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { intakeCategory } from '../src/contracts/intake.contracts.js';
import { requestKind } from '../src/contracts/requests.contracts.js';
import { migrate } from '../src/server/core/db/db.migrate.js';
import type { Principal } from '../src/server/core/http/http.principal.js';
import { accountPrincipal, hashPassword } from '../src/server/domains/auth/index.js';
import { type CasesDeps, caseDetail, caseList, listRequests, myTasks } from '../src/server/domains/cases/index.js';
import { openWarningLists } from '../src/server/domains/indicators/index.js';
import { type Account, findAccount, seedDemo } from '../src/server/domains/org/index.js';
import { migrations } from '../src/server/modules.js';
import { openBenchDb, pct, seeded } from './bench.util.js';

/**
 * 事件・支援要請 at a prefecture's scale (issue #16): 100,000 cases over three years in every unit,
 * about ten tasks each (1,000,000) and three support requests each (300,000), for 30 officers per
 * unit. Measures what an investigator waits for — the case list with two filters (first page and
 * count, newest first), opening a case, "my tasks", a unit's inbox — each for a station officer, a
 * division investigator and サイバー課 (prefecture-wide), and prints p50/p95 against the targets.
 * BENCH_CASES=10000 for a quick run; on PostgreSQL through scripts/with-postgres.mjs.
 */
const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const TASKS_PER_CASE = 10;
const REQUESTS_PER_CASE = 3;
const OFFICERS_PER_UNIT = 30;
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const rand = seeded(16);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
/** A skewed choice: the first items far more often, as cases gather at a few busy units. */
const skewed = <T>(xs: readonly T[]): T => xs[Math.floor(rand() ** 2 * xs.length)] as T;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const { db, where, size, cleanup } = await openBenchDb('renkei-cases-');
try {
  await migrate(db, migrations);
  await seedDemo(db, hashPassword);
  const units = await db.kysely
    .selectFrom('unit')
    .select(['id', 'code', 'kind'])
    .where('kind', 'in', ['station', 'hqDivision'])
    .orderBy('code')
    .execute();
  const hash = (await db.kysely.selectFrom('app_user').select('password_hash').limit(1).executeTakeFirstOrThrow()).password_hash;
  const now = Date.now();
  const at = new Date(now).toISOString();
  const officers = new Map<string, string[]>();
  for (const u of units) {
    const rows = Array.from({ length: OFFICERS_PER_UNIT }, (_, i) => ({
      id: randomUUID(),
      login_id: `bench.${u.code.toLowerCase()}.${i}`,
      display_name: `捜査員 ${u.code}-${i}`,
      unit_id: u.id,
      role: u.kind === 'station' ? 'stationOfficer' : 'caseInvestigator',
      password_hash: hash,
      disabled: 0,
      must_change_password: 0,
      created_at: at,
      updated_at: at,
      locked_until: null,
      password_changed_at: at,
      totp_secret_enc: null,
      totp_pending_enc: null,
      totp_last_step: null,
    }));
    await db.kysely.insertInto('app_user').values(rows).execute();
    officers.set(
      u.id,
      rows.map((r) => r.id),
    );
  }
  // Busy units first: the skewed choice sends most cases to the first stations and サイバー課.
  const cyber = units.find((u) => u.code === 'HQ-CYBER');
  const ordered = [...(cyber ? [cyber] : []), ...units.filter((u) => u !== cyber)];
  // A case's status follows its age, as a prefecture's do: most older than a year are settled.
  const byAge: [number, [string, number][]][] = [
    [
      90,
      [
        ['lead', 0.3],
        ['investigating', 0.6],
        ['cleared', 0.05],
        ['dropped', 0.05],
      ],
    ],
    [
      365,
      [
        ['investigating', 0.3],
        ['cleared', 0.35],
        ['dropped', 0.1],
        ['closed', 0.25],
      ],
    ],
    [
      Number.POSITIVE_INFINITY,
      [
        ['investigating', 0.03],
        ['cleared', 0.3],
        ['dropped', 0.1],
        ['closed', 0.57],
      ],
    ],
  ];
  const statusFor = (ageDays: number) => {
    const weights = (byAge.find(([days]) => ageDays < days) as (typeof byAge)[number])[1];
    let x = rand();
    for (const [status, w] of weights) {
      x -= w;
      if (x <= 0) return status;
    }
    return (weights.at(-1) as [string, number])[0];
  };
  const threeYears = 3 * 365 * 86_400_000;
  console.log(
    `engine: ${where}; ${CASES.toLocaleString()} cases, ${(CASES * TASKS_PER_CASE).toLocaleString()} tasks, ${(CASES * REQUESTS_PER_CASE).toLocaleString()} requests`,
  );
  const started = Date.now();
  const BATCH = 1000;
  let seq = 0;
  for (let done = 0; done < CASES; done += BATCH) {
    await db.kysely.transaction().execute(async (trx) => {
      const cases = [];
      const tasks = [];
      const requests = [];
      const shares = [];
      for (let i = 0; i < Math.min(BATCH, CASES - done); i++) {
        const unit = skewed(ordered);
        const people = officers.get(unit.id) as string[];
        const created = now - threeYears + ((done + i) / CASES) * threeYears;
        const id = randomUUID();
        const status = statusFor((now - created) / 86_400_000);
        const active = status === 'lead' || status === 'investigating';
        seq++;
        cases.push({
          id,
          case_no: `${new Date(created).getUTCFullYear()}-事-${String(seq).padStart(6, '0')}`,
          title: `${pick(['フィッシング', 'ランサムウェア', 'サポート詐欺', '不正送金', 'SNS型投資詐欺'])}事件 ${seq}`,
          owning_unit_id: unit.id,
          lead_user_id: pick(people),
          category: pick(intakeCategory.keys),
          modus: null,
          status,
          narrative: '宅配業者を装うSMSから偽サイトへ誘導された事案。',
          arrested_count: null,
          referred_on: null,
          drop_reason: null,
          version: 1,
          created_by: pick(people),
          created_at: new Date(created).toISOString(),
          updated_at: new Date(created).toISOString(),
        });
        const n = 1 + Math.floor(rand() * (2 * TASKS_PER_CASE - 1));
        for (let t = 0; t < n; t++) {
          const open = active ? rand() < 0.5 : rand() < 0.01;
          const toUnit = rand() < 0.2;
          tasks.push({
            id: randomUUID(),
            case_id: id,
            title: pick(['ログ保全依頼', '被害範囲の確認', '解析依頼', '口座凍結の確認', '通話履歴の照会']),
            note: '',
            assignee_user_id: toUnit ? null : pick(people),
            assignee_unit_id: unit.id,
            due_on: rand() < 0.7 ? day(created + (1 + Math.floor(rand() * 60)) * 86_400_000) : null,
            status: open ? pick(['todo', 'doing']) : rand() < 0.95 ? 'done' : 'cancelled',
            open: open ? 1 : 0,
            overdue_notified_on: null,
            version: 1,
            created_by: pick(people),
            created_at: new Date(created).toISOString(),
            updated_at: new Date(created).toISOString(),
            completed_at: null,
            completed_by: null,
          });
        }
        const r = Math.floor(rand() * (2 * REQUESTS_PER_CASE + 1));
        for (let q = 0; q < r; q++) {
          const to = rand() < 0.5 && cyber ? cyber : pick(units);
          if (to.id === unit.id) continue;
          const open = active ? rand() < 0.4 : rand() < 0.005;
          requests.push({
            id: randomUUID(),
            request_no: `${new Date(created).getUTCFullYear()}-依-${String(done * REQUESTS_PER_CASE + requests.length).padStart(7, '0')}`,
            kind: pick(requestKind.keys),
            from_unit_id: unit.id,
            to_unit_id: to.id,
            case_id: id,
            title: '解析の支援依頼',
            body: '押収した端末の解析を依頼します。',
            country: null,
            channel: null,
            status: open ? pick(['requested', 'accepted', 'inProgress']) : 'completed',
            open: open ? 1 : 0,
            due_at: new Date(created + 3 * 86_400_000).toISOString(),
            overdue_notified_at: null,
            decline_reason: null,
            answer: null,
            version: 1,
            created_by: pick(people),
            created_at: new Date(created).toISOString(),
            updated_at: new Date(created).toISOString(),
          });
          shares.push({
            id: randomUUID(),
            record_type: 'case',
            record_id: id,
            unit_id: to.id,
            user_id: null,
            reason: '支援要請',
            created_by: pick(people),
            created_at: new Date(created).toISOString(),
          });
        }
      }
      await trx.insertInto('case_record').values(cases).execute();
      for (let i = 0; i < tasks.length; i += 500)
        await trx
          .insertInto('case_task')
          .values(tasks.slice(i, i + 500))
          .execute();
      for (let i = 0; i < requests.length; i += 500)
        await trx
          .insertInto('support_request')
          .values(requests.slice(i, i + 500))
          .execute();
      for (let i = 0; i < shares.length; i += 500)
        await trx
          .insertInto('record_share')
          .values(shares.slice(i, i + 500))
          .execute();
    });
  }
  if (db.dialect.engine === 'postgres') await sql`analyze`.execute(db.kysely);
  else await sql`analyze`.execute(db.kysely);
  const counts = await db.kysely
    .selectNoFrom((e) => [
      e.selectFrom('case_task').select(e.fn.countAll().as('n')).as('tasks'),
      e.selectFrom('support_request').select(e.fn.countAll().as('n')).as('requests'),
    ])
    .executeTakeFirstOrThrow();
  console.log(
    `loaded in ${((Date.now() - started) / 1000).toFixed(0)} s: ${Number(counts.tasks).toLocaleString()} tasks, ${Number(counts.requests).toLocaleString()} requests; database ${((await size()) / 1024 / 1024).toFixed(0)} MB`,
  );

  const deps: CasesDeps = { db, warnings: await openWarningLists(db.kysely), commonThreshold: 50, labelRecords: async () => new Map() };
  const station = units.find((u) => u.kind === 'station') as (typeof units)[number];
  const principalOf = async (loginId: string): Promise<Principal> =>
    accountPrincipal((await findAccount(db.kysely, { loginId })) as Account);
  const benchOfficer = async (unitId: string, i: number) => {
    const account = (await findAccount(db.kysely, {
      loginId: `bench.${units.find((u) => u.id === unitId)?.code.toLowerCase()}.${i}`,
    })) as Account;
    return accountPrincipal(account);
  };
  const people: [string, Principal][] = [
    ['署員', await benchOfficer(station.id, 0)],
    ['事件主管課員', await principalOf('seikei.nakamura')],
    ['サイバー課（県内全域）', await principalOf('cyber.watanabe')],
  ];
  const measure = async (label: string, target: number, fn: (i: number) => Promise<unknown>) => {
    for (let i = 0; i < 5; i++) await fn(i);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await fn(i);
      times.push(performance.now() - t);
    }
    const p95 = pct(times, 95);
    console.log(
      `${label.padEnd(44)} p50 ${pct(times, 50).toFixed(1).padStart(7)} ms  p95 ${p95.toFixed(1).padStart(7)} ms  target p95 < ${target} ms  ${p95 < target ? 'met' : 'NOT met'}`,
    );
  };
  const filterPairs = () => ({ status: pick(['investigating', 'lead', 'cleared'] as const), category: pick(intakeCategory.keys) });
  for (const [who, p] of people) {
    await measure(`事件一覧（状態＋分類、1ページ目と件数） ${who}`, 100, () =>
      caseList(deps, p, { ...filterPairs(), page: 1, pageSize: 50 }),
    );
    await measure(`事件一覧（主任捜査官＋期間） ${who}`, 100, () =>
      caseList(deps, p, { leadUserId: p.userId, from: new Date(now - 365 * 86_400_000).toISOString(), page: 1, pageSize: 50 }),
    );
    await measure(`自分の捜査事項 ${who}`, 50, () => myTasks(deps.db.kysely, p, { mineOnly: 'false', limit: 200 }));
    await measure(`支援要請（受けた依頼・対応中） ${who}`, 50, () =>
      listRequests(deps.db.kysely, p, { box: 'inbox', open: 'true', limit: 100 }),
    );
  }
  // Cases opened across the three years, every unit's, and the station's own.
  const step = Math.max(1, Math.floor(CASES / RUNS));
  const sampleCases = await db.kysely.selectFrom('case_record').select('id').where(sql`seq % ${step}`, '=', 0).limit(RUNS).execute();
  const own = await db.kysely
    .selectFrom('case_record')
    .select('id')
    .where('owning_unit_id', '=', station.id)
    .orderBy('seq', 'desc')
    .limit(RUNS)
    .execute();
  const readable = own;
  const stationOfficer = people[0]?.[1] as Principal;
  const cyberAnalyst = people[2]?.[1] as Principal;
  await measure('事件詳細 サイバー課', 50, (i) =>
    caseDetail(deps, cyberAnalyst, (sampleCases[i % sampleCases.length] as { id: string }).id),
  );
  if (own.length > 0)
    await measure('事件詳細 署員（自署の事件）', 50, (i) =>
      caseDetail(deps, stationOfficer, (readable[i % readable.length] as { id: string }).id),
    );
} finally {
  await cleanup();
}
