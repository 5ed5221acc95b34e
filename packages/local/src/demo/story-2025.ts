import type { LocalDate, Sector, UnitKind } from '@kd/domain';

/**
 * The 2025 reorganisation as the demo tells it (docs/tree-history.md, "The demo's 2025 story"), as
 * data: what happened on 1/7/2025 to the demo's Trà Vinh and Vĩnh Long, step by step, each step one
 * operation of the product (the province merge, founding a unit, a split, a merge, a rename).
 * Unit ids of the former Trà Vinh are those the province merge gives its copies (`tra-vinh-<id>`).
 */
export const REORGANISED_ON: LocalDate = '2025-07-01';
export const STORY_TENANT = 'vinh-long';
export const STORY_ROOT = 'vl';
export const FORMER_PROVINCES = ['tra-vinh'] as const;
/** The campaign that rolls up against the reorganised tree. */
export const STORY_CAMPAIGN_YEAR = 2026;
/**
 * The 2026 review's story (`seed-2026.ts` gives the first cells approved, submitted, late and
 * scoring, and plans to the first two base committees): Vĩnh Long's own units, as they are after 1/7/2025.
 */
export const LIVE_2026_FIRST: readonly string[] = ['vl-dubnd-syt', 'vl-dubnd-sgd', 'vl-duk-syt-bvdk', 'vl-dubnd-syt-vp', 'vl-dubnd-sgd-vp', 'vl-duk-sgd-nbk'];
/** The first cell of the 2026 story (approved, so it has a dossier): its dossier, written last, marks the story's end. */
export const LIVE_2026_MARKER = 'vl-duk-syt-bvdk';

export type StoryStep =
  | { op: 'found'; id: string; parentId: string; name: string; kind: UnitKind; sector: Sector | null }
  | { op: 'split'; sourceId: string; parts: { unitId: string; childIds: string[] | 'rest' }[] }
  | { op: 'merge'; successorId: string; sourceIds: string[] }
  | { op: 'rename'; unitId: string; name: string }
  /** Every residential cell (`…-p<n>-k<m>`) under `parentId` renamed after its old ward: the new ward has nine "Chi bộ Khóm 1". */
  | { op: 'renameResidential'; parentId: string };

const tv = (id: string) => `tra-vinh-${id}`;
const oldWards = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8', 'p9'];

/** Trà Vinh's bloc members that went to the committee of the provincial party bodies (newspaper, mass associations). */
const toPartyBodies = ['btv', 'lmhtx', 'vhnt', 'ctd'].map((s) => tv(`tv-duk-${s}`));

export const story2025: readonly StoryStep[] = [
  // The two committees directly under the provincial committee, in place of the bloc.
  { op: 'found', id: 'vl-dcqd', parentId: STORY_ROOT, name: 'Đảng ủy các cơ quan Đảng tỉnh', kind: 'bloc', sector: 'agency' },
  { op: 'found', id: 'vl-dubnd', parentId: STORY_ROOT, name: 'Đảng ủy Ủy ban nhân dân tỉnh', kind: 'bloc', sector: 'agency' },
  { op: 'split', sourceId: 'vl-duk', parts: [{ unitId: 'vl-dubnd', childIds: 'rest' }, { unitId: 'vl-dcqd', childIds: [] }] },
  { op: 'split', sourceId: tv('tv-duk'), parts: [{ unitId: 'vl-dcqd', childIds: toPartyBodies }, { unitId: 'vl-dubnd', childIds: 'rest' }] },
  // Departments of the two former provinces merged: one base committee, the two offices' cells merged.
  { op: 'found', id: 'vl-dubnd-syt', parentId: 'vl-dubnd', name: 'Đảng ủy Sở Y tế', kind: 'baseCommittee', sector: 'agency' },
  { op: 'merge', successorId: 'vl-dubnd-syt', sourceIds: ['vl-duk-syt', tv('tv-duk-syt')] },
  { op: 'found', id: 'vl-dubnd-syt-vp', parentId: 'vl-dubnd-syt', name: 'Chi bộ Văn phòng Sở', kind: 'cell', sector: 'agency' },
  { op: 'merge', successorId: 'vl-dubnd-syt-vp', sourceIds: ['vl-duk-syt-vp', tv('tv-duk-syt-vp')] },
  { op: 'rename', unitId: 'vl-duk-syt-bvdk', name: 'Chi bộ Bệnh viện Đa khoa Vĩnh Long' },
  { op: 'rename', unitId: tv('tv-duk-syt-bvdk'), name: 'Chi bộ Bệnh viện Đa khoa Trà Vinh' },
  { op: 'found', id: 'vl-dubnd-sgd', parentId: 'vl-dubnd', name: 'Đảng ủy Sở Giáo dục và Đào tạo', kind: 'baseCommittee', sector: 'agency' },
  { op: 'merge', successorId: 'vl-dubnd-sgd', sourceIds: ['vl-duk-sgd', tv('tv-duk-sgd')] },
  { op: 'found', id: 'vl-dubnd-sgd-vp', parentId: 'vl-dubnd-sgd', name: 'Chi bộ Văn phòng Sở', kind: 'cell', sector: 'agency' },
  { op: 'merge', successorId: 'vl-dubnd-sgd-vp', sourceIds: ['vl-duk-sgd-vp', tv('tv-duk-sgd-vp')] },
  // The district level ended: the city committee's wards and base cells go to the new wards'
  // committees, the direct superiors of base organisations; the old wards' committees merge into them.
  { op: 'found', id: 'vl-ptv', parentId: STORY_ROOT, name: 'Đảng ủy phường Trà Vinh', kind: 'bloc', sector: 'commune' },
  { op: 'found', id: 'vl-pld', parentId: STORY_ROOT, name: 'Đảng ủy phường Long Đức', kind: 'bloc', sector: 'commune' },
  { op: 'split', sourceId: tv('tv-ttv'), parts: [{ unitId: 'vl-pld', childIds: [tv('tv-ttv-ld')] }, { unitId: 'vl-ptv', childIds: 'rest' }] },
  { op: 'merge', successorId: 'vl-ptv', sourceIds: oldWards.map((w) => tv(`tv-ttv-${w}`)) },
  { op: 'merge', successorId: 'vl-pld', sourceIds: [tv('tv-ttv-ld')] },
  // One militia, one police and one office cell for the new ward, each carrying the old wards' members.
  ...(
    [
      ['qs', 'Chi bộ Quân sự phường Trà Vinh'],
      ['ca', 'Chi bộ Công an phường Trà Vinh'],
      ['cq', 'Chi bộ Cơ quan phường Trà Vinh'],
    ] as const
  ).flatMap(([slug, name]): StoryStep[] => [
    { op: 'found', id: `vl-ptv-${slug}`, parentId: 'vl-ptv', name, kind: 'cell', sector: 'commune' },
    { op: 'merge', successorId: `vl-ptv-${slug}`, sourceIds: oldWards.map((w) => tv(`tv-ttv-${w}-${slug}`)) },
  ]),
  { op: 'renameResidential', parentId: 'vl-ptv' },
];

/** A residential cell's name in the new ward: "Chi bộ Khóm 2 (Phường 7 cũ)"; undefined for any other unit. */
export function residentialName(unitId: string, name: string): string | undefined {
  const ward = /-p(\d+)-k\d+$/.exec(unitId)?.[1];
  if (!ward || name.endsWith(' cũ)')) return undefined;
  return `${name} (Phường ${ward} cũ)`;
}
