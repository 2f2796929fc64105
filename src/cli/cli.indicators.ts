import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { type IndicatorType, indicatorTypeLabels, indicatorTypeSchema } from '../contracts/indicators.contracts.js';
import { cliCtx } from '../server/core/audit/audit.context.js';
import { audit } from '../server/core/audit/audit.writer.js';
import { loadConfig } from '../server/core/config/config.js';
import { withTx } from '../server/core/db/db.tx.js';
import {
  afterBulkLoad,
  canonicalForm,
  extract,
  ingestBulk,
  openWarningLists,
  rebuildDerived,
  type SightingInput,
  updateClusters,
} from '../server/domains/indicators/index.js';
import { withAnchoredDb } from './cli.db.js';
import { cliErrors, runAction } from './cli.errors.js';
import { parseImport, type Row, type RowError } from './cli.feed.js';
import { cliInput, parseInput } from './cli.input.js';
import { progressBar } from './cli.progress.js';

const MAX_INPUT = 50 * 1024 * 1024;

function readInput(file: string | undefined): string {
  if (!file || file === '-') return fs.readFileSync(0, 'utf8');
  const st = fs.statSync(file);
  if (st.size > MAX_INPUT) throw cliErrors.create('cli.file_too_large', { value: file });
  return fs.readFileSync(file, 'utf8');
}

/** Check each row: a known type, and a value that reads as that type. */
export function validateRows(rows: Row[]): { items: (SightingInput & { line: number })[]; errors: RowError[] } {
  const items: (SightingInput & { line: number })[] = [];
  const errors: RowError[] = [];
  for (const r of rows) {
    const t = indicatorTypeSchema.safeParse(r.type);
    if (!t.success) {
      errors.push({ line: r.line, message: `不明な種別です: ${r.type}` });
      continue;
    }
    const type: IndicatorType = t.data;
    const form = canonicalForm(type, r.value);
    if (!form.valid && type !== 'social') {
      errors.push({ line: r.line, message: `${indicatorTypeLabels[type].ja}として解釈できません: ${r.value.slice(0, 80)}` });
      continue;
    }
    items.push({ type, value: form.value, line: r.line });
  }
  return { items, errors };
}

export function registerIndicatorCommands(program: Command): void {
  program
    .command('extract')
    .description('文章から指標を抽出する / extract indicators from text')
    .argument('[file]', '入力ファイル（省略時は標準入力）/ input file (default stdin)')
    .option('--jsonl', 'JSON Lines で出力 / output JSON Lines')
    .action(
      runAction(async (file: string | undefined, opts: { jsonl?: boolean }) => {
        const hits = extract(readInput(file));
        for (const h of hits) {
          process.stdout.write(
            opts.jsonl ? `${JSON.stringify(h)}\n` : `${h.type}\t${h.value}\t${h.start}-${h.end}${h.defanged ? '\t(無害化表記)' : ''}\n`,
          );
        }
        process.stderr.write(`${hits.length} 件 / ${hits.length} hits\n`);
      }),
    );

  const imp = program.command('import').description('取り込み / import');
  imp
    .command('indicators')
    .description('指標を CSV（type,value）または JSON Lines から取り込む / import indicators')
    .argument('<file>', '.csv または .jsonl')
    .option('--source <name>', '出所の名称（既定はファイル名）/ feed name (default: file name)')
    .option('--skip-bad', '不正な行を飛ばして残りを取り込む / import the good rows, skip bad ones')
    .action(
      runAction(async (file: string, opts: { source?: string; skipBad?: boolean }) => {
        parseInput(cliInput.feedFile, file, 'cli.invalid_file_format');
        const parsed = parseImport(file, readInput(file));
        const checked = validateRows(parsed.rows);
        const errors = [...parsed.errors, ...checked.errors].sort((a, b) => a.line - b.line);
        for (const e of errors) process.stderr.write(`${file}:${e.line}: ${e.message}\n`);
        if (errors.length > 0 && !opts.skipBad) {
          process.stderr.write(
            `${errors.length} 行に誤りがあるため、何も取り込みませんでした（--skip-bad で正しい行のみ取り込み）/ nothing imported\n`,
          );
          process.exitCode = 1;
          return;
        }
        const config = loadConfig();
        await withAnchoredDb(config, async (db) => {
          const warnings = await openWarningLists(db.kysely);
          const source = opts.source ?? path.basename(file);
          const bar = progressBar('取り込み / importing');
          const rec = { recordType: 'feed', recordId: source, unitId: null };
          const storeOpts = { commonThreshold: config.commonThreshold, warningsFor: (t: IndicatorType, v: string) => warnings.match(t, v) };
          const batch = 20_000;
          // One transaction: a failure half-way leaves nothing behind.
          await withTx(db, async (tx) => {
            const ids = new Set<number>();
            for (let i = 0; i < checked.items.length; i += batch) {
              const part = checked.items.slice(i, i + batch).map(({ type, value }) => ({ type, value }));
              for (const id of (await ingestBulk(tx, [{ rec, items: part }], storeOpts)).indicatorIds) ids.add(id);
              bar.update(Math.min(i + batch, checked.items.length), checked.items.length);
            }
            await updateClusters(tx, rec, [...ids]);
            await audit(tx, cliCtx(), {
              action: 'indicators.import',
              target: source,
              detail: { rows: checked.items.length, skipped: errors.length },
            });
          });
          await afterBulkLoad(db);
          bar.done();
          process.stdout.write(
            `${checked.items.length} 件を取り込みました（不正 ${errors.length} 行を除外）/ imported ${checked.items.length}\n`,
          );
        });
      }),
    );

  program
    .command('indicators')
    .description('指標の保守 / indicator maintenance')
    .command('rebuild')
    .description(
      '警告リストの注記・出現件数・クラスタを全件再計算する（閾値や警告リストを変えた後に）/ recompute annotations, counts and clusters',
    )
    .action(
      runAction(async () => {
        const config = loadConfig();
        await withAnchoredDb(config, async (db) => {
          const warnings = await openWarningLists(db.kysely);
          const t0 = performance.now();
          const r = await rebuildDerived(db, warnings, config.commonThreshold);
          await withTx(db, (tx) =>
            audit(tx, cliCtx(), {
              action: 'indicators.rebuild',
              target: { type: 'indicator', id: null },
              detail: { annotations: r.annotations, clustered: r.clustered, commonThreshold: config.commonThreshold },
            }),
          );
          process.stdout.write(
            `注記の変更 ${r.annotations} 件、クラスタに属する記録 ${r.clustered} 件（${((performance.now() - t0) / 1000).toFixed(1)} 秒）/ ${r.annotations} annotations changed, ${r.clustered} records clustered\n`,
          );
        });
      }),
    );
}
