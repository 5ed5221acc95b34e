/**
 * The review campaign's pure pieces: the workflow table, the member and collective review records,
 * appraisal adjustments, a unit-year's evaluation and blocking list, milestone status, and the demo
 * campaigns as data.
 */
export * from './workflow';
export * from './member-review';
export * from './collective-review';
export * from './appraisal';
export * from './unit-year';
export * from './milestone-status';
export * from './demo-campaigns';
export * from './collective-facts';
export * from './adjustment-check';
