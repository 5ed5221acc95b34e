import { z } from 'zod';
import { DomainError, LocalDate, Member, existsOn, isCell, type UnitRef } from '@kd/domain';
import {
  StoredUnit, addPredecessorProvince, auditPut, fault, freezeTenant, getMembers, getTenantMeta, getUnit, listAllUnits, listUnitMembers,
  memberItem, putArchiveGrant, putMergedItem, putProvinceMerge, getProvinceMerge, transact, unitItem, type ProvinceMergeRecord, type Store,
} from '@kd/data';

/** What the operator asks (docs/tree-history.md, "Merging provinces"). */
export const ProvinceMergeRequest = z.object({
  into: z.string().min(1),
  from: z.array(z.string().min(1)).min(1),
  on: LocalDate,
  /** Who runs it, for the audit trail. */
  operator: z.string().min(1).default('operator'),
});
export type ProvinceMergeRequest = z.input<typeof ProvinceMergeRequest>;

export interface ProvinceCounts {
  tenant: string;
  units: { expected: number; copied: number };
  members: { expected: number; copied: number };
}

const PAGE = 25;

/** The id a former province's unit takes in its successor: the former province's id before it, so ids never collide. */
export const mergedUnitId = (former: string, unitId: string) => `${former}-${unitId}`;

/**
 * Merges provinces as of a date, resumably (docs/tree-history.md, "Merging provinces"):
 * 1. freezes each former province (read-only, its users told where it went);
 * 2. copies its units open on the date under the successor's root, each with a lineage link to
 *    the unit it continues, and their members (with their dated cells), page by page;
 * 3. grants the successor's users the reading of its archived campaigns, audited on both roots;
 * 4. verifies by counts. The record of the merge (`keys.provinceMerge`) holds where it stands: run
 *    again, it resumes there, and every write is idempotent (a unit or member already copied by
 *    this merge is written again the same; one that belongs to something else stops the merge).
 */
