import type { IsolationCase } from '../case';

/** Deadline reports and the outbox. */
export const reportCases: Record<string, IsolationCase> = {};
