import { register } from 'node:module';
import { after } from 'node:test';
import { GlobalRegistrator } from '@happy-dom/global-registrator';

/**
 * A browser-like DOM (happy-dom) for component tests. scripts/test.mjs loads it with --import
 * before any web test file, so React and Testing Library see `window` and `document` from the start.
 */
if (!GlobalRegistrator.isRegistered) GlobalRegistrator.register({ url: 'http://127.0.0.1/', width: 1280, height: 900 });

// Mantine reads these; happy-dom does not implement them.
window.matchMedia ??= (query: string) =>
  ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  }) as MediaQueryList;

// Mantine's autosizing textarea listens for web fonts loading; happy-dom has no FontFaceSet.
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', {
    value: { ready: Promise.resolve(), addEventListener: () => {}, removeEventListener: () => {} },
  });
}

// Stylesheets are Vite's: under Node they load as empty class-name maps (css-hooks.mjs).
register('./css-hooks.mjs', import.meta.url);

// When the file's tests are done, stop the window's timers and requests (they would keep a failed
// run alive) but leave `window` defined: a lazy page or a query that settles late on a slow machine
// must find it, not throw "window is not defined" after the test ended.
after(async () => {
  await (window as unknown as { happyDOM: { abort(): Promise<void> } }).happyDOM.abort();
});
