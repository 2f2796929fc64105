import { useCallback, useEffect, useRef, useState } from 'react';
import { draftKey } from '../../../lib/drafts.js';
import { type IntakeDraft, newDraft, type PartyDraft, reviveDraft } from './draft.js';

/** Autosave interval, and how long a forgotten draft is kept (it holds personal data). */
const SAVE_EVERY_MS = 3000;
const KEEP_MS = 24 * 60 * 60 * 1000;

const storageKey = (userId: string) => draftKey('intake', userId);

/**
 * What may be written to the browser: the draft without the parties' names, addresses, phones and
 * accounts (station PCs are shared). After a restore the officer enters those again.
 */
export function withoutPersonal(draft: IntakeDraft): IntakeDraft {
  const strip = (p: PartyDraft): PartyDraft => ({
    ...p,
    name: '',
    address: '',
    phone: '',
    bank: { ...p.bank, bankCode: '', branchCode: '', accountNumber: '', holderKana: '' },
  });
  return { ...draft, complainant: strip(draft.complainant), victim: strip(draft.victim) };
}

interface Stored {
  savedAt: string;
  draft: IntakeDraft;
}

function load(userId: string): Stored | null {
  try {
    const raw = window.localStorage.getItem(storageKey(userId));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as { savedAt?: unknown; draft?: unknown };
    const draft = reviveDraft(parsed.draft);
    const savedAt = typeof parsed.savedAt === 'string' ? parsed.savedAt : '';
    const age = Date.now() - new Date(savedAt).getTime();
    if (!draft || !(age >= 0 && age < KEEP_MS)) {
      window.localStorage.removeItem(storageKey(userId));
      return null;
    }
    return { savedAt, draft };
  } catch {
    return null; // storage disabled or unreadable: start afresh
  }
}

function store(userId: string, draft: IntakeDraft | null): void {
  try {
    if (draft)
      window.localStorage.setItem(storageKey(userId), JSON.stringify({ savedAt: new Date().toISOString(), draft: withoutPersonal(draft) }));
    else window.localStorage.removeItem(storageKey(userId));
  } catch {
    // not persisted; the form itself still holds everything
  }
}

export interface DraftStore {
  draft: IntakeDraft;
  update: (change: (draft: IntakeDraft) => IntakeDraft) => void;
  /** When the restored draft was last saved; null for a fresh form or after the notice was dismissed. */
  restoredAt: string | null;
  dismissNotice: () => void;
  /** 破棄: forget the stored draft and start a new one (with a new idempotency key). */
  discard: () => void;
  /** After the record was saved: nothing left to restore. */
  clear: () => void;
}

/**
 * The intake form's state, saved to localStorage (one draft per user) every few seconds and
 * when the page is left, so a closed tab or a crash loses nothing.
 */
export function useDraftStore(userId: string): DraftStore {
  const [initial] = useState(() => load(userId));
  const [draft, setDraft] = useState<IntakeDraft>(() => initial?.draft ?? newDraft());
  const [restoredAt, setRestoredAt] = useState<string | null>(initial?.savedAt ?? null);
  const latest = useRef(draft);
  latest.current = draft;
  const dirty = useRef(false);

  useEffect(() => {
    const flush = () => {
      if (!dirty.current) return;
      store(userId, latest.current);
      dirty.current = false;
    };
    const timer = window.setInterval(flush, SAVE_EVERY_MS);
    window.addEventListener('pagehide', flush);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [userId]);

  const update = useCallback((change: (draft: IntakeDraft) => IntakeDraft) => {
    dirty.current = true;
    setDraft(change);
  }, []);

  const discard = useCallback(() => {
    dirty.current = false;
    store(userId, null);
    setDraft(newDraft());
    setRestoredAt(null);
  }, [userId]);

  const clear = useCallback(() => {
    dirty.current = false;
    store(userId, null);
  }, [userId]);

  return { draft, update, restoredAt, dismissNotice: () => setRestoredAt(null), discard, clear };
}
