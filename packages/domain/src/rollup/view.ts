import type { UnitKind } from '../unit-kind';
import type { MemberCounts, RollupCounts, ScoreBandCounts, UnitCounts, WorkflowCounts } from './counts';
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
  /** Biểu 4: members and collectives by score band (all zero before the 100-point regime). */
  scores: { members: ScoreBandCounts; units: ScoreBandCounts };
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
    scores: { members: { ...unit.counts.memberScores }, units: { ...unit.counts.unitScores } },
  };
}
