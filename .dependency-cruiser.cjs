/**
 * The one-way dependency rules of docs/ARCHITECTURE.md, checked in CI (`npm run check:deps`).
 * routes → usecases → repository → db; domains meet only through each other's index.ts;
 * core never imports a domain; the web app never imports server code.
 */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'core-not-domains',
      comment: 'core/ is the foundation: it must not know any domain.',
      severity: 'error',
      from: { path: '^src/server/core/' },
      to: { path: '^src/server/domains/' },
    },
    {
      name: 'domain-through-index',
      comment: "A domain uses another domain only through that domain's index.ts.",
      severity: 'error',
      from: { path: '^src/server/domains/([^/]+)/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/server/domains/[^/]+/', pathNot: ['^src/server/domains/$1/', '/index\\.ts$'] },
    },
    {
      name: 'repository-below-usecases',
      severity: 'error',
      from: { path: '\\.repository\\.ts$' },
      to: { path: '\\.(routes|usecases)\\.ts$' },
    },
    {
      name: 'usecases-below-routes',
      severity: 'error',
      from: { path: '\\.usecases\\.ts$' },
      to: { path: '\\.routes\\.ts$' },
    },
    {
      name: 'web-not-server',
      comment: 'The browser bundle shares only src/contracts with the server.',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: '^src/(server|cli)/' },
    },
    {
      name: 'contracts-are-leaves',
      severity: 'error',
      from: { path: '^src/contracts/' },
      to: { path: '^src/(server|cli|web)/' },
    },
    {
      name: 'server-not-cli',
      severity: 'error',
      from: { path: '^src/server/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'test-helpers-only-in-tests',
      severity: 'error',
      from: { path: '^src/', pathNot: ['\\.test\\.ts$', '^src/server/testing/'] },
      to: { path: '^src/server/testing/' },
    },

    // ---- Web app (src/web): features are modules -------------------------------------------
    // app/ composes the features (app/features.ts); a feature is used only through its index.ts;
    // the shared layers below the features (components, lib, api, i18n) never know a feature.
    {
      name: 'web-feature-through-index',
      comment: "A web feature uses another feature only through that feature's index.ts.",
      severity: 'error',
      from: { path: '^src/web/features/([^/]+)/' },
      to: { path: '^src/web/features/[^/]+/', pathNot: ['^src/web/features/$1/', '^src/web/features/[^/]+/index\\.ts$'] },
    },
    {
      name: 'web-app-features-through-index',
      comment: 'app/ (router, features list, i18n) sees each feature only through its index.ts.',
      severity: 'error',
      from: { path: '^src/web/app/' },
      to: { path: '^src/web/features/', pathNot: '^src/web/features/[^/]+/index\\.ts$' },
    },
    {
      name: 'web-shared-not-features',
      comment: 'components/, lib/, api/ and i18n/ are shared by every feature, so they never import one.',
      severity: 'error',
      from: { path: '^src/web/(components|lib|api|i18n)/' },
      to: { path: '^src/web/features/' },
    },
    {
      name: 'web-not-app',
      comment: 'Only main.tsx and the test harness build on app/; a feature or shared piece never does.',
      severity: 'error',
      from: { path: '^src/web/', pathNot: ['^src/web/(app|testing)/', '^src/web/main\\.tsx$', '\\.test\\.tsx?$'] },
      to: { path: '^src/web/app/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.js', '.mjs'],
    },
  },
};

// ---- bench/ (endpoints & CLI work, issue #11) ----
// Benchmarks drive the server as another domain would: through a domain's index.ts or core/,
// never a domain's internals and never the test helpers (which may change with the tests).
module.exports.forbidden.push(
  {
    name: 'bench-through-domain-index',
    comment: "bench/ uses a domain only through that domain's index.ts.",
    severity: 'error',
    from: { path: '^bench/' },
    to: { path: '^src/server/domains/[^/]+/', pathNot: '^src/server/domains/[^/]+/index\\.ts$' },
  },
  {
    name: 'bench-not-test-helpers',
    comment: 'bench/ measures production code, not test scaffolding.',
    severity: 'error',
    from: { path: '^bench/' },
    to: { path: ['^src/server/testing/', '\\.test\\.ts$'] },
  },
  {
    name: 'bench-not-web-or-cli',
    severity: 'error',
    from: { path: '^bench/' },
    to: { path: '^src/(web|cli)/' },
  },
);
