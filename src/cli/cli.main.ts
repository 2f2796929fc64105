#!/usr/bin/env node
import { Command } from 'commander';
import { loadConfig } from '../server/core/config/config.js';
import { packageVersion } from '../server/core/paths.js';
import { hashPassword } from '../server/domains/auth/index.js';
import { DEMO_PASSWORD, seedDemo } from '../server/domains/org/index.js';
import { openAndMigrate } from '../server/open.js';
import { registerAdminCommands } from './cli.admin.js';
import { registerBackupCommands } from './cli.backup.js';
import { withAnchoredDb } from './cli.db.js';
import { runAction } from './cli.errors.js';
import { registerIndicatorCommands } from './cli.indicators.js';
import { progressBar } from './cli.progress.js';

const program = new Command()
  .name('renkei')
  .description('連携 Renkei — サイバー戦略推進システム / cyber strategy platform')
  .version(packageVersion(), '-V, --version')
  .showHelpAfterError();

program
  .command('serve')
  .description('サーバーを起動する / start the server')
  .option('--demo', 'デモデータを作成して起動する / create demo data on first run')
  // The HTTP server is loaded only to serve: other commands start without it.
  .action(runAction(async (opts: { demo?: boolean }) => (await import('./cli.serve.js')).serve(opts)));

program
  .command('migrate')
  .description('データベースを最新のスキーマに更新する / apply pending migrations')
  .action(
    runAction(async () => {
      const config = loadConfig();
      const applied: string[] = [];
      const db = await openAndMigrate(config, (n) => {
        applied.push(n);
        process.stderr.write(`  適用 / applied: ${n}\n`);
      });
      await db.close();
      process.stdout.write(
        applied.length
          ? `${applied.length} 件のマイグレーションを適用しました / applied ${applied.length}\n`
          : 'スキーマは最新です / schema is up to date\n',
      );
    }),
  );

registerBackupCommands(program);

program
  .command('seed-demo')
  .description('デモ用の所属・職員を作成する / create the demo organisation and users')
  .action(
    runAction(async () => {
      const config = loadConfig();
      await withAnchoredDb(config, async (db) => {
        const bar = progressBar('デモデータ / demo data');
        const r = await seedDemo(db, hashPassword, bar.update);
        bar.done();
        process.stdout.write(
          r.created
            ? `所属 ${r.units} 件・職員 ${r.users} 名を作成しました（パスワード ${DEMO_PASSWORD}） / created ${r.units} units, ${r.users} users\n`
            : 'デモデータは作成済みです / demo data already present\n',
        );
      });
    }),
  );

registerAdminCommands(program);
registerIndicatorCommands(program);

program
  .command('version')
  .description('版を表示する / print the version')
  .action(() => {
    process.stdout.write(`renkei ${packageVersion()}\n`);
  });

await program.parseAsync(process.argv);
