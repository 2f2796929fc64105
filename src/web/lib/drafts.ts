/**
 * Forms saved in the browser while people type (so a closed tab loses nothing) live under one
 * prefix, so that logging out, or a session that ended, removes every one of them: station PCs
 * are shared. Personal fields are never written there at all (see each form's draft store).
 */
const PREFIX = 'renkei.draft.';
/** Where intake drafts lived before they had a common prefix. */
const OLD_PREFIXES = ['renkei.intake.draft.'];

export const draftKey = (form: string, userId: string): string => `${PREFIX}${form}.${userId}`;

export function clearAllDrafts(): void {
  try {
    const keys: string[] = [];
    for (let i = 0; i < window.localStorage.length; i++) {
      const k = window.localStorage.key(i);
      if (k && [PREFIX, ...OLD_PREFIXES].some((p) => k.startsWith(p))) keys.push(k);
    }
    for (const k of keys) window.localStorage.removeItem(k);
  } catch {
    // storage disabled: nothing was stored
  }
}
