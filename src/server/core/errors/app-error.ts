/**
 * Errors as data: every failure a user or operator can meet has a dotted code, an HTTP status
 * and a message in Japanese and English. Catalogues are declared per area with `defineErrors`
 * and collected in one registry so that docs and tests can list them all.
 */
export interface ErrorDef {
  status: number;
  ja: string;
  en: string;
}

export interface ErrorDetail {
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly messageJa: string;
  readonly messageEn: string;
  readonly details: ErrorDetail[] | undefined;

  constructor(code: string, def: ErrorDef, details?: ErrorDetail[], cause?: unknown) {
    super(`${code}: ${def.en}`, cause === undefined ? undefined : { cause });
    this.name = 'AppError';
    this.code = code;
    this.status = def.status;
    this.messageJa = def.ja;
    this.messageEn = def.en;
    this.details = details;
  }
}

const registry = new Map<string, ErrorDef>();

/** All registered codes, for documentation and for the test that every code is well-formed. */
export function errorCatalogue(): ReadonlyMap<string, ErrorDef> {
  return registry;
}

type Params = Record<string, string | number>;

function fill(template: string, params: Params | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/**
 * Declare a catalogue. Messages may contain `{name}` placeholders filled from `params`.
 * Returns a factory: `errors.create('db.unreachable', { host })`.
 */
export function defineErrors<const T extends Record<string, ErrorDef>>(defs: T) {
  for (const [code, def] of Object.entries(defs)) {
    if (!/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/.test(code)) {
      throw new Error(`error code must be dotted lower case: ${code}`);
    }
    if (registry.has(code)) throw new Error(`duplicate error code: ${code}`);
    registry.set(code, def);
  }
  return {
    create(code: keyof T & string, params?: Params, opts?: { details?: ErrorDetail[]; cause?: unknown }): AppError {
      const def = defs[code] as ErrorDef;
      return new AppError(code, { status: def.status, ja: fill(def.ja, params), en: fill(def.en, params) }, opts?.details, opts?.cause);
    },
  };
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
