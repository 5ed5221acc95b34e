import { DomainError, isBaseOrganisation, massesRollupResponse, type Caller, type MassesRollupResponse, type ReportEvent } from '@kd/domain';
import { readMassesRollup, recordUnitEvent, type UnitEventRecord } from '@kd/data';
import type { ServiceDeps } from '../deps';
import { assertInScope } from '../access/scope';
import { changeBy } from '../actor';
import { massesSettingsOf, massesUnit, requireMassesReview } from './masses-access';

export type MassesRollupView = MassesRollupResponse & { name: string; children: (MassesRollupResponse['children'][number] & { name: string })[] };

/**
 * `GET …/masses-rollup`: Biểu 5 of a unit and its direct children in one Query (children + 1
 * items). The scope check reads the placement the roll-up item records (the year's own tree), and
 * falls back to the unit item without one, so another tenant's id is 404 and an outside one 403.
 */
export async function loadMassesRollup(deps: ServiceDeps, caller: Caller, year: number, unitId: string): Promise<MassesRollupView> {
  const { rollup, children } = await readMassesRollup(deps.store, caller.tenant, year, unitId);
  if (!rollup || rollup.path.length === 0) {
    await massesUnit(deps.store, caller, year, unitId, 'unit.read');
    throw new DomainError('ROLLUP_NOT_FOUND', `Chưa có số liệu Biểu 5 năm ${year} của đơn vị.`);
  }
  assertInScope(caller, { id: rollup.unitId, path: rollup.path }, 'unit.read');
  await massesSettingsOf(deps.store, caller.tenant);
  await requireMassesReview(deps.store, caller.tenant, year);
  const response = massesRollupResponse({
    year,
    unit: { unitId: rollup.unitId, name: rollup.name, counts: rollup.counts },
    children: children.sort((a, b) => a.name.localeCompare(b.name, 'vi')).map((c) => ({ unitId: c.unitId, name: c.name, counts: c.counts })),
  });
  return response as MassesRollupView;
}

/**
 * A base organisation reports its results to the bloc (milestone `baseReportBy`), the bloc's
 * organising board reports up (`blocReportBy`): the event the deadline reports follow. Sending
 * again moves the time.
 */
export async function sendMassesReport(deps: ServiceDeps, caller: Caller, year: number, unitId: string): Promise<UnitEventRecord> {
  const { unit } = await massesUnit(deps.store, caller, year, unitId, 'masses.write');
  const event: ReportEvent | null = isBaseOrganisation(unit.kind) ? 'baseMassesReportSent' : unit.kind === 'bloc' ? 'blocMassesReportSent' : null;
  if (!event) throw new DomainError('MASSES_REPORT_NOT_EXPECTED', 'Chỉ cấp ủy cơ sở và Đảng ủy Khối gửi báo cáo kết quả tự phê bình trước quần chúng.', { kind: unit.kind });
  return recordUnitEvent(
    deps.store,
    caller.tenant,
    { event, unitId: unit.id, year, heldOn: null, startTime: null, location: null, chairMemberId: null, clerkMemberId: null, note: null },
    changeBy(deps, caller),
  );
}
