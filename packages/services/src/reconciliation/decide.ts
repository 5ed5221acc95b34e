import { DomainError, LocalDate, type Caller, type DifferenceField } from '@kd/domain';
import { applyCentralCorrection, getIdentity, getRunEntry, markOursRight, requireUnit, type CentralCorrection } from '@kd/data';
import type { ServiceDeps } from '../deps';
import { changeBy } from '../actor';
import { assertInScope, memberInScope } from '../access/scope';
import { runOf } from './run';

export interface Decision {
  decision: 'central' | 'ours';
  /** With `central`: the differences to correct here (default: all of them). */
  fields?: DifferenceField[];
  /** With `central` when the central record says official and ours probationary: the date of becoming official. */
  officialOn?: string | null;
}

/**
 * Settles one entry of a run: `ours` marks it for the file of corrections sent up; `central`
 * corrects the member here from the central record (name, birth date, admission date, status, cell
 * through the cell mapping, national id), audited in the same transaction.
 */
export async function decideEntry(deps: ServiceDeps, caller: Caller, unitId: string, runId: string, n: number, input: Decision) {
  const { unit } = await runOf(deps, caller, unitId, runId);
  const entry = Number.isInteger(n) && n > 0 ? await getRunEntry(deps.store, caller.tenant, runId, n) : undefined;
  if (!entry) throw new DomainError('RUN_NOT_FOUND', 'Không tìm thấy mục đối chiếu này.');
  if (entry.decision) throw new DomainError('VERSION_CONFLICT', 'Mục đối chiếu này đã được xử lý.');
  const context = { ...changeBy(deps, caller), unitId: unit.id };
  if (input.decision === 'ours') {
    if (entry.kind === 'onlyThere') throw new DomainError('NOT_CORRECTABLE', 'Đảng viên chỉ có trong CSDL: hãy bổ sung vào danh sách của chi bộ hoặc báo cáo cấp trên.');
    await markOursRight(deps.store, caller.tenant, runId, entry, context);
    return getRunEntry(deps.store, caller.tenant, runId, n);
  }
  if (entry.kind !== 'differs' || !entry.ours || !entry.central) {
    throw new DomainError('NOT_CORRECTABLE', 'Chỉ sửa theo CSDL được những đảng viên có ở cả hai bên.');
  }
  const { member } = await memberInScope(deps.store, caller, entry.ours.memberId, 'member.reconcile');
  const wanted = new Set(input.fields ?? entry.differences.map((d) => d.field));
  const correction: CentralCorrection = { member, changes: {}, moveTo: null, identity: null };
  const central = entry.central;
  for (const d of entry.differences.filter((x) => wanted.has(x.field))) {
    if (d.field === 'fullName') correction.changes.fullName = central.fullName;
    if (d.field === 'birthDate') correction.changes.birthDate = central.birthDate;
    if (d.field === 'admittedOn') {
      if (!central.admittedOn) throw new DomainError('NOT_CORRECTABLE', 'CSDL không ghi ngày vào Đảng: không sửa theo CSDL được.');
      correction.changes.admittedOn = central.admittedOn;
    }
    if (d.field === 'status') {
      if (central.status === 'probationary') correction.changes.officialOn = null;
      else {
        const date = LocalDate.safeParse(input.officialOn);
        if (!date.success) throw new DomainError('OFFICIAL_DATE_REQUIRED', 'CSDL ghi là đảng viên chính thức: hãy nhập ngày chính thức để sửa.');
        correction.changes.officialOn = date.data;
      }
    }
    if (d.field === 'cell' && entry.centralUnitId) {
      const to = await requireUnit(deps.store, caller.tenant, entry.centralUnitId);
      assertInScope(caller, to, 'member.reconcile');
      correction.moveTo = to;
    }
  }
  const identity = await getIdentity(deps.store, caller.tenant, member.id);
  const adoptId = central.nationalIdHash && (wanted.has('nationalId') || identity.nationalIdHash === null);
  const adoptCard = central.partyCardNumber && identity.partyCardNumber === null && central.partyCardNumber !== member.id;
  if (adoptId || adoptCard) {
    correction.identity = {
      current: identity,
      next: {
        ...identity,
        ...(adoptId ? { nationalIdHash: central.nationalIdHash, nationalIdLast4: central.nationalIdLast4 } : {}),
        ...(adoptCard ? { partyCardNumber: central.partyCardNumber } : {}),
      },
    };
  }
  await applyCentralCorrection(deps.store, caller.tenant, runId, entry, correction, context);
  return getRunEntry(deps.store, caller.tenant, runId, n);
}
