import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'apps/*/src/**/*.test.ts',
      'apps/*/test/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    environment: 'node',
    // PGlite compiles its WASM and runs initdb on first open: 2–6 s on a 2-core machine.
    hookTimeout: 60_000,
    testTimeout: 30_000,
    pool: 'forks',
    setupFiles: ['./vitest.setup.ts'],
  },
});
