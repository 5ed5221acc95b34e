import type { LocalDate, Member, Unit } from '@kd/domain';
import type { DemoIdentity, DemoRecipients } from './demo-identity';
import type { DemoCampaigns, TenantPlan } from './demo-plan';
import { generateRoster } from './demo-roster';
import { buildUnits } from './demo-units';
import { createPrng, deriveSeed, type Prng } from './prng';
import { traVinhPlan } from './tra-vinh-plan';
import { vinhLongPlan } from './vinh-long-plan';
import { haTinhPlan } from './ha-tinh-plan';

export const DEMO_SEED = 2021;
/** The demo is built around the 2021 campaign: the seed plan's rating meeting is on 20/12/2021. */
export const DEMO_AS_OF: LocalDate = '2021-12-20';

export interface DemoTenant {
  tenantId: string;
  name: string;
  /** Parents before children. */
  units: Unit[];
  members: Member[];
  identities: DemoIdentity[];
  recipients: DemoRecipients[];
  campaigns: DemoCampaigns;
}

export interface DemoData {
  tenants: DemoTenant[];
}

export const demoPlans: readonly TenantPlan[] = [traVinhPlan, vinhLongPlan, haTinhPlan];

/** `84.012345`-style ids, unique within the tenant. */
function memberIds(prng: Prng, prefix: string): () => string {
  const used = new Set<string>();
  return () => {
    for (;;) {
      const id = `${prefix}.${String(prng.int(0, 999_999)).padStart(6, '0')}`;
      if (!used.has(id)) {
        used.add(id);
        return id;
      }
    }
  };
}

export function generateTenant(plan: TenantPlan, seed: number = DEMO_SEED): DemoTenant {
  const prng = createPrng(deriveSeed(seed, plan.tenantId));
  const { units, cells } = buildUnits(plan.root, prng);
  const reservedNames = new Set(cells.flatMap((c) => (c.roster.secretary ? [c.roster.secretary.fullName.normalize('NFC')] : [])));
  const context = { prng, asOf: DEMO_AS_OF, khmerShare: plan.khmerShare, nextMemberId: memberIds(prng, plan.memberIdPrefix), reservedNames };
  return {
    tenantId: plan.tenantId,
    name: plan.name,
    units,
    members: cells.flatMap((c) => generateRoster(context, c)),
    identities: plan.identities.map((i) => ({ ...i })),
    recipients: plan.recipients.map((r) => ({ unitId: r.unitId, emails: [...r.emails] })),
    campaigns: plan.campaigns,
  };
}

/**
 * The demo data set as it stood in 2021: Tỉnh ủy Trà Vinh (about 2,900 members, the seed's Chi bộ
 * Bệnh viện Phổi among them), a small Tỉnh ủy Vĩnh Long and a smaller Tỉnh ủy Hà Tĩnh. Pure and
 * deterministic for a seed; the 2025 reorganisation is applied on top of it (`story-2025.ts`).
 *
 * @example
 * const { tenants } = generateDemo();
 * tenants[0]?.units.find((u) => u.id === 'tv-duk-syt-bvp')?.name; // 'Chi bộ Bệnh viện Phổi'
 */
export function generateDemo(seed: number = DEMO_SEED): DemoData {
  return { tenants: demoPlans.map((plan) => generateTenant(plan, seed)) };
}
