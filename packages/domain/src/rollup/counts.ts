import { z } from 'zod';

/**
 * The additive numbers of a roll-up (docs/api.md, "Roll-ups"). Every field is a plain count, so a unit's
 * roll-up is the sum of the own contributions of the units of its subtree, and a change anywhere
 * is a delta added to each ancestor. `quotaSum` sums R-QUOTA-01 figures over the base
 * organisations of the subtree (a base organisation's own figures are kept in its own
 * contribution, see `baseQuota`).
 */
export const memberCountKeys = [
  'total', 'exempt', 'suspended', 'newMember', 'absent', 'pending',
  'rated', 'excellent', 'good', 'complete', 'incomplete', 'disciplined',
] as const;
export const unitCountKeys = ['total', 'notRated', 'rated', 'excellent', 'good', 'complete', 'incomplete'] as const;
/** The dossier workflow states (the data layer's `dossierStates`), counted per organisation. */
export const workflowKeys = ['draft', 'submitted', 'returned', 'approved'] as const;
export const quotaSumKeys = ['excellent', 'good', 'cap', 'breaches'] as const;
/**
 * Biểu 4 (the 100-point regime): rated members and rated collectives with a score, by the bands of
 * QĐ 366-QĐ/TW Điều 11 (≥ 90, 70–< 90, 50–< 70, < 50); `scored` is the sum of the four bands.
 */
export const scoreCountKeys = ['scored', 'from90', 'from70', 'from50', 'below50'] as const;

const countsOf = <K extends string>(names: readonly K[]) =>
  z.object(Object.fromEntries(names.map((k) => [k, z.number().int().default(0)])) as Record<K, z.ZodDefault<z.ZodNumber>>);

export const MemberCounts = countsOf(memberCountKeys);
export type MemberCounts = z.infer<typeof MemberCounts>;
export const UnitCounts = countsOf(unitCountKeys);
export type UnitCounts = z.infer<typeof UnitCounts>;
export const WorkflowCounts = countsOf(workflowKeys);
export type WorkflowCounts = z.infer<typeof WorkflowCounts>;
export const QuotaSum = countsOf(quotaSumKeys);
export type QuotaSum = z.infer<typeof QuotaSum>;
export const ScoreBandCounts = countsOf(scoreCountKeys);
export type ScoreBandCounts = z.infer<typeof ScoreBandCounts>;

export interface RollupCounts {
  members: MemberCounts;
  units: UnitCounts;
  workflow: WorkflowCounts;
  quotaSum: QuotaSum;
  /** Biểu 4 beside the ratings: members and collectives by score band (zero before r2025). */
  memberScores: ScoreBandCounts;
  unitScores: ScoreBandCounts;
}

const groups = { members: memberCountKeys, units: unitCountKeys, workflow: workflowKeys, quotaSum: quotaSumKeys, memberScores: scoreCountKeys, unitScores: scoreCountKeys } as const;
type Group = keyof typeof groups;
const prefix: Record<Group, string> = { members: 'm_', units: 'u_', workflow: 'w_', quotaSum: 'q_', memberScores: 'sm_', unitScores: 'su_' };

function zeroOf<K extends string>(names: readonly K[]): Record<K, number> {
  return Object.fromEntries(names.map((k) => [k, 0])) as Record<K, number>;
}

export function zeroCounts(): RollupCounts {
  return {
    members: zeroOf(memberCountKeys), units: zeroOf(unitCountKeys), workflow: zeroOf(workflowKeys), quotaSum: zeroOf(quotaSumKeys),
    memberScores: zeroOf(scoreCountKeys), unitScores: zeroOf(scoreCountKeys),
  };
}

function combine(a: RollupCounts, b: RollupCounts, sign: 1 | -1): RollupCounts {
  const out = zeroCounts();
  for (const g of Object.keys(groups) as Group[]) {
    const target = out[g] as Record<string, number>;
    for (const k of groups[g]) target[k] = (a[g] as Record<string, number>)[k]! + sign * (b[g] as Record<string, number>)[k]!;
  }
  return out;
}

export const addCounts = (a: RollupCounts, b: RollupCounts): RollupCounts => combine(a, b, 1);
export const subtractCounts = (a: RollupCounts, b: RollupCounts): RollupCounts => combine(a, b, -1);

export function sumCounts(list: readonly RollupCounts[]): RollupCounts {
  return list.reduce(addCounts, zeroCounts());
}

export function isZeroCounts(c: RollupCounts): boolean {
  return Object.values(toFlat(c)).every((v) => v === 0);
}

export function equalCounts(a: RollupCounts, b: RollupCounts): boolean {
  return isZeroCounts(subtractCounts(a, b));
}

/** Flat attribute names (`m_total`, `u_rated` …): DynamoDB can ADD to top-level numbers only. */
export function toFlat(c: RollupCounts): Record<string, number> {
  const flat: Record<string, number> = {};
  for (const g of Object.keys(groups) as Group[]) {
    for (const k of groups[g]) flat[`${prefix[g]}${k}`] = (c[g] as Record<string, number>)[k]!;
  }
  return flat;
}

export function fromFlat(item: Record<string, unknown>): RollupCounts {
  const out = zeroCounts();
  for (const g of Object.keys(groups) as Group[]) {
    const target = out[g] as Record<string, number>;
    for (const k of groups[g]) {
      const v = item[`${prefix[g]}${k}`];
      target[k] = typeof v === 'number' ? v : 0;
    }
  }
  return out;
}

export const flatCountNames: readonly string[] = Object.keys(toFlat(zeroCounts()));
