// The layers, as rules a tool checks (`npm run lint`): each folder imports only what is below it.
//
//   console ─┐
//   cli, seed ─→ http ─→ services ─→ store ─┐
//                  └──────→ files ─────────→ problems, api ─→ engine
//
// The engine is a pure core: it imports nothing outside itself (it also runs in the browser).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'engine-is-pure',
      comment: 'server/engine imports nothing from the rest of the product but the formats it implements (schemas/).',
      severity: 'error',
      from: { path: '^server/engine/' },
      to: { pathNot: ['^server/engine/', '^schemas/', '^node_modules/'], dependencyTypesNot: ['npm', 'npm-dev'] },
    },
    {
      name: 'engine-no-node-builtins',
      severity: 'error',
      from: { path: '^server/engine/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'engine-through-its-entry',
      comment: 'Outside the engine, its public API is server/engine/index.ts; what is not exported there is its own business.',
      severity: 'error',
      from: { path: '^(server|console)/', pathNot: ['^server/engine/', '^server/cli/main\\.ts$'] },
      to: { path: '^server/engine/', pathNot: '^server/engine/index\\.ts$' },
    },
    {
      name: 'cli-entry-reads-the-version-alone',
      comment: 'The CLI entry reads the version constant by itself, so `chiso --version` and `--help` load no engine.',
      severity: 'error',
      from: { path: '^server/cli/main\\.ts$' },
      to: { path: '^server/engine/', pathNot: ['^server/engine/index\\.ts$', '^server/engine/version\\.ts$'] },
    },
    {
      name: 'problems-and-api-on-the-engine-only',
      comment:
        'The error catalogue and the shared roles and API types sit just above the engine: they name the shapes of rows and answers (type-only) and call nothing.',
      severity: 'error',
      from: { path: '^server/(problems|api)/' },
      to: { path: '^server/', pathNot: ['^server/(engine|problems|api)/'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'store-is-persistence',
      comment: 'The store is SQL in, rows out: it knows nothing of the workflow, HTTP, files or commands.',
      severity: 'error',
      from: { path: '^server/store/' },
      to: { path: '^server/(services|http|files|cli|seed)/' },
    },
    {
      name: 'files-are-formats',
      comment: 'Spreadsheet, CSV and PDF formats: built from engine values, never from the database or HTTP.',
      severity: 'error',
      from: { path: '^server/files/' },
      to: { path: '^server/(store|services|http|cli|seed)/' },
    },
    {
      name: 'services-below-the-edges',
      severity: 'error',
      from: { path: '^server/services/' },
      to: { path: '^server/(http|cli|seed)/' },
    },
    {
      name: 'routes-call-services',
      comment:
        'Routes translate HTTP to service calls: no SQL and no store functions (the types of rows and handles are shapes, not calls).',
      severity: 'error',
      from: { path: '^server/http/' },
      to: { path: '^server/store/', pathNot: '^server/store/db\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'console-uses-the-entry',
      comment: 'The console reaches the server only through the engine entry and the shared API module.',
      severity: 'error',
      from: { path: '^console/' },
      to: { path: '^server/', pathNot: ['^server/engine/index\\.ts$', '^server/api/'] },
    },
    {
      name: 'no-cycles',
      comment: 'No import cycles, but the scoring forms of the console, which are recursive like the format.',
      severity: 'error',
      from: { pathNot: '^console/src/versions/editor/scoring/' },
      // Type-only imports vanish at runtime; a cycle through them orders nothing.
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'not-to-test',
      severity: 'error',
      from: { path: '^(server|console)/' },
      to: { path: '^test/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(console/dist|server/dist|node_modules)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
