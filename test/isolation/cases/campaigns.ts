import type { IsolationCase } from '../case';

/** Campaigns, reviews, collective ratings, evaluations, workflow, documents. */
export const campaignCases: Record<string, IsolationCase> = {};
