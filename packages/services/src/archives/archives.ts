import { DomainError, isZeroCounts, outsideSubtree, rollupNumbers, roleMay, type Caller, type RollupResponse } from '@kd/domain';
import { getArchiveGrant, getTenantMeta, getUnit, listCampaigns, readRollup, requireCampaign, type ArchiveGrant, type StoredUnit } from '@kd/data';
import type { ServiceDeps } from '../deps';

/** A unit of a former province the caller may read, with that province's campaigns. */
export interface ArchivedUnit {
  tenant: string;
  tenantName: string;
  unitId: string;
  campaigns: { year: number; closed: boolean }[];
}

const archiveNotFound = () => new DomainError('ARCHIVE_NOT_FOUND', 'Không có dữ liệu lưu trữ của tỉnh cũ mà bạn được xem.');

/**
 * Where the caller may read a former province (docs/tree-history.md, "Merging provinces"): only
 * through that province's explicit grant to the caller's province (404 otherwise: nothing leaks);
 * from the successor's root, the whole former province; below it, the subtrees the caller's unit
 * continues (its lineage).
 */
export async function archiveRoots(deps: ServiceDeps, caller: Caller, formerTenant: string): Promise<{ grant: ArchiveGrant; roots: string[] }> {
  if (formerTenant === caller.tenant) throw archiveNotFound();
  const grant = await getArchiveGrant(deps.store, formerTenant, caller.tenant);
  if (!grant) throw archiveNotFound();
  if (!roleMay(caller.role, 'unit.read')) throw new DomainError('ROLE_NOT_ALLOWED', 'Vai trò của bạn không được thực hiện thao tác này.');
  if (caller.unit === grant.successorRoot) return { grant, roots: [grant.predecessorRoot] };
  const unit = await getUnit(deps.store, caller.tenant, caller.unit);
  return { grant, roots: (unit?.lineage ?? []).filter((l) => l.tenant === formerTenant).map((l) => l.unitId) };
}

/** A former province's roll-up for one of its campaigns, read through the grant. */
export async function readArchivedRollup(deps: ServiceDeps, caller: Caller, formerTenant: string, year: number, unitId: string): Promise<RollupResponse & { path: string[] }> {
  const { roots } = await archiveRoots(deps, caller, formerTenant);
  if (roots.length === 0) throw outsideSubtree();
  await requireCampaign(deps.store, formerTenant, year);
  const { rollup, children } = await readRollup(deps.store, formerTenant, year, unitId);
  if (!rollup || rollup.path.length === 0) throw new DomainError('ROLLUP_NOT_FOUND', `Chưa có số liệu tổng hợp năm ${year} của đơn vị.`);
  if (!roots.some((r) => rollup.path.includes(r))) throw outsideSubtree();
  const visible = children.filter((c) => !(c.closedOn && isZeroCounts(c.counts)));
  return {
    ...rollupNumbers(rollup),
    year,
    asOf: rollup.updatedAt ?? new Date(0).toISOString(),
    path: rollup.path,
    children: visible.map(rollupNumbers).sort((a, b) => a.name.localeCompare(b.name, 'vi')),
  };
}

/**
 * The former provinces' units a unit continues, with the campaigns the caller may read there: for
 * the successor's root, each former province; below it, its lineage. Only through grants.
 */
export async function archivedLineage(deps: ServiceDeps, caller: Caller, unit: StoredUnit): Promise<ArchivedUnit[]> {
  const meta = unit.parentId === null ? await getTenantMeta(deps.store, caller.tenant) : undefined;
  const refs = [
    ...Object.values(meta?.predecessorTenants ?? {}).map((p) => ({ tenant: p.tenant, unitId: p.rootUnitId })),
    ...(unit.lineage ?? []),
  ];
  const out: ArchivedUnit[] = [];
  for (const ref of refs) {
    if (out.some((o) => o.tenant === ref.tenant && o.unitId === ref.unitId)) continue;
    const grant = await getArchiveGrant(deps.store, ref.tenant, caller.tenant);
    if (!grant) continue;
    const [former, campaigns] = await Promise.all([getTenantMeta(deps.store, ref.tenant), listCampaigns(deps.store, ref.tenant)]);
    out.push({ tenant: ref.tenant, tenantName: former?.name ?? ref.tenant, unitId: ref.unitId, campaigns: campaigns.map((c) => ({ year: c.year, closed: c.closedAt !== null })) });
  }
  return out;
}
