import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = 'http://127.0.0.1:3000';
/** Paths served by the Fastify server; the dev server forwards them so cookies stay same-origin. */
const proxy = Object.fromEntries(['/api', '/healthz', '/readyz'].map((path) => [path, { target: apiTarget, changeOrigin: false }]));

/**
 * @digital-go-jp/design-tokens ships every token with Style Dictionary metadata (~130 kB).
 * The theme reads only `$value`, so the production bundle gets the same tree without the rest.
 */
function slimDesignTokens(): Plugin {
  const tokensFile = /@digital-go-jp[\\/]design-tokens[\\/]dist[\\/]tokens\.js$/;
  const slim = (node: unknown): unknown => {
    if (typeof node !== 'object' || node === null) return node;
    if ('$value' in node) return { $value: node.$value };
    return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, slim(child)]));
  };
  return {
    name: 'renkei:slim-design-tokens',
    enforce: 'pre',
    load(id) {
      if (!tokensFile.test(id)) return null;
      const tokens: unknown = createRequire(import.meta.url)(id);
      return `export default ${JSON.stringify(slim(tokens))};`;
    },
  };
}

/**
 * React changes least, so it gets a chunk of its own that browsers keep across releases. Everything
 * else is split by where it is used: a catch-all vendor or Mantine group would pull every component
 * any page uses (NumberInput, the phone metadata, zod schemas) into the login page's first load.
 */
const vendorChunks = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 30 },
  // Phone metadata is large and only pages that show values need it: its own chunk keeps it off /login.
  { name: 'phone', test: /node_modules[\\/]libphonenumber-js[\\/]/, priority: 25 },
];

export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  // No public/ folder: everything the page needs is bundled (no CDN, no network at run time).
  publicDir: false,
  plugins: [slimDesignTokens(), react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    rolldownOptions: { output: { codeSplitting: { groups: vendorChunks } } },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    proxy,
    fs: { allow: [repoRoot] },
  },
  preview: { host: '127.0.0.1', port: 4173, proxy },
});
