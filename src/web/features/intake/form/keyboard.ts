import type { KeyboardEvent } from 'react';

/** Inputs that are buttons: Enter on them means "press". */
const buttonInputs = new Set(['submit', 'button', 'reset', 'image']);

/**
 * Keys for a form filled at speed: Ctrl+Enter (⌘+Enter) submits from anywhere; a plain Enter in an
 * input (text, date, checkbox, radio…) does not: the browser would submit half a record. Enter that confirms an IME
 * conversion is left alone.
 */
export function submitKeys(submit: () => void) {
  return (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      submit();
      return;
    }
    const target = event.target;
    if (target instanceof HTMLInputElement && !buttonInputs.has(target.type)) event.preventDefault();
  };
}

/** Move focus to the first field marked invalid, after React has rendered the errors. */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  window.requestAnimationFrame(() => {
    const field = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    field?.focus();
    field?.scrollIntoView({ block: 'center' });
  });
}
