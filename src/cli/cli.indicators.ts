import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { IndicatorType } from '../contracts/indicators.contracts.js';
import { cliCtx } from '../server/core/audit/audit.context.js';
import { audit } from '../server/core/audit/audit.writer.js';
import { loadConfig } from '../server/core/config/config.js';
import { withTx } from '../server/core/db/db.tx.js';
import { afterBulkLoad, extract, openFeedWriter, openWarningLists, rebuildDerived } from '../server/domains/indicators/index.js';
import { withAnchoredDb } from './cli.db.js';
import { cliErrors, runAction } from './cli.errors.js';
import { feedParts, validatePart } from './cli.feed.js';
import { cliInput, parseInput } from './cli.input.js';
import { progressBar } from './cli.progress.js';
import { validateChunks } from './cli.validate.js';

const MAX_INPUT = 50 * 1024 * 1024;

/** Thrown to roll an import back when a bad row turns up and --skip-bad was not given. */
class NothingImported extends Error {}

function readInput(file: string | undefined): string {
  if (!file || file === '-') return fs.readFileSync(0, 'utf8');
  const st = fs.statSync(file);
  if (st.size > MAX_INPUT) throw cliErrors.create('cli.file_too_large', { value: file });
  return fs.readFileSync(file, 'utf8');
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
        // A feed is read in parts of 10,000 rows, each read and validated on another core (the
        // next parts while this thread writes one): a quote-free CSV is only cut into lines here.
        const feed = feedParts(file, readInput(file), 10_000);
        const errors = [...feed.errors];
        const refuse = () => {
          for (const e of errors.sort((a, b) => a.line - b.line)) process.stderr.write(`${file}:${e.line}: ${e.message}\n`);
          process.stderr.write(
            `${errors.length} 行に誤りがあるため、何も取り込みませんでした（--skip-bad で正しい行のみ取り込み）/ nothing imported\n`,
          );
          process.exitCode = 1;
        };
        if (errors.length > 0 && !opts.skipBad) {
          // Rows whose CSV is broken are known before anything is read as a value: stop here.
          for (const part of feed.parts) errors.push(...validatePart(part).errors);
          return refuse();
        }
        // Validation starts on other cores now, while the database is opened.
        const validated = validateChunks(feed.parts);
        const config = loadConfig();
        await withAnchoredDb(config, async (db) => {
          const warnings = await openWarningLists(db.kysely);
          const source = opts.source ?? path.basename(file);
          const bar = progressBar('取り込み / importing');
          const storeOpts = { commonThreshold: config.commonThreshold, warningsFor: (t: IndicatorType, v: string) => warnings.match(t, v) };
          let imported = 0;
          let distinct = 0;
          let read = 0;
          // One transaction: a failure half-way, or a bad row found late without --skip-bad, leaves
          // nothing behind. Later chunks are validated on other cores while this one is written.
          const done = await withTx(db, async (tx) => {
            // A feed is a source: its values are marked as on it, and join no cluster.
            const writer = await openFeedWriter(tx, source, storeOpts);
            for await (const part of validated) {
              errors.push(...part.errors);
              read += part.items.length + part.errors.length;
              bar.update(read, feed.rows);
              // A bad row without --skip-bad: keep reading, so that every bad row is listed, but write no more.
              if (errors.length > 0 && !opts.skipBad) continue;
              distinct += await writer.write(part.items);
              imported += part.items.length;
            }
            if (errors.length > 0 && !opts.skipBad) throw new NothingImported();
            await audit(tx, cliCtx(), {
              action: 'indicators.import',
              target: source,
              detail: { rows: imported, distinct, skipped: errors.length },
            });
            return true;
          }).catch((e: unknown) => {
            if (e instanceof NothingImported) return false;
            throw e;
          });
          bar.done();
          if (done !== true) return refuse();
          for (const e of errors.sort((a, b) => a.line - b.line)) process.stderr.write(`${file}:${e.line}: ${e.message}\n`);
          await afterBulkLoad(db);
          process.stdout.write(`${imported} 件を取り込みました（不正 ${errors.length} 行を除外）/ imported ${imported}\n`);
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
