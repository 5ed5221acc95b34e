import { campaignFromTemplate, UnitPlan, type Campaign, type PlanMilestone, type Unit } from '@kd/domain';

/**
 * The demo's live review: Vĩnh Long's 2026 campaign under the 2025 rules (QĐ 366-QĐ/TW, HD
 * 43-HD/BTCTW), in progress at the end of November 2026. The province's plan runs its milestones
 * from mid-November 2026 to mid-January 2027; the first ones are already due on 30/11/2026, so the
 * late-units page and the deadline reports have something to say. Numbers and dates are the demo's,
 * not a real plan's.
 */
export const DEMO_2026_YEAR = 2026;

export function demoCampaign2026(units: readonly Pick<Unit, 'id' | 'parentId'>[]): Campaign {
  const root = units.find((u) => u.parentId === null);
  return campaignFromTemplate({
    year: DEMO_2026_YEAR,
    plans: [
      {
        issuer: 'Ban Thường vụ Tỉnh ủy Vĩnh Long',
        number: '112-KH/TU',
        date: '2026-11-05',
        title: 'Kế hoạch kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng, đảng viên năm 2026',
        unitId: root?.id ?? null,
      },
    ],
    milestones: [
      { id: 'group-meeting', title: 'Các tổ đảng họp kiểm điểm đảng viên ở tổ', event: 'groupMeetingHeld', actorKinds: ['group'], wording: 'window', fromDate: '2026-11-16', date: '2026-11-22' },
      { id: 'group-report', title: 'Tổ đảng báo cáo kết quả kiểm điểm đảng viên về chi ủy', event: 'groupReportSent', actorKinds: ['group'], wording: 'before', date: '2026-11-25', fromDate: null },
      { id: 'cell-results', title: 'Chi bộ họp kiểm điểm, biểu quyết xếp loại chi bộ và đảng viên', event: 'cellResultsDecided', actorKinds: ['cell', 'baseCell'], wording: 'noLaterThan', date: '2026-11-28', fromDate: null },
      { id: 'dossier-submitted', title: 'Chi bộ gửi hồ sơ kiểm điểm, xếp loại lên cấp trên', event: 'dossierSubmitted', actorKinds: ['cell', 'baseCell'], wording: 'before', date: '2026-12-05', fromDate: null },
      { id: 'base-appraisal', title: 'Đảng ủy cơ sở thẩm định, quyết định xếp loại chi bộ và đảng viên', event: 'appraisalDone', actorKinds: ['baseCommittee'], wording: 'window', fromDate: '2026-12-07', date: '2026-12-18' },
      { id: 'upper-appraisal', title: 'Cấp ủy cấp trên trực tiếp cơ sở thẩm định, quyết định xếp loại tổ chức cơ sở đảng', event: 'appraisalDone', actorKinds: ['bloc'], wording: 'window', fromDate: '2026-12-21', date: '2027-01-15' },
    ],
  });
}

const pm = (milestoneId: string, wording: PlanMilestone['wording'], date: string, fromDate: string | null = null): PlanMilestone => ({ milestoneId, wording, date, fromDate });

/**
 * The plans adopted below the province: the bloc's guidance, each base committee's plan with its
 * own earlier dates inside the bloc's windows (HD 43-HD/BTCTW mục 3), and one cell's plan.
 */
export function demoUnitPlans2026(units: readonly Pick<Unit, 'id' | 'kind' | 'name' | 'parentId'>[]): UnitPlan[] {
  const adoptedAt = '2026-11-12T02:00:00.000Z';
  const plan = (unitId: string, issuer: string, number: string, date: string, milestones: PlanMilestone[]) =>
    UnitPlan.parse({ unitId, year: DEMO_2026_YEAR, rev: 1, adoptedAt, issuer, number, date, title: `Kế hoạch kiểm điểm, đánh giá, xếp loại chất lượng năm ${DEMO_2026_YEAR}`, milestones });
  const out: UnitPlan[] = [];
  for (const u of units.filter((x) => x.kind === 'bloc')) {
    out.push(plan(u.id, `Ban Thường vụ ${u.name}`, '41-HD/ĐUK', '2026-11-08', [pm('dossier-submitted', 'before', '2026-12-04'), pm('base-appraisal', 'window', '2026-12-16', '2026-12-07')]));
  }
  for (const u of units.filter((x) => x.kind === 'baseCommittee').slice(0, 2)) {
    out.push(plan(u.id, `Ban Thường vụ ${u.name}`, `${15 + out.length}-KH/ĐU`, '2026-11-10', [pm('cell-results', 'noLaterThan', '2026-11-27'), pm('dossier-submitted', 'before', '2026-12-03')]));
  }
  return out;
}
