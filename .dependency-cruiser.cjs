// The house's layer rule (docs/architecture.md, "Layers"), checked by `npm run check`.
// Bottom to top: src/platform (SQL kernel, engine host and runner, guarded worker client)
// → src/shared (filters, KPI ids, periods, money) → libraries and contracts → src/features/<f>
// → the composition roots (src/app, src/embed, src/main.ts, workers/*.worker.ts).
// An import may point down or sideways inside its own folder, never back up, and no cycle.
// ALLOW lists what is not yet moved: each entry names an import that breaks the rule today.
// Shrink it as the move goes on; never add to it without saying why here.

/** Known imports that point back up a layer or across features, not yet moved. */
const ALLOW = [
  // Views read the app's context (the AppModel hub) instead of taking a narrow port.
  '^src/app/context\\.ts$',
  // Saved views and the share menu read and write the app's whole ViewState (a saved view is a
  // whole link); the models read only the keys they use (src/shared/request.ts DashboardView).
  '^src/app/viewState\\.ts$',
  // Every screen opens the deals behind its numbers: dashboard, pivot, forecast, leads,
  // territories and comp import the drill's opener and panel. The panel is one component with
  // its own model and link state; handing it to each screen from src/app is the next step.
  '^src/features/drill/(open\\.ts|DrillPanel\\.svelte)$',
  // Saved views keep their list in the page's store, which lives with the remembered mappings.
  '^src/features/import/rememberedPlan\\.ts$',
];

/**
 * Known type-only cycles between two files of one folder (no run-time cycle remains):
 * each is a shared type kept in the file that uses it most. Remove an entry with its cycle.
 */
const CYCLE_ALLOW = [
  '^src/features/territories/core/(planner|planToday)\\.ts$',
  '^src/demo/(geo|reps)\\.ts$',
  '^src/demo/(flaws|opportunities)\\.ts$',
];

/**
 * A feature's contract (`src/features/<f>/contract.ts`: its request and result types) is its
 * public face (the dashboard's pipeline movement, a part of its screen, has its own at
 * `src/features/dashboard/movement/contract.ts`):
 * `src/engine-api/types.ts` composes the contracts into AnalyticsApi and the
 * engine side implements them. No other library reaches into a feature.
 */
const CONTRACT = '^src/features/[^/]+/(movement/)?contract\\.ts$';

/** Known reads of another feature's contract, each with its reason. */
const CROSS_CONTRACT = [
  // Comp's joint simulation takes the forecast's result as its bookings source.
  '^src/features/forecast/contract\\.ts$',
  // The drill opens every screen's marks: its target names a pivot cell and a movement step
  // (and its link parser reads them); a screen that builds a target (comp's statement) reads it.
  '^src/features/pivot/contract\\.ts$',
  '^src/features/dashboard/movement/contract\\.ts$',
  '^src/features/drill/contract\\.ts$',
];

const LIBRARIES = '^src/(staging|mapping|canonical|queries|demo|random|charts|export|share|privacy|offline)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      severity: 'error',
      comment: 'A cycle makes two modules one: neither can be understood, moved or tested alone.',
      from: { pathNot: CYCLE_ALLOW },
      to: { circular: true },
    },
    {
      name: 'platform-is-the-base',
      severity: 'error',
      comment: 'src/platform imports only itself and packages.',
      from: { path: '^src/platform/' },
      to: { path: '^(src|workers)/', pathNot: '^src/platform/' },
    },
    {
      name: 'shared-speaks-down-only',
      severity: 'error',
      comment: 'src/shared is the vocabulary; it may use the platform, nothing above it.',
      from: { path: '^src/shared/' },
      to: { path: '^(src|workers)/', pathNot: '^src/(platform|shared)/' },
    },
    {
      name: 'libraries-do-not-import-screens',
      severity: 'error',
      comment: 'Libraries and contracts never import a feature slice or the composition root.',
      from: { path: LIBRARIES },
      to: { path: '^src/(features|app|embed)/|^src/main\\.ts$|^workers/', pathNot: [...ALLOW, ...CROSS_CONTRACT] },
    },
    {
      name: 'the-engine-contract-composes-feature-contracts',
      severity: 'error',
      comment: "src/engine-api composes the features' contracts; it never imports their models, views or cores.",
      from: { path: '^src/engine-api/' },
      to: { path: '^src/(features|app|embed)/|^src/main\\.ts$|^workers/', pathNot: [CONTRACT, ...ALLOW] },
    },
    {
      name: 'contracts-are-plain-data',
      severity: 'error',
      comment: 'A contract crosses the worker boundary: it never imports a model, a view or Comlink.',
      from: { path: CONTRACT },
      to: { path: '\\.svelte(\\.ts)?$|^src/(app|embed)/|comlink' },
    },
    {
      name: 'features-do-not-import-each-other',
      severity: 'error',
      comment: 'A feature slice reaches another only through src/shared or the composition root.',
      from: { path: '^src/features/([^/]+)/' },
      to: { path: '^src/features/', pathNot: ['^src/features/$1/', ...ALLOW, ...CROSS_CONTRACT] },
    },
    {
      name: 'only-roots-import-the-app',
      severity: 'error',
      comment: 'src/app composes screens, URL state and the API; nothing below it imports it.',
      from: { path: '^(src|workers)/', pathNot: '^src/(app|embed)/|^src/main\\.ts$' },
      to: { path: '^src/(app|embed)/|^src/main\\.ts$', pathNot: ALLOW },
    },
    {
      name: 'engine-side-never-imports-the-page',
      severity: 'error',
      comment: "The worker side may use a feature's pure core, never its model or views (Svelte).",
      from: { path: '^workers/|^src/platform/engine/' },
      to: { path: '\\.svelte(\\.ts)?$|^src/(app|embed)/' },
    },
    {
      name: 'only-the-platform-speaks-comlink',
      comment: 'Models take narrow ports of plain functions; the guarded worker client owns the transport.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/platform/' },
      to: { path: 'comlink' },
    },
    {
      name: 'only-the-engine-side-imports-duckdb',
      severity: 'error',
      comment: 'DuckDB-WASM is reached through the engine door (AnalyticsApi), never from the page.',
      from: { pathNot: '^workers/|^src/platform/engine/' },
      to: { path: '@duckdb/duckdb-wasm' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Not node_modules: an excluded module vanishes as a dependency too, and the Comlink and
    // DuckDB rules must see imports of those packages (doNotFollow keeps them uncruised).
    exclude: { path: '^dist/' },
    // Type-only imports count: a contract that imports a type still depends on its folder.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.svelte.ts', '.svelte', '.js'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
