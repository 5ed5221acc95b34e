import { z } from 'zod';
import { effectiveWorkplace, massesOf, validateWorkplaceRows, WorkplaceBody, carryForwardWorkplaces, rowErrorCodes, type Caller, type MassesSettings, type MassesStatus, type Workplace } from '@kd/domain';
import { getWorkplaces, listSubtree, putWorkplace, putWorkplaces, type StoredUnit, type Store } from '@kd/data';
import type { ServiceDeps } from '../deps';
import { changeBy } from '../actor';
import { tableOf } from '../uploads/upload-target';
import type { Outcome, UploadSource } from '../uploads/upload-answer';
import { massesUnit } from './masses-access';

/** A unit's workplace of the year as pages and the API show it: its own, or the one it shares from above. */
export interface WorkplaceView {
  unitId: string;
  year: number;
  workplace: Workplace | null;
  /** The workplace belongs to a unit above: the units below it share it and it counts once. */
  shared: boolean;
  countedMasses: number;
  sessionRequired: boolean;
  status: MassesStatus | null;
}

export async function workplaceViewOf(store: Store, tenant: string, unit: Pick<StoredUnit, 'id' | 'path'>, year: number, settings: MassesSettings): Promise<WorkplaceView> {
  const found = effectiveWorkplace(unit, await getWorkplaces(store, tenant, unit.path, year));
  const m = found ? massesOf(found.staff, settings) : null;
  return {
    unitId: unit.id,
    year,
    workplace: found,
    shared: found !== null && found.unitId !== unit.id,
    countedMasses: m?.countedMasses ?? 0,
    sessionRequired: m?.sessionRequired ?? false,
    status: m?.status ?? null,
  };
}

export async function readWorkplace(deps: ServiceDeps, caller: Caller, year: number, unitId: string): Promise<WorkplaceView> {
  const { unit, settings } = await massesUnit(deps.store, caller, year, unitId, 'unit.read');
  return workplaceViewOf(deps.store, caller.tenant, unit, year, settings);
}

/** `PUT …/workplace` (R-MASS-02/03): the unit's own workplace and its non-party staff by contract. */
export async function saveWorkplace(deps: ServiceDeps, caller: Caller, year: number, unitId: string, body: WorkplaceBody): Promise<WorkplaceView> {
  const { unit, settings } = await massesUnit(deps.store, caller, year, unitId, 'masses.write');
  const parsed = WorkplaceBody.parse(body);
  await putWorkplace(deps.store, caller.tenant, { ...parsed, unitId: unit.id, year }, changeBy(deps, caller));
  return workplaceViewOf(deps.store, caller.tenant, unit, year, settings);
}

/**
 * Last year's workplaces of the subtree as this year's starting point, for the units that have
 * not declared one yet (each one then corrected where its staff changed).
 */
export async function copyWorkplacesForward(deps: ServiceDeps, caller: Caller, year: number, unitId: string): Promise<{ copied: number }> {
  const { unit } = await massesUnit(deps.store, caller, year, unitId, 'masses.write');
  const ids = (await listSubtree(deps.store, caller.tenant, unit)).map((u) => u.id);
  const [previous, current] = await Promise.all([getWorkplaces(deps.store, caller.tenant, ids, year - 1), getWorkplaces(deps.store, caller.tenant, ids, year)]);
  const copies = carryForwardWorkplaces([...previous.values()].filter((w) => !current.has(w.unitId)), year);
  const { written } = await putWorkplaces(deps.store, caller.tenant, copies, changeBy(deps, caller), 'masses.workplace.copyForward');
  return { copied: written };
}

const RowErrorView = z.object({ row: z.number().int(), column: z.string(), code: z.enum(rowErrorCodes), message: z.string() });

/** The answer to a workplace sheet, dry run or commit (like the other uploads). */
export const WorkplaceUploadAnswer = z.object({
  rows: z.number().int(),
  accepted: z.number().int(),
  committed: z.boolean(),
  written: z.number().int().describe('Nơi làm việc đã ghi (khác với đang có)'),
  errorCount: z.number().int(),
  errors: z.array(RowErrorView),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type WorkplaceUploadAnswer = z.infer<typeof WorkplaceUploadAnswer>;

/** A sheet of the workplaces of a whole base committee: a row per unit of its subtree; nothing written while a row is wrong. */
export async function uploadWorkplaces(deps: ServiceDeps, caller: Caller, year: number, unitId: string, source: UploadSource, dryRun: boolean): Promise<Outcome<WorkplaceUploadAnswer>> {
  const { unit } = await massesUnit(deps.store, caller, year, unitId, 'masses.write');
  const subtree = await listSubtree(deps.store, caller.tenant, unit);
  const table = await tableOf(source);
  const validation = validateWorkplaceRows(table, { unitIds: new Set(subtree.map((u) => u.id)) });
  const answer: WorkplaceUploadAnswer = { rows: validation.total, accepted: validation.rows.length, committed: false, written: 0, errorCount: validation.errorCount, errors: validation.errors };
  if (dryRun) return { refused: false, answer };
  if (validation.errorCount > 0) {
    return { refused: true, answer: { ...answer, error: { code: 'UPLOAD_HAS_ERRORS', message: `Tệp có ${validation.errorCount} lỗi; chưa ghi nơi làm việc nào. Hãy sửa các lỗi rồi tải lên lại.` } } };
  }
  const { written } = await putWorkplaces(deps.store, caller.tenant, validation.rows.map((r) => ({ ...r.workplace, unitId: r.unitId, year })), changeBy(deps, caller));
  return { refused: false, answer: { ...answer, committed: true, written } };
}
