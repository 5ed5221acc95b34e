import type { UnitKind } from '../unit-kind';
import type { MemberCounts, RollupCounts, UnitCounts, WorkflowCounts } from './counts';
import { quotaView, type QuotaParams, type QuotaView } from './quota';

/** One unit's numbers as docs/api.md ("Roll-ups") shows them. */
export interface RollupNumbers {
  unitId: string;
  name: string;
  kind: UnitKind;
  members: MemberCounts;
  units: UnitCounts;
  workflow: WorkflowCounts;
  quota: QuotaView;
}

export interface RollupResponse extends RollupNumbers {
  year: number;
  asOf: string;
  children: RollupNumbers[];
}

export function rollupNumbers(unit: { unitId: string; name: string; kind: UnitKind; counts: RollupCounts; quota: QuotaParams }): RollupNumbers {
  return {
    unitId: unit.unitId,
    name: unit.name,
    kind: unit.kind,
    members: { ...unit.counts.members },
    units: { ...unit.counts.units },
    workflow: { ...unit.counts.workflow },
    quota: quotaView(unit.kind, unit.counts.members, unit.counts.quotaSum, unit.quota),
  };
}
