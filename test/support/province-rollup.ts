import { addCounts, defaultQuotaParams, rollupNumbers, zeroCounts, type RollupCounts, type RollupResponse, type UnitKind } from '@kd/domain';

type Spec = { id: string; name: string; kind: UnitKind; m: [number, number, number, number, number, number, number, number, number]; u: [number, number, number, number, number]; w: [number, number, number, number] };

/**
 * A province's roll-up the size of the demo's Vĩnh Long 2026 in progress: 2.927 members of whom 397
 * rated, 191 organisations of which 21 rated (m: exempt, suspended, new, absent, pending, excellent,
 * good, complete, incomplete; u: excellent, good, complete, incomplete, not rated; w: draft,
 * submitted, returned, approved).
 */
const specs: Spec[] = [
  { id: 'cq', name: 'Đảng ủy các cơ quan Đảng tỉnh', kind: 'bloc', m: [20, 2, 15, 10, 953, 30, 150, 18, 2], u: [1, 7, 2, 0, 70], w: [60, 12, 2, 6] },
  { id: 'ub', name: 'Đảng ủy Ủy ban nhân dân tỉnh', kind: 'bloc', m: [12, 1, 9, 8, 920, 25, 110, 14, 1], u: [0, 6, 1, 0, 63], w: [55, 9, 1, 5] },
  { id: 'tv', name: 'Đảng ủy phường Trà Vinh', kind: 'bloc', m: [5, 0, 4, 3, 568, 6, 36, 4, 1], u: [0, 3, 1, 0, 37], w: [30, 7, 0, 4] },
];

function countsOf(s: Spec): RollupCounts {
  const c = zeroCounts();
  const [exempt, suspended, newMember, absent, pending, excellent, good, complete, incomplete] = s.m;
  const rated = excellent + good + complete + incomplete;
  c.members = { ...c.members, exempt, suspended, newMember, absent, pending, excellent, good, complete, incomplete, rated, total: exempt + suspended + newMember + absent + pending + rated, disciplined: incomplete };
  const [ue, ug, uc, ui, notRated] = s.u;
  c.units = { excellent: ue, good: ug, complete: uc, incomplete: ui, rated: ue + ug + uc + ui, notRated, total: ue + ug + uc + ui + notRated };
  const [draft, submitted, returned, approved] = s.w;
  c.workflow = { draft, submitted, returned, approved };
  c.quotaSum = { excellent, good, cap: Math.floor(good * 0.2), breaches: excellent > Math.floor(good * 0.2) ? 1 : 0 };
  return c;
}

export function provinceRollup(year = 2026): RollupResponse {
  const children = specs.map((s) => rollupNumbers({ unitId: s.id, name: s.name, kind: s.kind, counts: countsOf(s), quota: defaultQuotaParams }));
  const total = specs.map(countsOf).reduce((a, b) => addCounts(a, b), zeroCounts());
  return { ...rollupNumbers({ unitId: 'vl', name: 'Tỉnh ủy Vĩnh Long', kind: 'province', counts: total, quota: defaultQuotaParams }), year, asOf: '2026-12-01T00:00:00.000Z', children };
}
