import { memberStatus, unitKinds, type UnitKind } from '@kd/domain';
import type { DemoData } from './generate-demo';

export interface DemoSummary {
  tenantId: string;
  name: string;
  units: number;
  unitsByKind: Record<UnitKind, number>;
  members: number;
  official: number;
  probationary: number;
  exempt: number;
  suspended: number;
  identities: number;
}

/** Counts per tenant, for printing after a seed. */
export function summariseDemo(data: DemoData): DemoSummary[] {
  return data.tenants.map((t) => {
    const unitsByKind = Object.fromEntries(unitKinds.map((k) => [k, 0])) as Record<UnitKind, number>;
    for (const u of t.units) unitsByKind[u.kind] += 1;
    return {
      tenantId: t.tenantId,
      name: t.name,
      units: t.units.length,
      unitsByKind,
      members: t.members.length,
      official: t.members.filter((m) => memberStatus(m) === 'official').length,
      probationary: t.members.filter((m) => memberStatus(m) === 'probationary').length,
      exempt: t.members.filter((m) => m.exempt).length,
      suspended: t.members.filter((m) => m.suspended).length,
      identities: t.identities.length,
    };
  });
}

/** One line per tenant, e.g. `tra-vinh (Tỉnh ủy Trà Vinh): 190 đơn vị, 2927 đảng viên …`. */
export function formatDemoSummary(summaries: readonly DemoSummary[]): string {
  return summaries
    .map((s) => {
      const kinds = unitKinds.filter((k) => s.unitsByKind[k] > 0).map((k) => `${k} ${s.unitsByKind[k]}`).join(', ');
      return `${s.tenantId} (${s.name}): ${s.units} đơn vị [${kinds}], ${s.members} đảng viên (${s.official} chính thức, ${s.probationary} dự bị, ${s.exempt} miễn sinh hoạt, ${s.suspended} đình chỉ), ${s.identities} tài khoản demo`;
    })
    .join('\n');
}
