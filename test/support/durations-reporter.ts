import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

/** Where the last run's per-file durations go (`.local/` is ignored by git). */
export const DURATIONS_FILE = resolve(import.meta.dirname, '../../.local/test-durations.json');

export interface FileDuration {
  file: string;
  project: string;
  /** Environment, preparation, import of setup and test module, tests and hooks: the file's own time in its worker. */
  ms: number;
  tests: number;
  state: string;
}

export interface RunDurations {
  finishedAt: string;
  /** From vitest's start (global setups included) to the end of the last file. */
  wallMs: number;
  projects: string[];
  reason: string;
  files: FileDuration[];
}

function fileMs(module: TestModule): number {
  const d = module.diagnostic();
  return d.environmentSetupDuration + d.prepareDuration + d.setupDuration + d.collectDuration + d.duration;
}

/** Writes each test file's duration, so that `npm run bench -- tests` can name the slowest ones. */
export default class DurationsReporter implements Reporter {
  private started = performance.now();

  onInit(): void {
    this.started = performance.now();
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>, _errors: unknown, reason: string): void {
    const root = resolve(import.meta.dirname, '../..');
    const files = modules
      .map((m) => ({
        file: relative(root, m.moduleId),
        project: m.project.name,
        ms: Math.round(fileMs(m)),
        tests: [...m.children.allTests()].length,
        state: m.state(),
      }))
      .sort((a, b) => b.ms - a.ms);
    const run: RunDurations = {
      finishedAt: new Date().toISOString(),
      wallMs: Math.round(performance.now() - this.started),
      projects: [...new Set(files.map((f) => f.project))].sort(),
      reason,
      files,
    };
    mkdirSync(dirname(DURATIONS_FILE), { recursive: true });
    writeFileSync(DURATIONS_FILE, JSON.stringify(run, null, 2) + '\n');
  }
}
