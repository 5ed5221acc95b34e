import { z } from 'zod';

/** Kinds of node in the party tree (glossary: organisation tree). */
export const unitKinds = ['province', 'bloc', 'baseCommittee', 'baseCell', 'subCommittee', 'cell', 'group'] as const;
export const UnitKind = z.enum(unitKinds);
export type UnitKind = z.infer<typeof UnitKind>;

export const unitKindLabels: Record<UnitKind, string> = {
  province: 'Tỉnh ủy',
  bloc: 'Đảng ủy cấp trên cơ sở',
  baseCommittee: 'Đảng ủy cơ sở',
  baseCell: 'Chi bộ cơ sở',
  subCommittee: 'Đảng bộ bộ phận',
  cell: 'Chi bộ trực thuộc',
  group: 'Tổ đảng',
};

/**
 * Which kinds may sit directly under which: the tree takes any depth of these. A committee above
 * the base level may also hold chi bộ trực thuộc directly: since 1/7/2025 the đảng ủy xã, phường,
 * đặc khu is the direct superior of base organisations (QĐ 294-QĐ/TW, QĐ 298-QĐ/TW) and keeps the
 * residential chi bộ of its villages and wards under it, whose rating HD 43-HD/BTCTW mục 3 gives to
 * "the standing committee of the committee directly above the grassroots" (an interpretation: the
 * sources name the bodies, not the kind of each chi bộ).
 */
export const allowedChildKinds: Record<UnitKind, readonly UnitKind[]> = {
  province: ['bloc', 'baseCommittee', 'baseCell'],
  bloc: ['bloc', 'baseCommittee', 'baseCell', 'cell'],
  baseCommittee: ['subCommittee', 'cell'],
  subCommittee: ['cell'],
  baseCell: ['group'],
  cell: ['group'],
  group: [],
};

export function canContain(parent: UnitKind, child: UnitKind): boolean {
  return allowedChildKinds[parent].includes(child);
}

/** Party organisations rated as collectives (docs/api.md, "Roll-ups", `units`). */
export function isPartyOrganisation(kind: UnitKind): boolean {
  return kind === 'baseCommittee' || kind === 'baseCell' || kind === 'subCommittee' || kind === 'cell';
}

/** Base organisations (tổ chức cơ sở đảng): where R-QUOTA-01 applies under r2019. */
export function isBaseOrganisation(kind: UnitKind): boolean {
  return kind === 'baseCommittee' || kind === 'baseCell';
}

/** Cells hold members directly and vote their ratings. */
export function isCell(kind: UnitKind): boolean {
  return kind === 'baseCell' || kind === 'cell';
}

/** Sector of the unit (khối): used in report tables. */
export const sectors = ['commune', 'agency', 'publicService', 'enterprise', 'armedForces'] as const;
export const Sector = z.enum(sectors);
export type Sector = z.infer<typeof Sector>;
export const sectorLabels: Record<Sector, string> = {
  commune: 'Xã, phường',
  agency: 'Cơ quan',
  publicService: 'Đơn vị sự nghiệp',
  enterprise: 'Doanh nghiệp',
  armedForces: 'Lực lượng vũ trang',
};
