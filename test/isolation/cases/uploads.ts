import type { IsolationCase } from '../case';

/** Roster and results uploads and templates. */
export const uploadCases: Record<string, IsolationCase> = {};
