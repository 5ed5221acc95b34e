import { Campaign } from '../campaign';
import type { UnitKind } from '../unit-kind';

type UnitRef = { readonly id: string; readonly kind: UnitKind; readonly name: string; readonly parentId: string | null };

/** The cell of seed 000; the demo's 2021 plans cascade down to it when the tenant has it. */
export const SEED_CELL_NAME = 'Chi bộ Bệnh viện Phổi';

/**
 * The demo campaigns of a tenant, as data: 2021 follows seed 000 (r2019 with the seed's local
 * overlay, rating meeting on 20/12/2021, the milestones of its §V), and 2020 exists so that
 * year-on-year comparison has data. The plans name the tree's units when it has them: the bloc
 * above the seed cell, its base committee (Đảng ủy Sở Y tế), the cell itself.
 */
export function demoCampaigns(units: readonly UnitRef[]): Campaign[] {
  const byId = new Map(units.map((u) => [u.id, u] as const));
  const seedCell = units.find((u) => u.name.normalize('NFC') === SEED_CELL_NAME);
  const ancestor = (u: UnitRef | undefined, kind: UnitKind): UnitRef | undefined => {
    for (let p = u?.parentId ? byId.get(u.parentId) : undefined; p; p = p.parentId ? byId.get(p.parentId) : undefined) if (p.kind === kind) return p;
    return undefined;
  };
  const bloc = ancestor(seedCell, 'bloc') ?? units.find((u) => u.kind === 'bloc');
  const base = ancestor(seedCell, 'baseCommittee');

  const c2021 = Campaign.parse({
    year: 2021,
    rulebookId: 'r2019',
    overlayIds: ['s000-2021'],
    ratingDate: '2021-12-20',
    plans: [
      {
        issuer: 'Ban Thường vụ Đảng ủy Khối cơ quan và doanh nghiệp tỉnh',
        number: '07-HD/ĐUK',
        date: '2021-12-06',
        title: 'Hướng dẫn kiểm điểm, đánh giá, xếp loại chất lượng hàng năm đối với tổ chức đảng, đảng viên ở cơ sở',
        unitId: bloc?.id ?? null,
      },
      {
        issuer: 'Ban Thường vụ Đảng ủy Sở Y tế',
        number: '458-KH/ĐU',
        date: '2021-12-07',
        title: 'Kế hoạch kiểm điểm tự phê bình và phê bình, đánh giá chất lượng tổ chức đảng và đảng viên năm 2021',
        unitId: base?.id ?? null,
      },
      // The cell's plan (seed 000) prints neither a number nor a date: it is shown unnumbered, dated
      // the day after the plan it implements — a demo assumption, not a fact of the source.
      {
        issuer: SEED_CELL_NAME,
        number: 'không số',
        date: '2021-12-08',
        title: 'Kế hoạch kiểm điểm tự phê bình và phê bình, đánh giá chất lượng chi bộ và đảng viên năm 2021',
        unitId: seedCell?.id ?? null,
      },
    ],
    milestones: [
      {
        id: 'group-meeting',
        title: 'Các tổ đảng họp kiểm điểm đảng viên ở tổ',
        event: 'groupMeetingHeld',
        actorKinds: ['group'],
        wording: 'before',
        date: '2021-12-16',
      },
      {
        id: 'group-report',
        title: 'Tổ đảng tổng hợp, báo cáo việc kiểm điểm đảng viên tại tổ về Cấp ủy Chi bộ',
        event: 'groupReportSent',
        actorKinds: ['group'],
        wording: 'before',
        date: '2021-12-20',
      },
      {
        id: 'cell-meeting',
        title: 'Chi bộ họp kiểm điểm tập thể Cấp ủy Chi bộ và các đồng chí trong Cấp ủy; bỏ phiếu đánh giá, xếp loại chất lượng Chi bộ, đảng viên',
        event: 'cellResultsDecided',
        actorKinds: ['cell'],
        wording: 'on',
        date: '2021-12-20',
      },
      {
        id: 'dossier',
        title: 'Chi bộ hoàn tất hồ sơ kiểm điểm, đánh giá, xếp loại chất lượng và khen thưởng, gửi về đảng ủy cấp trên',
        event: 'dossierSubmitted',
        actorKinds: ['cell', 'baseCell'],
        wording: 'before',
        date: '2021-12-22',
      },
      {
        id: 'appraisal',
        title: 'Đảng ủy cấp trên thẩm định kết quả xếp loại chất lượng chi bộ và đảng viên',
        event: 'appraisalDone',
        actorKinds: ['baseCommittee', 'bloc'],
        wording: 'window',
        fromDate: '2021-12-23',
        date: '2021-12-29',
      },
    ],
  });

  // No plan of 2020 is in the stored material: the campaign carries its rulebook and rating date
  // only (the rating date is a demo assumption), which is what the comparison needs.
  const c2020 = Campaign.parse({ year: 2020, rulebookId: 'r2019', overlayIds: [], ratingDate: '2020-12-20', plans: [], milestones: [] });
  return [c2020, c2021];
}
