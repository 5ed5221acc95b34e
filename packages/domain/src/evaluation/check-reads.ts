import type { MemberFacts } from '../member-facts';
import type { MemberCheckName } from '../rulebook/check-vocabulary';

/**
 * Which recorded facts each member check reads. The results upload uses it to know which columns
 * a rulebook uses (a column no rule reads is accepted and ignored under a scored regime); a check missing here is a type error, so a new check states what it reads.
 */
export const memberCheckReads: { readonly [K in MemberCheckName]: readonly (keyof MemberFacts)[] } = {
  exempt: [],
  suspended: [],
  newMember: [],
  absentFromRatingMeeting: ['absentFromRatingMeeting'],
  decision: ['decided'],
  sickLeave: ['sickLeaveDays'],
  maternity: ['maternityLeave'],
  transferComment: ['monthsAtPreviousCell', 'previousCellComment'],
  temporaryComment: ['temporaryCellComment'],
  discipline: ['discipline'],
  civilServantExcellent: ['civilServantRating'],
  civilServantIncomplete: ['civilServantRating'],
  degradation: ['degradationConcluded'],
  taskCompletion: ['taskCompletionPercent'],
  attendance: ['absences', 'silentMeetings'],
  head: [],
  scoresOnFile: ['generalScore', 'taskScore', 'taskCompletionPercent'],
  scoreBand: ['generalScore', 'taskScore', 'taskCompletionPercent', 'latePercent', 'exceedingPercent', 'shortcomingsRemedied'],
  scoreBelow: ['generalScore', 'taskScore'],
  prohibitions: ['prohibitionsBreached'],
  taskConditions: ['taskCompletionPercent', 'latePercent', 'exceedingPercent', 'shortcomingsRemedied'],
  override: [],
};
