import { rulebookFor, validateResultsRows, evaluateUpload, assertEditable, type Caller } from '@kd/domain';
import { commitResults, getDossier, listUnitMembers, getScoreSheets, sweepResultVersions, type StoredUnit, type Dossier } from '@kd/data';
import type { ServiceDeps } from '../deps';
import { requireOpenCampaign } from '../campaigns/campaign-admin';
import { changeBy } from '../actor';
import { unitInScope } from '../access/scope';
import { assertCellUpload, tableOf } from './upload-target';
import { refusedForErrors, type Outcome, type UploadAnswer, type UploadSource } from './upload-answer';
import { withUploadSlot } from './upload-slots';

/**
 * A results upload (docs/spreadsheets.md, docs/api.md): read the file as it streams in, check every
 * row, apply the year's rulebook, and — unless a dry run, and only without row errors — commit the
 * rows as one new version. Violations never block a commit.
 */
export async function uploadResults(deps: ServiceDeps, caller: Caller, year: number, unitId: string, source: UploadSource, dryRun: boolean): Promise<Outcome<UploadAnswer>> {
  const unit = await unitInScope(deps.store, caller, unitId, 'results.write');
  assertCellUpload(unit, 'Kết quả kiểm điểm đảng viên chỉ tải lên cho chi bộ.');
  const [dossier, settings] = await Promise.all([getDossier(deps.store, caller.tenant, unit.id, year), requireOpenCampaign(deps.store, caller.tenant, year)]);
  assertEditable(dossier);
  return withUploadSlot(deps.uploadSlots, caller.tenant, () => readAndCommit(deps, caller, year, unit, dossier, settings, source, dryRun));
}

async function readAndCommit(
  deps: ServiceDeps,
  caller: Caller,
  year: number,
  unit: StoredUnit,
  dossier: Dossier,
  settings: Awaited<ReturnType<typeof requireOpenCampaign>>,
  source: UploadSource,
  dryRun: boolean,
): Promise<Outcome<UploadAnswer>> {
  // The roster is read while the file streams in: on a large cell both take a while.
  const [table, roster, sheets] = await Promise.all([tableOf(source), listUnitMembers(deps.store, caller.tenant, unit.id), getScoreSheets(deps.store, caller.tenant, unit.id, year)]);
  const members = new Map(roster.map((m) => [m.id, m]));
  const rulebook = rulebookFor(settings);
  // The year's rulebook decides the columns (the 100-point ones under r2025); the members' scoring sheets are the source of their scores.
  const validation = validateResultsRows(table, { roster: members, rulebook, sheets });
  const { evaluations, violations } = evaluateUpload({
    rulebook,
    year,
    campaignRatingDate: settings.ratingDate,
    meetingDate: dossier.meetingDate,
    unit,
    members,
    rows: validation.rows,
    collective: dossier.collective,
    quotaExceptionShare: dossier.quotaException?.share ?? null,
    adjustedCollective: dossier.adjustedCollective,
  });
  const answer: UploadAnswer = {
    rows: validation.total,
    accepted: validation.rows.length,
    committed: false,
    version: null,
    unchanged: false,
    errorCount: validation.errorCount,
    errors: validation.errors,
    violations,
    evaluations,
  };
  if (dryRun) return { refused: false, answer };
  if (validation.errorCount > 0) return refusedForErrors(answer, 'dòng');
  const outcome = await commitResults(deps.store, caller.tenant, unit.id, year, validation.rows, { ...changeBy(deps, caller), source: 'upload' });
  if (outcome.changed) {
    // Housekeeping only: rows it would delete are invisible already, so a failure changes nothing.
    // `previous` is the version the commit's flip replaced, not the one read above: another commit
    // may have become current in between, and a version once current is never swept.
    await sweepResultVersions(deps.store, caller.tenant, unit.id, year, { current: outcome.version, previous: outcome.previous }).catch((error: unknown) =>
      console.warn('sweepResultVersions failed', error),
    );
  }
  return { refused: false, answer: { ...answer, committed: true, version: outcome.version, unchanged: !outcome.changed } };
}
