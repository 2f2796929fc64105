import { isAppError } from '../server/core/errors/app-error.js';

/** Exit codes: 2 for configuration, 1 for everything else that went wrong. */
export function exitCodeFor(e: unknown): number {
  return isAppError(e) && e.code.startsWith('config.') ? 2 : 1;
}

/** One clear message in Japanese and English, never a bare stack trace. */
export function reportError(e: unknown): void {
  if (isAppError(e)) {
    process.stderr.write(`エラー: ${e.messageJa}\nError: ${e.messageEn}\n(${e.code})\n`);
    return;
  }
  const msg = e instanceof Error ? e.message : String(e);
  process.stderr.write(`エラー: 予期しないエラーが発生しました: ${msg}\nError: unexpected failure: ${msg}\n`);
  if (process.env.RENKEI_LOG_LEVEL === 'debug' && e instanceof Error) process.stderr.write(`${e.stack}\n`);
}

export function runAction<A extends unknown[]>(fn: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (e) {
      reportError(e);
      process.exitCode = exitCodeFor(e);
    }
  };
}
