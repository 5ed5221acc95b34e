import { DomainError, assertEditable, checkMeetingDetails, isCell, type Caller } from '@kd/domain';
import { getDossier, listUnitMembers, recordCellMeeting, recordUnitEvent, type CellMeeting, type UnitEventRecord } from '@kd/data';
import type { ServiceDeps } from '../deps';
import { requireOpenCampaign } from './campaign-admin';
import { memberOfUnit, unitInScope } from '../access/scope';
import { changeBy } from '../actor';

/** A group's meeting or its report to the cell (recording again moves the completion time). */
export async function groupEvent(
  deps: ServiceDeps,
  caller: Caller,
  year: number,
  unitId: string,
  event: 'groupMeetingHeld' | 'groupReportSent',
  body: { heldOn?: string | null | undefined; note?: string | null | undefined },
): Promise<UnitEventRecord> {
  const unit = await unitInScope(deps.store, caller, unitId, 'results.write');
  await requireOpenCampaign(deps.store, caller.tenant, year);
  if (unit.kind !== 'group') throw new DomainError('NOT_A_GROUP', 'Chỉ tổ đảng ghi nhận cuộc họp và báo cáo của tổ.', { kind: unit.kind });
  return recordUnitEvent(
    deps.store,
    caller.tenant,
    { event, unitId: unit.id, year, heldOn: body.heldOn ?? null, startTime: null, location: null, chairMemberId: null, clerkMemberId: null, note: body.note ?? null },
    changeBy(deps, caller),
  );
}

/** The cell meeting that votes the year's ratings: its date becomes the cell's rating date. */
export async function cellMeeting(deps: ServiceDeps, caller: Caller, year: number, unitId: string, meeting: CellMeeting, rev: number) {
  const unit = await unitInScope(deps.store, caller, unitId, 'results.write');
  await requireOpenCampaign(deps.store, caller.tenant, year);
  if (!isCell(unit.kind)) throw new DomainError('NOT_A_CELL', 'Chỉ chi bộ ghi nhận cuộc họp xếp loại.', { kind: unit.kind });
  for (const id of [meeting.chairMemberId, meeting.clerkMemberId]) await memberOfUnit(deps.store, caller.tenant, unit, id);
  checkMeetingDetails(meeting, new Set((await listUnitMembers(deps.store, caller.tenant, unit.id)).map((m) => m.id)));
  const before = await getDossier(deps.store, caller.tenant, unit.id, year);
  assertEditable(before);
  return recordCellMeeting(deps.store, caller.tenant, unit.id, year, { before, meeting, expectedRev: rev }, changeBy(deps, caller));
}
