import { useLocation } from '@tanstack/react-router';
import { type RefCallback, useCallback } from 'react';

/**
 * An element a link can open the page at (`/intake/…#guidance-…` from a notification or the
 * home page): whether the address names it, and a ref that scrolls it into view once it renders.
 * The element shows itself highlighted while `active` (see `highlightStyle`).
 */
export function useHashTarget(id: string): { active: boolean; ref: RefCallback<HTMLElement> } {
  const hash = useLocation({ select: (location) => location.hash });
  const active = hash.replace(/^#/, '') === id;
  const ref = useCallback<RefCallback<HTMLElement>>(
    (element) => {
      if (!element || !active) return;
      element.scrollIntoView?.({ block: 'center' });
      element.focus({ preventScroll: true });
    },
    [active],
  );
  return { active, ref };
}

/** How the element a link opened stands out: a thick outline in the warning colour. */
export const highlightStyle = {
  outline: '3px solid var(--mantine-color-yellow-6)',
  outlineOffset: 2,
  background: 'var(--mantine-color-yellow-0)',
} as const;
