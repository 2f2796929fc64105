import { prettyFactory } from 'pino-pretty';

/**
 * Logs for a person watching the terminal that started the server: one readable line per event
 * (time, level, message, fields) instead of JSON, and without the two lines Fastify writes for
 * every request, which would push the start-up banner (URL, first password) off the screen.
 * Refused and failed requests still show: Fastify logs those as warnings and errors. Files,
 * services and containers (stdout not a terminal) keep the full JSON log.
 */
export function terminalLogStream(write: (text: string) => void, colorize: boolean): { write(line: string): void } {
  const format = prettyFactory({
    colorize,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,app,reqId',
    singleLine: true,
  });
  return {
    write(line: string) {
      let event: { level?: number; msg?: string };
      try {
        event = JSON.parse(line);
      } catch {
        write(line);
        return;
      }
      if (isRoutineRequest(event)) return;
      write(format(event));
    },
  };
}

const INFO = 30;

/** Fastify's per-request pair ("incoming request", "request completed") at info level. */
function isRoutineRequest(event: { level?: number; msg?: string }): boolean {
  return (event.level ?? 0) <= INFO && (event.msg === 'incoming request' || event.msg === 'request completed');
}
