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

/** Which kinds may sit directly under which: the tree takes any depth of these. */
export const allowedChildKinds: Record<UnitKind, readonly UnitKind[]> = {
  province: ['bloc', 'baseCommittee', 'baseCell'],
  bloc: ['bloc', 'baseCommittee', 'baseCell'],
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
