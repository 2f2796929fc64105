import { loadConfig } from '../server/core/config/config.js';
import { terminalLogStream } from '../server/core/log/log.terminal.js';
import { createLogger } from '../server/core/log/logger.js';
import { DEMO_PASSWORD } from '../server/domains/org/index.js';
import { createApp, listen, openAndMigrate, shutdown } from '../server/main.js';
import { exitCodeFor, reportError } from './cli.errors.js';

export async function serve(opts: { demo?: boolean }): Promise<void> {
  const started = process.hrtime.bigint();
  const config = loadConfig();
  if (opts.demo) config.demo = true;
  // On a terminal, readable lines without the per-request noise; elsewhere JSON (log collectors).
  const tty = process.stdout.isTTY === true;
  const logger = createLogger(
    config.logLevel,
    tty ? terminalLogStream((text) => process.stdout.write(text), process.stdout.hasColors?.() ?? false) : undefined,
  );
  const db = await openAndMigrate(config, (name) => logger.info({ migration: name }, 'migration applied'));
  let app: Awaited<ReturnType<typeof createApp>>;
  try {
    app = await createApp(config, db, logger);
  } catch (e) {
    await db.close();
    throw e;
  }
  let address: string;
  try {
    address = await listen(app, config);
  } catch (e) {
    await shutdown(app, 1000).catch(() => {});
    throw e;
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  logger.info({ address, engine: db.dialect.engine, startupMs: Math.round(ms) }, 'renkei started');

  // The banner goes to stdout for the person who started the server; it is not a log line.
  const lines = ['', `連携 Renkei を起動しました / started: ${address}  (${db.dialect.engine}, ${Math.round(ms)} ms)`];
  if (app.admin.generatedPassword) {
    lines.push(
      `初回管理者 / first administrator: ログインID admin  パスワード ${app.admin.generatedPassword}`,
      '  （この表示は一度だけです。初回ログイン後に変更してください / shown once; change it after first login）',
    );
  }
  if (config.demo) {
    lines.push(`デモ利用者 / demo users: chuo.sato（署員）, cyber.watanabe（サイバー課）ほか  パスワード ${DEMO_PASSWORD}`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    shutdown(app, config.shutdownTimeoutMs)
      .then(() => process.exit(0))
      .catch((e) => {
        reportError(e);
        process.exit(exitCodeFor(e));
      });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}
