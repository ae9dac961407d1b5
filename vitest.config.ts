import { defineConfig } from 'vitest/config';

// Four suites, all run by `npm test`: pure units, the real engine (DuckDB-WASM's Node
// build), engine parity (DuckDB vs ClickHouse), and the built site in headless Chromium.
const SEEDED = 'tests/setup/fastCheckSeed.ts';

export default defineConfig({
  test: {
    // Two workers on CI's two cores, shared by every project's files (projects in name order, so the
    // browser files start first; within one, the longest by vitest's cached timings, else the
    // largest). Every project must leave its worker count alone: vitest runs a project limited to
    // one worker (as `fileParallelism: false` does) in a group of its own after all the others, so
    // the browser files used to run one at a time at the end with a core mostly idle.
    maxWorkers: 2,
    // One line per project at the end of a run (files, wall span, summed time): .ci/run prints them.
    reporters: ['default', './tests/setup/projectTimings.ts'],
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', setupFiles: [SEEDED] } },
      {
        test: {
          name: 'engine',
          include: ['tests/engine/**/*.test.ts'],
          setupFiles: [SEEDED],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      // DuckDB and ClickHouse (chdb, in process) on the same rows. chdb needs forked workers:
      // with threads the process crashes at exit.
      {
        test: {
          name: 'parity',
          include: ['tests/parity/**/*.test.ts'],
          environment: 'node',
          pool: 'forks',
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/browser/setup/globalSetup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
    env: { TZ: 'UTC' },
  },
});
