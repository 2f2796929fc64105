import { type Logger, pino } from 'pino';

/**
 * Structured logs. Personal data and secrets must never reach them: we log identifiers,
 * never bodies, and redact every header or field that can carry a credential.
 */
export const REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.token',
  '*.csrfToken',
  '*.secret',
  'password',
  'token',
];

/**
 * A request URL for the log: the path, and the query's parameter names with their values hidden.
 * Searches carry what officers look for (phone numbers, names, `q=` terms) in the query string.
 */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const names = url
    .slice(q + 1)
    .split('&')
    .filter(Boolean)
    .map((pair) => `${pair.split('=')[0]}=[秘匿]`);
  return `${url.slice(0, q)}?${names.join('&')}`;
}

interface LoggedRequest {
  method?: string;
  url?: string;
  hostname?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: '[秘匿]' },
      serializers: {
        req: (req: LoggedRequest) => ({
          method: req.method,
          url: req.url === undefined ? undefined : redactUrl(req.url),
          host: req.hostname,
          remoteAddress: req.ip,
        }),
      },
      base: { app: 'renkei' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

export type { Logger };
