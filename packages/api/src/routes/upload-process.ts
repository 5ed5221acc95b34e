import { MemberEvaluation } from '@kd/domain/evaluation/index';
import { baseRulebookIdForYear, resolveRulebook } from '@kd/domain/rulebook/index';
import { matchHeaders, rosterColumns, rowErrorCodes, validateResultsRows, validateRosterRows, type RosterKey } from '@kd/domain/upload/index';
import { evaluateUpload } from '@kd/domain/upload/evaluate-upload';
import { readTable } from '@kd/files/spreadsheet/index';
import { assertEditable, commitResults, getDossier } from '@kd/data/dossier';
import { listUnitMembers } from '@kd/data/member-repository';
import { commitRoster, membersElsewhere, planRoster } from '@kd/data/roster-import';
import { getCampaign } from '@kd/data/campaign-repository';
import { sweepResultVersions } from '@kd/data/result-sweep';
import type { StoredUnit } from '@kd/data/unit-repository';
import { notFound, unprocessable } from '@kd/domain/errors';
import type { LocalDate } from '@kd/domain/local-date';
import { isCell } from '@kd/domain/unit-kind';
import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps';
import type { Caller } from '../auth/claims';
import { actorOf } from '../actor';

/** An upload body: the request's own stream, or an object read back from the upload bucket. */
export interface UploadSource {
  stream: NodeJS.ReadableStream | null;
  contentType: string | null | undefined;
}

const RowErrorView = z.object({ row: z.number().int(), column: z.string(), code: z.enum(rowErrorCodes), message: z.string() });
const ViolationView = z.object({ memberId: z.string().nullable(), ruleId: z.string(), severity: z.enum(['blocking', 'warning']), message: z.string() });

/** The upload answer of contract §2.1, shared by roster and results uploads. */
export const UploadAnswer = z
  .object({
    rows: z.number().int().openapi({ description: 'Dòng dữ liệu trong tệp (không kể dòng trống)' }),
    accepted: z.number().int().openapi({ description: 'Dòng không có lỗi' }),
    committed: z.boolean(),
    version: z.number().int().nullable().openapi({ description: 'Phiên bản kết quả hiện hành sau khi ghi; null khi chạy thử' }),
    unchanged: z.boolean().openapi({ description: 'Ghi lại đúng dữ liệu đang có: không tạo phiên bản mới, không ghi nhật ký' }),
    errorCount: z.number().int().openapi({ description: 'Tổng số lỗi; `errors` liệt kê tối đa 1.000 lỗi đầu' }),
    errors: z.array(RowErrorView),
    violations: z.array(ViolationView),
    evaluations: z.array(MemberEvaluation),
    error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }).optional(),
  })
  .openapi('UploadAnswer');
export type UploadAnswer = z.infer<typeof UploadAnswer>;

const MemberRef = z.object({ id: z.string(), fullName: z.string() });
export const RosterAnswer = UploadAnswer.extend({
  members: z.object({
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    notInFile: z.array(MemberRef).openapi({ description: 'Đảng viên của chi bộ không có trong tệp (không bị xóa)' }),
  }),
  groupsCreated: z.array(z.object({ id: z.string(), name: z.string() })),
}).openapi('RosterUploadAnswer');
export type RosterAnswer = z.infer<typeof RosterAnswer>;

export interface Outcome<A> {
  status: 200 | 422;
  answer: A;
}

/**
 * The year's rulebook and rating date: the tenant's campaign when it has one, else the national
 * rulebook in force that year (r2019 with the province's S000 overlay for 2018–2022) and 20/12.
 */
async function campaignSettings(deps: AppDeps, tenant: string, year: number): Promise<{ rulebookId: string; overlayIds: string[]; ratingDate: LocalDate }> {
  const campaign = await getCampaign(deps.store, tenant, year);
  if (campaign) return { rulebookId: campaign.rulebookId, overlayIds: campaign.overlayIds, ratingDate: campaign.ratingDate };
  const rulebookId = baseRulebookIdForYear(year);
  if (!rulebookId) throw notFound(`Không có đợt kiểm điểm năm ${year}.`, 'CAMPAIGN_NOT_FOUND');
  return { rulebookId, overlayIds: rulebookId === 'r2019' && year >= 2018 && year <= 2022 ? ['s000-2021'] : [], ratingDate: `${year}-12-20` };
}

const hasErrors = (message: string) => ({
  code: 'UPLOAD_HAS_ERRORS',
  message,
});

/**
 * A results upload (contract §1.2, §2.1): read the file as it streams in, check every row, apply
 * the year's rulebook, and — unless a dry run, and only without row errors — commit the rows as
 * one new version. Violations never block a commit. The scope check is the caller's.
 */
