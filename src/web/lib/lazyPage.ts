/** What lazyRouteComponent returns, whatever the page's props. */
type Preloadable = { preload?: () => Promise<void> | undefined };

/**
 * A route loader that fetches the chunks of lazily loaded pages (lazyRouteComponent), so hovering
 * a link preloads them and the router's pending state covers the download. Rendering a page that
 * is not loaded yet would suspend anyway; this only moves the wait earlier.
 */
export function preloadPages(...pages: Preloadable[]): () => Promise<void> {
  return async () => {
    await Promise.all(pages.map((page) => page.preload?.()));
  };
}
