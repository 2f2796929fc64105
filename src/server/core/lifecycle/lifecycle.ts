import { type AppError, defineErrors } from '../errors/app-error.js';

/**
 * A record's lifecycle as data: its states, the transitions allowed between them, the permission
 * each transition needs and the fields it requires. Cases, support requests, countermeasure
 * requests and incidents each declare one; `checkTransition` is the one place a requested change
 * of status is judged, so every record type refuses the same way, with the allowed next states
 * named in the words officers use.
 */
export interface StateLabel {
  ja: string;
  en: string;
}

export interface TransitionDef<S extends string, F extends string> {
  from: S;
  to: S;
  /** A permission of the catalogue (contracts/permissions.contracts.ts) the actor must hold. */
  permission: string;
  /** Fields that must hold a value once the transition is made (already stored or given with it). */
  requires?: readonly F[];
  /**
   * Which party to the record makes it, where a record has sides (a support request's requester
   * and the unit that handles it): the actor must be that party as well as hold the permission.
   */
  party?: string;
}

export interface LifecycleDef<S extends string, F extends string> {
  /** The record type it governs (`case`, …), named in errors for logs. */
  recordType: string;
  states: Record<S, StateLabel>;
  initial: S;
  /** The fields transitions may require, with their names for people. */
  fields: Record<F, StateLabel>;
  transitions: readonly TransitionDef<S, F>[];
}

export interface Lifecycle<S extends string, F extends string> extends LifecycleDef<S, F> {
  /**
   * States reachable from `from`, in declaration order; with `permissions` (and `parties`, for
   * records with sides), only those the actor may choose.
   */
  next(from: S, permissions?: ReadonlySet<string>, parties?: ReadonlySet<string>): S[];
  isState(s: string): s is S;
}

export const lifecycleErrors = defineErrors({
  'lifecycle.transition_not_allowed': {
    status: 409,
    ja: '「{from}」から「{to}」には変更できません（「{from}」から変更できる状態：{allowed}）。',
    en: 'Cannot change from "{fromEn}" to "{toEn}" (allowed from "{fromEn}": {allowedEn}).',
  },
  'lifecycle.transition_forbidden': {
    status: 403,
    ja: '「{to}」への変更を行う権限がありません。',
    en: 'You may not change the status to "{toEn}".',
  },
  'lifecycle.requirement_missing': {
    status: 400,
    ja: '「{to}」にするには {missing} の入力が必要です。',
    en: 'Enter {missingEn} to change the status to "{toEn}".',
  },
});

/** Declare a lifecycle; a transition naming an unknown state or field is a programming error, refused at start. */
export function defineLifecycle<const S extends string, const F extends string>(def: LifecycleDef<S, F>): Lifecycle<S, F> {
  const isState = (s: string): s is S => Object.hasOwn(def.states, s);
  if (!isState(def.initial)) throw new Error(`${def.recordType}: unknown initial state ${def.initial}`);
  const seen = new Set<string>();
  for (const t of def.transitions) {
    if (!isState(t.from) || !isState(t.to)) throw new Error(`${def.recordType}: unknown state in ${t.from} → ${t.to}`);
    if (t.from === t.to) throw new Error(`${def.recordType}: ${t.from} → ${t.to} goes nowhere`);
    const key = `${t.from}→${t.to}`;
    if (seen.has(key)) throw new Error(`${def.recordType}: transition declared twice: ${key}`);
    seen.add(key);
    for (const f of t.requires ?? []) if (!Object.hasOwn(def.fields, f)) throw new Error(`${def.recordType}: unknown field ${f}`);
  }
  return {
    ...def,
    isState,
    next: (from, permissions, parties) =>
      def.transitions
        .filter((t) => t.from === from && (!permissions || permissions.has(t.permission)) && (!t.party || !parties || parties.has(t.party)))
        .map((t) => t.to),
  };
}

export interface TransitionRequest<S extends string, F extends string> {
  from: S;
  to: S;
  /** What the actor holds (Principal.permissions). */
  permissions: ReadonlySet<string>;
  /** The parties to the record the actor belongs to, for transitions made by one party. */
  parties?: ReadonlySet<string>;
  /** The record's fields as they will be after the change (stored values merged with those given). */
  values: Partial<Record<F, unknown>>;
}

const empty = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/**
 * Judge one requested transition: null when it may be made, otherwise the error to answer with —
 * not allowed from this state (409, naming the allowed next states), not permitted to this actor
 * (403), or missing a required field (400, naming it, with `details` pointing at the body field).
 */
export function checkTransition<S extends string, F extends string>(lc: Lifecycle<S, F>, req: TransitionRequest<S, F>): AppError | null {
  const { states, fields } = lc;
  const t = lc.transitions.find((x) => x.from === req.from && x.to === req.to);
  if (!t) {
    const allowed = lc.next(req.from);
    const list = (lang: 'ja' | 'en') =>
      allowed.length === 0
        ? lang === 'ja'
          ? 'なし'
          : 'none'
        : allowed.map((s) => `「${states[s][lang]}」`).join(lang === 'ja' ? '、' : ', ');
    return lifecycleErrors.create(
      'lifecycle.transition_not_allowed',
      {
        from: states[req.from].ja,
        to: states[req.to].ja,
        allowed: list('ja'),
        fromEn: states[req.from].en,
        toEn: states[req.to].en,
        allowedEn: list('en'),
      },
      // One detail per allowed state, so a form can offer them: the path names the state's identifier.
      { details: allowed.map((s) => ({ path: `allowed.${s}`, message: states[s].ja })) },
    );
  }
  if (!req.permissions.has(t.permission) || (t.party !== undefined && !req.parties?.has(t.party))) {
    return lifecycleErrors.create('lifecycle.transition_forbidden', { to: states[t.to].ja, toEn: states[t.to].en });
  }
  const missing = (t.requires ?? []).filter((f) => empty(req.values[f]));
  if (missing.length > 0) {
    return lifecycleErrors.create(
      'lifecycle.requirement_missing',
      {
        to: states[t.to].ja,
        toEn: states[t.to].en,
        missing: missing.map((f) => fields[f].ja).join('、'),
        missingEn: missing.map((f) => fields[f].en).join(', '),
      },
      { details: missing.map((f) => ({ path: `body.${f}`, message: `${fields[f].ja}を入力してください` })) },
    );
  }
  return null;
}