export async function mergeProvinces(store: Store, input: ProvinceMergeRequest, options: { now?: () => Date; log?: (line: string) => void } = {}): Promise<ProvinceCounts[]> {
  const request = ProvinceMergeRequest.parse(input);
  const now = options.now ?? (() => new Date());
  const log = options.log ?? (() => undefined);
  const id = `${[...request.from].sort().join('+')}@${request.on}`;
  const successor = await getTenantMeta(store, request.into);
  if (!successor?.rootUnitId) throw new DomainError('TENANT_MERGE_INVALID', `Không có tỉnh "${request.into}" (hoặc tỉnh chưa có đơn vị gốc).`);
  if (request.from.includes(request.into)) throw new DomainError('TENANT_MERGE_INVALID', 'Tỉnh mới không được là một trong các tỉnh cũ.');
  const root = (await getUnit(store, request.into, successor.rootUnitId, { consistentRead: true }))!;
  let record: ProvinceMergeRecord = (await getProvinceMerge(store, request.into, id)) ?? { id, tenant: request.into, from: request.from, on: request.on, index: 0, phase: 'freeze' as const, position: 0, startedAt: now().toISOString(), finishedAt: null };
  const save = async () => {
    await putProvinceMerge(store, record);
    await fault('provinceMergeStep');
  };
  const actor = { sub: request.operator, name: 'Lệnh hợp nhất tỉnh', role: 'operator', unit: root.id };
  // A former province is frozen before anything is copied: its tree is read once per run.
  const trees = new Map<string, Promise<StoredUnit[]>>();
  const treeOf = (tenant: string) => {
    if (!trees.has(tenant)) trees.set(tenant, listAllUnits(store, tenant));
    return trees.get(tenant)!;
  };
  while (record.index < request.from.length) {
    const former = request.from[record.index]!;
    const meta = await getTenantMeta(store, former);
    if (!meta?.rootUnitId) throw new DomainError('TENANT_MERGE_INVALID', `Không có tỉnh "${former}".`);
    const formerRoot = meta.rootUnitId;
    switch (record.phase) {
      case 'freeze':
        await freezeTenant(store, former, { on: request.on, successorTenant: request.into, successorName: root.name, mergeId: id, at: now().toISOString() });
        log(`${former}: đã khóa (chỉ xem)`);
        record = { ...record, phase: 'units', position: 0 };
        await save();
        break;
      case 'units': {
        const units = (await treeOf(former)).filter((u) => u.id !== formerRoot && existsOn(u, request.on) && !u.closedOn);
        const page = units.slice(record.position, record.position + PAGE);
        for (const u of page) {
          const path = [root.id, ...u.path.filter((p) => p !== formerRoot).map((p) => mergedUnitId(former, p))];
          const parentId = u.parentId === formerRoot ? root.id : mergedUnitId(former, u.parentId!);
          const copy = StoredUnit.parse({
            id: mergedUnitId(former, u.id), name: u.name, kind: u.kind, sector: u.sector, parentId, path,
            foundedOn: request.on, closedOn: null, spans: [{ from: request.on, parentId, name: u.name }],
            lineage: [{ tenant: former, unitId: u.id } satisfies UnitRef], version: 1, memberCount: isCell(u.kind) ? u.memberCount : 0,
          });
          await putMergedItem(store, unitItem(request.into, copy), id, `đơn vị ${copy.id}`);
        }
        record = page.length === 0 ? { ...record, phase: 'members', position: 0 } : { ...record, position: record.position + page.length };
        log(`${former}: đơn vị ${Math.min(record.position, units.length)}/${units.length}`);
        await save();
        break;
      }
      case 'members': {
        const cells = (await treeOf(former)).filter((u) => u.id !== formerRoot && existsOn(u, request.on) && !u.closedOn && isCell(u.kind));
        const cell = cells[record.position];
        if (!cell) {
          record = { ...record, phase: 'grant', position: 0 };
          await save();
          break;
        }
        for (const m of await listUnitMembers(store, former, cell.id)) {
          const copy = Member.parse({
            ...m, unitId: mergedUnitId(former, m.unitId), groupId: m.groupId ? mergedUnitId(former, m.groupId) : null, version: 1,
            ...(m.cells ? { cells: m.cells.map((s) => ({ ...s, unitId: mergedUnitId(former, s.unitId) })) } : {}),
          });
          await putMergedItem(store, memberItem(request.into, copy), id, `đảng viên ${copy.id}`);
        }
        record = { ...record, position: record.position + 1 };
        log(`${former}: đảng viên, chi bộ ${record.position}/${cells.length}`);
        await save();
        break;
      }
      case 'grant': {
        const at = now().toISOString();
        await putArchiveGrant(store, { tenant: former, grantee: request.into, predecessorRoot: formerRoot, successorRoot: root.id, mergeId: id, grantedAt: at, grantedBy: request.operator });
        await addPredecessorProvince(store, request.into, { tenant: former, name: meta.name, rootUnitId: formerRoot, mergedOn: request.on });
        for (const [tenant, unitId, after] of [
          [former, formerRoot, { successorTenant: request.into, grantee: request.into }],
          [request.into, root.id, { formerTenant: former, formerRoot }],
        ] as const) {
          try {
            await transact(store, [auditPut(store, tenant, { id: `${id}-${former}`, unitId, at: record.startedAt, actor, action: 'province.merge', target: unitId, after: { ...after, on: request.on, mergeId: id } })], () => new Error('audited'));
          } catch (error) {
            if (!(error instanceof Error && error.message === 'audited')) throw error;
          }
        }
        log(`${former}: đã cấp quyền xem dữ liệu lưu trữ cho ${request.into}`);
        record = { ...record, index: record.index + 1, phase: 'freeze', position: 0 };
        await save();
        break;
      }
    }
  }
  if (!record.finishedAt) {
    record = { ...record, finishedAt: now().toISOString() };
    await putProvinceMerge(store, record);
  }
  return verifyProvinceMerge(store, request.into, request.from, request.on);
}

/**
 * Counts what each former province had open on the date against what its successor holds from it:
 * the units continuing them (their lineage) and the same members, wherever the successor has put
 * them since (a merge or split of the copied cells carries members on without changing them).
 */
export async function verifyProvinceMerge(store: Store, into: string, from: readonly string[], on: string): Promise<ProvinceCounts[]> {
  const copied = await listAllUnits(store, into);
  const counts: ProvinceCounts[] = [];
  for (const former of from) {
    const meta = await getTenantMeta(store, former);
    const open = (await listAllUnits(store, former)).filter((u) => u.id !== meta?.rootUnitId && existsOn(u, on) && !u.closedOn);
    const mine = copied.filter((u) => (u.lineage ?? []).some((l) => l.tenant === former));
    const expected = (await Promise.all(open.filter((u) => isCell(u.kind)).map((u) => listUnitMembers(store, former, u.id)))).flat().map((m) => m.id);
    let found = 0;
    for (let i = 0; i < expected.length; i += 100) found += (await getMembers(store, into, expected.slice(i, i + 100))).size;
    counts.push({
      tenant: former,
      units: { expected: open.length, copied: mine.length },
      members: { expected: expected.length, copied: found },
    });
  }
  return counts;
}
