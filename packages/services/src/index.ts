/**
 * The use cases: one function per thing a person or a job does (commit an upload, submit,
 * appraise, read a roll-up, build a report), called alike by the HTTP routes, the pages, the jobs
 * and the tests. Each checks the caller's scope first, lets the domain decide and stores through
 * the repositories.
 */
export type { ServiceDeps } from './deps';
export { actorOf, changeBy } from './actor';
export { unitInScope, assertInScope, assertStrictlyBelow, memberInScope, memberOfUnit } from './access/scope';
export { readUnit, readSubtree } from './units/read-unit';
export { createChild, rename, move, close, type NewChildUnit } from './units/change-unit';
export { mergeUnits, splitUnit, moveAsJob, readTreeJob, type SplitPart } from './units/tree-jobs';
export { listMembers, addMember, readMember, changeMember, transfer } from './members/members';
export { readAudit } from './audit/read-audit';
export { evaluateStoredUnit, evaluatedUnit, factsOf, notRatedAsCollective, type EvaluatedUnitYear } from './campaigns/unit-year';
export { saveMemberFacts, setCollective } from './campaigns/results';
export { readSelfReview, saveSelfReview, readCollectiveReview, saveUnitReview } from './campaigns/reviews';
export { submitDossier, approve, returnDossier } from './campaigns/workflow';
export { groupEvent, cellMeeting } from './campaigns/events';
export { appraisalList, type AppraisalEntry } from './campaigns/appraisal-list';
export { unitMilestones, readCampaign } from './campaigns/milestones';
export { selfReviewDocx, ratingMinutesDocx, placeOf } from './campaigns/documents';
export { uploadResults } from './uploads/results-upload';
export { uploadRoster } from './uploads/roster-upload';
export { UploadAnswer, RosterAnswer, type UploadSource, type Outcome } from './uploads/upload-answer';
export { loadRollup } from './rollups/read-rollup';
export { uploadUrl, uploadFromBucket, type UploadTarget } from './uploads/bucket-path';
export { rosterTemplateFile, resultsTemplateFile } from './uploads/templates';
export { campaignsOf, campaignOf } from './campaigns/campaign-list';
export { cellMemberEvaluations, memberEvaluation } from './campaigns/member-evaluations';
export { dashboardYear, readDashboard } from './rollups/dashboard';
export { unitOverview, unitNames } from './units/unit-overview';
export { unitHistory, type UnitHistory, type LinkedUnit } from './units/unit-history';
export { archiveRoots, readArchivedRollup, archivedLineage, type ArchivedUnit } from './archives/archives';
export { tenantNotice, assertWritable, frozenNotice } from './tenants/tenant-status';
export { resultsUploadView, rosterUploadView } from './uploads/upload-views';
export { boardReports, readReport, requestReport, reportXlsxFile, lateUnitsNow, recipientsOf, setRecipients, outboxOf, reportJobDeps } from './reports/board-reports';
export { runTick, reportNow, liveReport, retryOpenDeliveries, reportIdFor, type ReportJobDeps, type TickOutcome } from './reports/report-job';
export { deliver, deliverMessage, reportLink, XLSX_TYPE, type DeliveryDeps } from './reports/deliver';
export { storedCampaigns, activeCampaign, type CampaignSource } from './reports/campaign-source';
export { storedCompletions, type CompletionSource } from './reports/completion-source';
export { buildMime, type Mailer, type MailMessage, type MailAttachment } from './reports/mailer';
export { unavailableMilestoneScheduler, dueScheduleName, dueScheduleInput, type MilestoneScheduler } from './reports/milestone-schedules';
export type { ReportDelivery } from './reports/report-deps';
