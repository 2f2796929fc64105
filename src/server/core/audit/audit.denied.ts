import type { Db } from '../db/db.open.js';
import { withTx } from '../db/db.tx.js';
import type { Principal } from '../http/http.principal.js';
import type { Logger } from '../log/logger.js';
import type { AuditCtx } from './audit.context.js';
import { audit } from './audit.writer.js';

/** A request refused by access control or need-to-know, as the HTTP layer saw it. */
export interface DeniedAttempt {
  principal: Principal | null;
  clientIp: string;
  requestId: string;
  method: string;
  /** The route pattern (`/api/intake/consultations/:id`), never the URL with its query. */
  route: string;
  status: number;
  code: string;
  /** The path parameter naming what was asked for, typed by the path segment before it. */
  target: { type: string; id: string } | null;
}

export interface DeniedRecorder {
  record(a: DeniedAttempt): Promise<void>;
  /** Write the count of attempts held back in windows that have ended (a chore calls it). */
  flush(): Promise<void>;
}

interface Window {
  start: number;
  written: number;
  suppressed: number;
  last: DeniedAttempt;
}

const MAX_ACTORS = 10_000;

/**
 * Denied attempts are audited so that 不正閲覧 (someone opening other stations' records, probing
 * admin routes, a token used beyond its scopes) shows in the trail. Each is its own small
 * transaction, since the request's own work failed. A loop must not flood the trail: per actor
 * (user, else client address) at most `perMinute` events a minute, then one event with the count.
 */
export function createDeniedRecorder(deps: { db: Db; logger: Logger; perMinute?: number; now?: () => number }): DeniedRecorder {
  const perMinute = deps.perMinute ?? 20;
  const now = deps.now ?? Date.now;
  const windows = new Map<string, Window>();

  const ctxOf = (a: DeniedAttempt): AuditCtx =>
    a.principal
      ? { principal: a.principal, requestId: a.requestId, clientIp: a.clientIp }
      : { actor: null, requestId: a.requestId, clientIp: a.clientIp };

  const write = (fn: Parameters<typeof withTx<string>>[1]) =>
    withTx(deps.db, fn).catch((e) => deps.logger.error({ err: e }, 'denied attempt not audited'));

  const writeOne = (a: DeniedAttempt) =>
    write((tx) =>
      audit(tx, ctxOf(a), {
        action: 'access.denied',
        outcome: 'denied',
        ...(a.target ? { target: a.target } : {}),
        detail: { method: a.method, route: a.route, status: a.status, code: a.code },
      }),
    );

  const writeSummary = (w: Window) =>
    write((tx) =>
      audit(tx, ctxOf(w.last), {
        action: 'access.denied_suppressed',
        outcome: 'denied',
        detail: { suppressed: w.suppressed, since: new Date(w.start).toISOString(), lastRoute: w.last.route },
      }),
    );

  async function closeEnded(t: number): Promise<void> {
    for (const [key, w] of windows) {
      if (t - w.start < 60_000) continue;
      windows.delete(key);
      if (w.suppressed > 0) await writeSummary(w);
    }
  }

  return {
    async record(a) {
      const t = now();
      const key = a.principal ? `u:${a.principal.userId}` : `ip:${a.clientIp}`;
      let w = windows.get(key);
      if (w && t - w.start >= 60_000) {
        windows.delete(key);
        if (w.suppressed > 0) await writeSummary(w);
        w = undefined;
      }
      if (!w) {
        // Bounded memory: under a flood of addresses, close the oldest windows first.
        if (windows.size >= MAX_ACTORS) await closeEnded(Number.POSITIVE_INFINITY);
        w = { start: t, written: 0, suppressed: 0, last: a };
        windows.set(key, w);
      }
      w.last = a;
      if (w.written < perMinute) {
        w.written++;
        await writeOne(a);
      } else {
        w.suppressed++;
      }
    },
    flush: () => closeEnded(now()),
  };
}

/**
 * Which refusals are attempts worth auditing: every 403 except the ones that only ask a person to
 * finish setting up their account; a 401 only when a credential was presented (a bad or revoked
 * token), not for a browser whose session simply ended; a 404 from a record lookup when someone is
 * signed in, since need-to-know answers "not found" for what exists but is not theirs.
 */
export function isAuditedDenial(status: number, code: string, signedIn: boolean, credentialPresented: boolean): boolean {
  if (status === 403) return code !== 'auth.password_change_required' && code !== 'auth.mfa_enrolment_required';
  if (status === 401) return credentialPresented;
  if (status === 404) return signedIn && code !== 'http.not_found' && code.endsWith('not_found');
  return false;
}

/** The path parameter a refused request named, typed by the path segment before it. */
export function deniedTarget(route: string, params: unknown): { type: string; id: string } | null {
  if (!params || typeof params !== 'object') return null;
  const segments = route.split('/');
  for (let i = segments.length - 1; i > 0; i--) {
    const s = segments[i] as string;
    if (!s.startsWith(':')) continue;
    const value = (params as Record<string, unknown>)[s.slice(1)];
    if (typeof value !== 'string' || value === '') continue;
    const before =
      segments
        .slice(0, i)
        .reverse()
        .find((x) => x && !x.startsWith(':')) ?? 'path';
    return {
      type: before
        .replace(/[^a-z_]/gi, '_')
        .toLowerCase()
        .slice(0, 50),
      id: value.slice(0, 200),
    };
  }
  return null;
}
