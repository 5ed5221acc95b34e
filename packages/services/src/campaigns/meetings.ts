import { DomainError, assertEditable, buildGroupMinutes, checkMeetingDetails, isCell, type Caller, type Member } from '@kd/domain';
import { getDossier, getMemberReview, listChildren, listUnitEvents, listUnitMembers, loadUnitYear, recordUnitEvent, requireCampaign, requireUnit, type CellMeeting, type StoredUnit, type UnitEventRecord } from '@kd/data';
import { filesModule } from '../files-module';
import type { ServiceDeps } from '../deps';
import { requireOpenCampaign } from './campaign-admin';
import { unitInScope } from '../access/scope';
import { changeBy } from '../actor';
import { headerOf } from './documents';
import { factsOf } from './unit-year';

export interface GroupMeetings {
  group: StoredUnit;
  members: Member[];
  meeting: UnitEventRecord | null;
  report: UnitEventRecord | null;
}

export interface Meetings {
  cell: StoredUnit;
  members: Member[];
  cellMeeting: UnitEventRecord | null;
  groups: GroupMeetings[];
  dossierRev: number;
  editable: boolean;
}

/** The cell a unit's meetings belong to: the cell itself, or a group's parent cell. */
async function cellOf(deps: ServiceDeps, caller: Caller, unit: StoredUnit): Promise<StoredUnit> {
  if (isCell(unit.kind)) return unit;
  if (unit.kind === 'group' && unit.parentId) return requireUnit(deps.store, caller.tenant, unit.parentId);
  throw new DomainError('NOT_A_CELL', 'Chỉ chi bộ và tổ đảng ghi nhận cuộc họp kiểm điểm.', { kind: unit.kind });
}

/** A cell's meetings of the year (its groups' and its own rating meeting), as the meetings page shows them. */
export async function readMeetings(deps: ServiceDeps, caller: Caller, year: number, unitId: string): Promise<Meetings> {
  const unit = await unitInScope(deps.store, caller, unitId, 'member.read');
  await requireCampaign(deps.store, caller.tenant, year);
  const cell = await cellOf(deps, caller, unit);
  const [members, events, children, dossier] = await Promise.all([
    listUnitMembers(deps.store, caller.tenant, cell.id),
    listUnitEvents(deps.store, caller.tenant, cell.id, year),
    listChildren(deps.store, caller.tenant, cell.id),
    getDossier(deps.store, caller.tenant, cell.id, year),
  ]);
  const groups = await Promise.all(
    children.filter((g) => g.kind === 'group').map(async (group) => {
      const ev = await listUnitEvents(deps.store, caller.tenant, group.id, year);
      return { group, members: members.filter((m) => m.groupId === group.id), meeting: ev.get('groupMeetingHeld') ?? null, report: ev.get('groupReportSent') ?? null };
    }),
  );
  return { cell, members, cellMeeting: events.get('cellResultsDecided') ?? null, groups, dossierRev: dossier.rev, editable: dossier.state === 'draft' || dossier.state === 'returned' };
}

/**
 * A party group's review meeting (seed 000: each tổ đảng meets before the cell): date, time, place,
 * chair and clerk among its members, attendance and who spoke. Recording it completes the
 * "group meeting held" milestone; recording again moves the completion time.
 */
export async function groupMeeting(deps: ServiceDeps, caller: Caller, year: number, groupId: string, meeting: CellMeeting): Promise<UnitEventRecord> {
  const group = await unitInScope(deps.store, caller, groupId, 'results.write');
  await requireOpenCampaign(deps.store, caller.tenant, year);
  if (group.kind !== 'group' || !group.parentId) throw new DomainError('NOT_A_GROUP', 'Chỉ tổ đảng ghi nhận cuộc họp của tổ.', { kind: group.kind });
  assertEditable(await getDossier(deps.store, caller.tenant, group.parentId, year));
  const members = (await listUnitMembers(deps.store, caller.tenant, group.parentId)).filter((m) => m.groupId === group.id);
  const ids = new Set(members.map((m) => m.id));
  for (const id of [meeting.chairMemberId, meeting.clerkMemberId]) {
    if (!ids.has(id)) throw new DomainError('MEMBER_NOT_FOUND', 'Chủ trì và thư ký phải là đảng viên của tổ.', { memberId: id });
  }
  checkMeetingDetails(meeting, ids);
  return recordUnitEvent(deps.store, caller.tenant, { event: 'groupMeetingHeld', unitId: group.id, year, ...meeting, note: null }, changeBy(deps, caller));
}

/** The group meeting's minutes (.docx); 422 GROUP_MEETING_NOT_RECORDED until the meeting is recorded. */
export async function groupMinutesDocx(deps: ServiceDeps, caller: Caller, year: number, groupId: string): Promise<{ bytes: Buffer; fileName: string }> {
  const group = await unitInScope(deps.store, caller, groupId, 'member.read');
  await requireCampaign(deps.store, caller.tenant, year);
  if (group.kind !== 'group' || !group.parentId) throw new DomainError('NOT_A_GROUP', 'Chỉ tổ đảng có biên bản họp tổ.', { kind: group.kind });
  const meeting = (await listUnitEvents(deps.store, caller.tenant, group.id, year)).get('groupMeetingHeld');
  if (!meeting?.heldOn || !meeting.startTime || !meeting.location || !meeting.chairMemberId || !meeting.clerkMemberId) {
    throw new DomainError('GROUP_MEETING_NOT_RECORDED', 'Chưa ghi nhận cuộc họp của tổ đảng (ngày, giờ, địa điểm, chủ trì, thư ký) nên chưa lập được biên bản.');
  }
  const cell = await requireUnit(deps.store, caller.tenant, group.parentId);
  const stored = await loadUnitYear(deps.store, caller.tenant, cell.id, year);
  const members = stored.members.filter((m) => m.groupId === group.id);
  const byId = new Map(members.map((m) => [m.id, m] as const));
  const attendance = new Map(meeting.attendance.map((a) => [a.memberId, a] as const));
  const reviews = await Promise.all(members.map((m) => getMemberReview(deps.store, caller.tenant, cell.id, year, m.id)));
  const model = buildGroupMinutes({
    ...(await headerOf(deps, caller.tenant, cell)),
    cellName: cell.name,
    year,
    meeting: { date: meeting.heldOn, startTime: meeting.startTime, endTime: meeting.endTime, location: meeting.location },
    chair: { fullName: byId.get(meeting.chairMemberId)?.fullName ?? meeting.chairMemberId },
    clerk: { fullName: byId.get(meeting.clerkMemberId)?.fullName ?? meeting.clerkMemberId },
    members: members.map((m, i) => ({
      fullName: m.fullName,
      present: attendance.get(m.id)?.present ?? true,
      absenceReason: attendance.get(m.id)?.absenceReason ?? null,
      proposed: factsOf(stored, m.id).groupProposed,
      comment: reviews[i]!.groupComment,
    })),
    speakers: meeting.speakers.flatMap((s) => (byId.has(s.memberId) ? [{ fullName: byId.get(s.memberId)!.fullName, summary: s.summary }] : [])),
  });
  return { bytes: await (await filesModule()).renderDocx(model), fileName: `bien-ban-hop-to-dang-${year}-${group.id}.docx` };
}
