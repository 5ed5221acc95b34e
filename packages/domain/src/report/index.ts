/** Deadline reports: completeness and timeliness per milestone, their content, schedule and ticks. */
export * from './report-event';
export * from './tick';
export * from './schedule';
export * from './completion';
export * from './report-content';
export * from './build-report';
export * from './board-config';
export * from './reminder';
export * from './email';
export * from './digest';
