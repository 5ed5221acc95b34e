/**
 * The use cases: one function per thing a person or a job does (commit an upload, submit,
 * appraise, read a roll-up, build a report), called alike by the HTTP routes, the pages, the jobs
 * and the tests. Each checks the caller's scope first, lets the domain decide and stores through
 * the repositories.
 */
export * from './access/scope';
export * from './actor';
export * from './archives/archives';
export * from './audit/read-audit';
export * from './campaigns/appraisal-list';
export * from './campaigns/campaign-admin';
export * from './campaigns/campaign-list';
export * from './campaigns/documents';
export * from './campaigns/events';
export * from './campaigns/member-evaluations';
export * from './campaigns/milestones';
export * from './campaigns/plan-schedule';
export * from './campaigns/plans';
export * from './campaigns/quota-exception';
export * from './campaigns/results';
export * from './campaigns/reviews';
export * from './campaigns/rulebook';
export * from './campaigns/scoring';
export * from './campaigns/unit-year';
export * from './campaigns/workflow';
export * from './cursor';
export * from './deps';
export * from './history/history-view';
export * from './history/past-answer';
export * from './history/past-campaign';
export * from './history/past-import';
export * from './members/members';
export * from './reconciliation/corrections';
export * from './reconciliation/decide';
export * from './reconciliation/identity';
export * from './reconciliation/mappings';
export * from './reconciliation/national-id-keys';
export * from './reconciliation/run';
export * from './reports/board-reports';
export * from './reports/campaign-source';
export * from './reports/completion-source';
export * from './reports/deliver';
export * from './reports/mailer';
export * from './reports/milestone-schedules';
export * from './reports/report-deps';
export * from './reports/report-job';
export * from './rewards/rating-history';
export * from './rewards/reward-file';
export * from './rewards/reward-list';
export * from './rollups/dashboard';
export * from './rollups/read-rollup';
export * from './tenants/tenant-status';
export * from './units/change-unit';
export * from './units/read-unit';
export * from './units/tree-jobs';
export * from './units/tree-plan';
export * from './units/unit-history';
export * from './units/unit-overview';
export * from './uploads/bucket-path';
export * from './uploads/results-upload';
export * from './uploads/roster-upload';
export * from './uploads/templates';
export * from './uploads/upload-answer';
export * from './uploads/upload-slots';
export * from './uploads/upload-target';
export * from './uploads/upload-views';