export async function processResults(
  deps: AppDeps,
  caller: Caller,
  unit: StoredUnit,
  year: number,
  source: UploadSource,
  dryRun: boolean,
): Promise<Outcome<UploadAnswer>> {
  if (!isCell(unit.kind)) throw unprocessable('NOT_A_CELL', 'Kết quả kiểm điểm đảng viên chỉ tải lên cho chi bộ.');
  const [dossier, campaign] = await Promise.all([getDossier(deps.store, caller.tenant, unit.id, year), campaignSettings(deps, caller.tenant, year)]);
  assertEditable(dossier);
  // The roster is read while the file streams in: on a large cell both take a while.
  const [table, roster] = await Promise.all([
    readTable(source.stream ? { stream: source.stream } : { bytes: new Uint8Array() }, source.contentType),
    listUnitMembers(deps.store, caller.tenant, unit.id),
  ]);
  const members = new Map(roster.map((m) => [m.id, m]));
  const validation = validateResultsRows(table, { roster: members });
  const { evaluations, violations } = evaluateUpload({
    rulebook: resolveRulebook(campaign.rulebookId, campaign.overlayIds),
    year,
    ratingDate: dossier.meetingDate ?? campaign.ratingDate,
    unit,
    members,
    rows: validation.rows,
    collective: dossier.collective,
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
  if (dryRun) return { status: 200, answer };
  if (validation.errorCount > 0) {
    return { status: 422, answer: { ...answer, error: hasErrors(`Tệp có ${validation.errorCount} lỗi; chưa ghi dòng nào. Hãy sửa các lỗi rồi tải lên lại.`) } };
  }
  const at = deps.clock().toISOString();
  const outcome = await commitResults(deps.store, caller.tenant, unit.id, year, validation.rows, { actor: actorOf(caller), at, source: 'upload' });
  if (outcome.changed) {
    // Housekeeping only: rows it would delete are invisible already, so a failure changes nothing.
    await sweepResultVersions(deps.store, caller.tenant, unit.id, year, { current: outcome.version, previous: dossier.currentVersion }).catch((error: unknown) =>
      console.warn('sweepResultVersions failed', error),
    );
  }
  return { status: 200, answer: { ...answer, committed: true, version: outcome.version, unchanged: !outcome.changed } };
}

/**
 * A roster upload (contract §1.1): adds and updates the cell's members, creates the groups it
 * names, never removes anyone, and lists the members the file left out.
 */
export async function processRoster(
  deps: AppDeps,
  caller: Caller,
  unit: StoredUnit,
  source: UploadSource,
  dryRun: boolean,
): Promise<Outcome<RosterAnswer>> {
  if (!isCell(unit.kind)) throw unprocessable('NOT_A_CELL', 'Danh sách đảng viên chỉ tải lên cho chi bộ.');
  const table = await readTable(source.stream ? { stream: source.stream } : { bytes: new Uint8Array() }, source.contentType);
  const indexOf = matchHeaders(table.headers, rosterColumns);
  const columns = new Set<RosterKey>(indexOf.keys());
  const idIndex = indexOf.get('id');
  const ids = table.rows.map((r) => (idIndex === undefined ? null : r.cells[idIndex])).filter((v): v is string => typeof v === 'string').map((s) => s.trim());
  const validation = validateRosterRows(table, { unitId: unit.id, membersElsewhere: await membersElsewhere(deps.store, caller.tenant, unit.id, ids) });
  const plan = await planRoster(deps.store, caller.tenant, unit, validation.rows.map((r) => r.member), columns);
  const answer: RosterAnswer = {
    rows: validation.total,
    accepted: validation.rows.length,
    committed: false,
    version: null,
    unchanged: plan.created.length + plan.updated.length + plan.groupsCreated.length === 0,
    errorCount: validation.errorCount,
    errors: validation.errors,
    violations: [],
    evaluations: [],
    members: {
      created: plan.created.length,
      updated: plan.updated.length,
      unchanged: plan.unchanged,
      notInFile: plan.notInFile.map((m) => ({ id: m.id, fullName: m.fullName })),
    },
    groupsCreated: plan.groupsCreated.map((g) => ({ id: g.id, name: g.name })),
  };
  if (dryRun) return { status: 200, answer };
  if (validation.errorCount > 0) {
    return { status: 422, answer: { ...answer, error: hasErrors(`Tệp có ${validation.errorCount} lỗi; chưa ghi đảng viên nào. Hãy sửa các lỗi rồi tải lên lại.`) } };
  }
  await commitRoster(deps.store, caller.tenant, unit, plan, { actor: actorOf(caller), at: deps.clock().toISOString() });
  return { status: 200, answer: { ...answer, committed: true } };
}
