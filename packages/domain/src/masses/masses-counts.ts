/**
 * Biểu 5 — self-criticism before the masses — as additive counts: every field is a plain count,
 * so a unit's roll-up is its own contribution plus its children's roll-ups, and a change anywhere
 * is a delta added to each ancestor (like the ratings' roll-up).
 */
export const massesTopKeys = [
  'units', 'unitsRequired', 'sessionsHeld', 'sessionsComplete',
  'membersSelfCriticised', 'membersAbsent', 'massesPresent',
] as const;
export const commentCountKeys = ['total', 'written', 'oral', 'dissenting', 'collective', 'individual', 'unclassified'] as const;
export const remediationCountKeys = ['items', 'done'] as const;

type Counts<K extends string> = Record<K, number>;
export type MassesCounts = Counts<(typeof massesTopKeys)[number]> & {
  comments: Counts<(typeof commentCountKeys)[number]>;
  remediation: Counts<(typeof remediationCountKeys)[number]>;
};

/** Biểu 5's column headings in Vietnamese, beside the keys (pages and the xlsx export). */
export const massesCountLabels = {
  units: 'Số cơ quan, đơn vị, doanh nghiệp',
  unitsRequired: 'Trong đó có từ 05 quần chúng trở lên',
  sessionsHeld: 'Số buổi đã tổ chức',
  sessionsComplete: 'Số buổi có biên bản đủ chữ ký',
  membersSelfCriticised: 'Số cấp ủy viên, đảng viên tự phê bình',
  membersAbsent: 'Số vắng mặt (có lý do)',
  massesPresent: 'Số quần chúng tham dự',
  comments: {
    total: 'Tổng số ý kiến',
    written: 'Bằng văn bản',
    oral: 'Góp ý trực tiếp',
    dissenting: 'Ý kiến trái chiều',
    collective: 'Thuộc trách nhiệm tập thể',
    individual: 'Thuộc trách nhiệm cá nhân',
    unclassified: 'Chưa phân loại',
  },
  remediation: { items: 'Số nội dung khắc phục', done: 'Đã khắc phục' },
} as const;

const zeroOf = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Counts<K>;

export function zeroMassesCounts(): MassesCounts {
  return { ...zeroOf(massesTopKeys), comments: zeroOf(commentCountKeys), remediation: zeroOf(remediationCountKeys) };
}

/** Flat attribute names (`x_units`, `xc_total`, `xr_done` …): DynamoDB can ADD to top-level numbers only. */
export function massesToFlat(c: MassesCounts): Record<string, number> {
  const flat: Record<string, number> = {};
  for (const k of massesTopKeys) flat[`x_${k}`] = c[k];
  for (const k of commentCountKeys) flat[`xc_${k}`] = c.comments[k];
  for (const k of remediationCountKeys) flat[`xr_${k}`] = c.remediation[k];
  return flat;
}

/** Reads counts back from flat attributes; a missing attribute is zero. */
export function massesFromFlat(flat: Readonly<Record<string, unknown>>): MassesCounts {
  const n = (name: string) => (typeof flat[name] === 'number' ? (flat[name] as number) : 0);
  const c = zeroMassesCounts();
  for (const k of massesTopKeys) c[k] = n(`x_${k}`);
  for (const k of commentCountKeys) c.comments[k] = n(`xc_${k}`);
  for (const k of remediationCountKeys) c.remediation[k] = n(`xr_${k}`);
  return c;
}

function combine(a: MassesCounts, b: MassesCounts, sign: 1 | -1): MassesCounts {
  const fb = massesToFlat(b);
  return massesFromFlat(Object.fromEntries(Object.entries(massesToFlat(a)).map(([k, v]) => [k, v + sign * (fb[k] ?? 0)])));
}

export const addMassesCounts = (a: MassesCounts, b: MassesCounts): MassesCounts => combine(a, b, 1);
/** The delta to add to every ancestor when a unit's own contribution goes from `before` to `after`. */
export const subtractMassesCounts = (a: MassesCounts, b: MassesCounts): MassesCounts => combine(a, b, -1);
export const sumMassesCounts = (list: readonly MassesCounts[]): MassesCounts => list.reduce(addMassesCounts, zeroMassesCounts());

export const isZeroMassesCounts = (c: MassesCounts): boolean => Object.values(massesToFlat(c)).every((v) => v === 0);

export function equalMassesCounts(a: MassesCounts, b: MassesCounts): boolean {
  const fa = massesToFlat(a);
  const fb = massesToFlat(b);
  return Object.keys(fa).every((k) => fa[k] === fb[k]);
}

/**
 * Biểu 5's invariants, as Vietnamese sentences for each one broken (empty: consistent): every
 * comment is written or oral and is collective, individual or not yet classed.
 */
export function massesInvariantBreaks(c: MassesCounts): string[] {
  const breaks: string[] = [];
  const { comments: k, remediation: r } = c;
  if (k.total !== k.written + k.oral) breaks.push(`Tổng số ý kiến (${k.total}) khác số bằng văn bản cộng góp ý trực tiếp (${k.written + k.oral}).`);
  if (k.total !== k.collective + k.individual + k.unclassified) {
    breaks.push(`Tổng số ý kiến (${k.total}) khác số thuộc trách nhiệm tập thể, cá nhân và chưa phân loại (${k.collective + k.individual + k.unclassified}).`);
  }
  if (k.dissenting > k.total) breaks.push('Số ý kiến trái chiều lớn hơn tổng số ý kiến.');
  if (c.unitsRequired > c.units) breaks.push('Số đơn vị phải tổ chức lớn hơn số đơn vị.');
  if (c.sessionsComplete > c.sessionsHeld) breaks.push('Số buổi đủ chữ ký lớn hơn số buổi đã tổ chức.');
  if (r.done > r.items) breaks.push('Số nội dung đã khắc phục lớn hơn số nội dung khắc phục.');
  if (Object.values(massesToFlat(c)).some((v) => v < 0)) breaks.push('Có số liệu âm.');
  return breaks;
}
