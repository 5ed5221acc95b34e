import type { IsolationCase } from '../case';

/** Roll-ups, dashboard and exports. */
export const rollupCases: Record<string, IsolationCase> = {};
