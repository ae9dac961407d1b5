import { defineConfig } from 'vitest/config';

// Four suites, all run by `npm test`: pure units, the real engine (DuckDB-WASM's Node
// build), engine parity (DuckDB vs ClickHouse), and the built site in headless Chromium.
const SEEDED = 'tests/setup/fastCheckSeed.ts';

export default defineConfig({
  test: {
    // Two workers on CI's two cores: the engine files run beside the browser files (which run one
    // at a time and spend much of their time waiting on Chromium); one worker left a core idle.
    maxWorkers: 2,
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
          fileParallelism: false,
        },
      },
    ],
    env: { TZ: 'UTC' },
  },
});
