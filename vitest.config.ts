import { defineConfig } from 'vitest/config';
import './test/support/env.ts';

/**
 * Four projects, by what a test file needs from the machine:
 * - `unit` — nothing: no Java, no Chromium, no LibreOffice. Every test file lands here unless a
 *   slower project claims it; it provides no `dynamoEndpoint` and puts a refusing `java` first on
 *   the PATH, so a file that needs DynamoDB Local fails loudly here instead of running quietly.
 * - `integration` — DynamoDB Local, one per worker started by the global setup, shared by the
 *   files of that worker (one table per file); also Chromium and LibreOffice where a file drives them.
 * - `infra` — the CDK stack synthesised in memory (no Java either, but seconds per synthesis).
 * - `system` — LibreOffice alone, a whole `npm start` with its own DynamoDB Local, or child
 *   processes whose memory is measured.
 * `npm run test:unit` runs the first; `npm test` runs them all.
 */
const INTEGRATION = ['test/integration/**/*.test.ts', 'test/isolation/**/*.test.ts', 'test/property/**/*.test.ts', 'test/e2e/**/*.test.ts'];
const INFRA = ['test/infra/**/*.test.ts'];
const SYSTEM = ['test/files/docx/**/*.test.ts', 'test/e2e/start.test.ts', 'test/files/spreadsheet/memory.test.ts'];

export default defineConfig({
  test: {
    setupFiles: ['test/support/env.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    fileParallelism: true,
    reporters: ['default', './test/support/durations-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts', 'packages/*/src/**/*.test.ts'],
          exclude: [...INTEGRATION, ...INFRA, ...SYSTEM, '**/node_modules/**'],
          setupFiles: ['test/support/unit-setup.ts'],
          // Pure tests share nothing but modules: one module cache per worker instead of one per file
          // (about 40 % off the wall time here). A test that stubs globals or mocks modules does not
          // belong in this project.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: INTEGRATION,
          exclude: [...SYSTEM, '**/node_modules/**'],
          globalSetup: ['test/support/global-setup.ts'],
          // One module cache per worker: the app, the SDK and the rulebooks load once per worker
          // instead of once per file. Files keep their own tables and tenants; the few that install
          // process-wide hooks (fault hooks, console spies) remove them in afterEach/afterAll.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'infra',
          include: INFRA,
          // One module cache per worker: aws-cdk-lib loads once and the default stack is synthesised
          // once (test/infra/synth.ts) instead of once per file.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'system',
          include: SYSTEM,
        },
      },
    ],
  },
});
