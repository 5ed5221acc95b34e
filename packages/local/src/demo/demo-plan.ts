import type { LocalDate, Sector, UnitKind } from '@kd/domain';
import type { DemoIdentity, DemoRecipients } from './demo-identity';
import type { Gender } from './names';
import type { ProfileKey } from './workplace-profile';

/**
 * The hand-written shape of a demo tenant: the tree, and for each cell how many members it has
 * and what kind of workplace it is. Ids are the slugs joined from the root (`tv-duk-syt-bvp`).
 */
export interface GroupPlan {
  name: string;
  seniors?: readonly string[];
  staff?: readonly (string | null)[];
}

export interface RosterPlan {
  size: number;
  profile: ProfileKey;
  head?: string | null;
  deputy?: string | null;
  seniors?: readonly string[];
  staff?: readonly (string | null)[];
  groups?: readonly GroupPlan[];
  /** A named secretary (the seed's Lê Hồng Vũ); otherwise one is drawn. */
  secretary?: { fullName: string; gender: Gender };
  /** Members admitted after 2021-06-20 (not rated in 2021: R-ELIG-03). Drawn from the size when absent. */
  newMembers?: number;
  /** Probationary members admitted earlier in the 12 months before the rating. */
  probationary?: number;
  exempt?: number;
  suspended?: number;
  /** One date per member transferred in during the year. */
  transfersIn?: readonly LocalDate[];
  temporaryAttachmentAt?: string;
}

export interface UnitPlan {
  slug: string;
  name: string;
  kind: UnitKind;
  sector?: Sector | null;
  foundedOn?: LocalDate;
  children?: readonly UnitPlan[];
  roster?: RosterPlan;
}

export interface TenantPlan {
  tenantId: string;
  name: string;
  /** Party-card-like member ids: `<prefix>.<6 digits>` (84 = Trà Vinh, 86 = Vĩnh Long). */
  memberIdPrefix: string;
  khmerShare: number;
  root: UnitPlan;
  identities: readonly DemoIdentity[];
  recipients: readonly DemoRecipients[];
  /**
   * Which campaigns the demo seeds: the seeds' 2020 and 2021 reviews, closed since (Trà Vinh), or
   * the 2026 review under the 2025 rules, in progress (Vĩnh Long).
   */
  campaigns: DemoCampaigns;
}

export type DemoCampaigns = 'seeds-closed' | 'live-2026';

type CellOptions = Omit<RosterPlan, 'size' | 'profile'> & { sector?: Sector; foundedOn?: LocalDate };

function withRoster(kind: 'cell' | 'baseCell', slug: string, name: string, size: number, profile: ProfileKey, options: CellOptions): UnitPlan {
  const { sector, foundedOn, ...roster } = options;
  return { slug, name, kind, ...(sector ? { sector } : {}), ...(foundedOn ? { foundedOn } : {}), roster: { size, profile, ...roster } };
}

/** Chi bộ trực thuộc. */
export function cell(slug: string, name: string, size: number, profile: ProfileKey, options: CellOptions = {}): UnitPlan {
  return withRoster('cell', slug, name, size, profile, options);
}

/** Chi bộ cơ sở. */
export function baseCell(slug: string, name: string, size: number, profile: ProfileKey, options: CellOptions = {}): UnitPlan {
  return withRoster('baseCell', slug, name, size, profile, options);
}

/** Đảng ủy cơ sở. */
export function baseCommittee(slug: string, name: string, sector: Sector, children: readonly UnitPlan[], foundedOn?: LocalDate): UnitPlan {
  return { slug, name, kind: 'baseCommittee', sector, children, ...(foundedOn ? { foundedOn } : {}) };
}

/** Đảng bộ bộ phận. */
export function subCommittee(slug: string, name: string, sector: Sector, children: readonly UnitPlan[]): UnitPlan {
  return { slug, name, kind: 'subCommittee', sector, children };
}

/** Cấp trên trực tiếp cơ sở: Đảng ủy Khối, Thành ủy… */
export function bloc(slug: string, name: string, children: readonly UnitPlan[], foundedOn?: LocalDate): UnitPlan {
  return { slug, name, kind: 'bloc', sector: null, children, ...(foundedOn ? { foundedOn } : {}) };
}
