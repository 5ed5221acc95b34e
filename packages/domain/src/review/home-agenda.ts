import type { AppraisalStanding } from '../appraisal-level';
import { milestoneWindow } from '../deadline';
import { formatVietnameseDate, vietnamDateOf } from '../local-date';
import { compareText, compareVietnameseNames } from '../vietnamese-name';
import type { DossierState } from './workflow';
import type { MilestoneStatus } from './milestone-status';

/** How far ahead the home page looks for deadlines. */
export const HOME_DEADLINE_DAYS = 7;

export interface HomeUnit {
  readonly unitId: string;
  readonly name: string;
  /** The unit directly above: several cells share a name ("Chi bộ Văn phòng Sở"). */
  readonly parentName: string | null;
}

export interface HomeInput {
  readonly year: number;
  /** The caller's own unit; a member's is their cell. */
  readonly unit: HomeUnit;
  /** The caller's own dossier when its unit is rated as a collective. */
  readonly ownDossier: { readonly state: DossierState; readonly returnReason: string | null } | null;
  /** Dossiers below the caller, with where it stands towards each (empty for a cell or a member). */
  readonly below: readonly (HomeUnit & { readonly state: DossierState; readonly standing: AppraisalStanding; readonly returnReason: string | null })[];
  /** Cells the caller answers for (its own, or the ones it appraises), and whether their rating meeting is recorded for the minutes. */
  readonly cells: readonly (HomeUnit & { readonly meetingRecorded: boolean })[];
  /** Members whose self-review the caller answers for (a cell's members; a member alone). */
  readonly members: readonly { readonly memberId: string; readonly fullName: string; readonly written: boolean }[];
  readonly milestones: readonly MilestoneStatus[];
}

export type HomeItemKind = 'toAppraise' | 'deadline' | 'returned' | 'missingMinutes' | 'missingSelfReview';

export interface HomeEntry {
  readonly label: string;
  /** The unit above, or a date, or a reason. */
  readonly detail: string | null;
  readonly unitId: string;
  readonly memberId?: string;
  readonly overdue?: boolean;
}

export interface HomeItem {
  readonly kind: HomeItemKind;
  readonly title: string;
  readonly entries: readonly HomeEntry[];
}

export const homeItemTitles: Record<HomeItemKind, string> = {
  toAppraise: 'Hồ sơ chờ thẩm định',
  deadline: `Hạn trong ${HOME_DEADLINE_DAYS} ngày tới hoặc đã quá hạn`,
  returned: 'Hồ sơ bị trả lại',
  missingMinutes: 'Chưa ghi nhận cuộc họp chi bộ xếp loại (chưa lập được biên bản)',
  missingSelfReview: 'Chưa viết bản tự kiểm điểm',
};

const byName = (a: { label: string }, b: { label: string }) => compareText(a.label, b.label);
const byPerson = (a: { label: string }, b: { label: string }) => compareVietnameseNames(a.label, b.label);

/**
 * What needs the caller now, as the home page lists it: the dossiers it appraises that wait for it,
 * the milestones of its unit not yet met whose deadline falls in the next days (or has passed),
 * returned dossiers, cells whose rating meeting is not recorded, self-reviews not yet written.
 * Empty lists are left out; the order is the order of urgency.
 */
export function homeAgenda(input: HomeInput, now: Date): HomeItem[] {
  const horizon = now.getTime() + HOME_DEADLINE_DAYS * 86_400_000;
  const deadlines = input.milestones
    .filter((s) => s.applies && s.completedAt === null && milestoneWindow(s.milestone).due.getTime() <= horizon)
    .sort((a, b) => milestoneWindow(a.milestone).due.getTime() - milestoneWindow(b.milestone).due.getTime())
    .map((s) => ({ label: s.milestone.title, detail: s.overdue ? `quá hạn (${s.deadline})` : s.deadline, unitId: input.unit.unitId, overdue: s.overdue }));
  const mine = input.below.filter((d) => d.standing === 'appraiser');
  const unitEntry = (u: HomeUnit, detail?: string | null): HomeEntry => ({ label: u.name, detail: [u.parentName ? `trực thuộc ${u.parentName}` : null, detail ?? null].filter(Boolean).join(' — ') || null, unitId: u.unitId });
  const returned = [
    ...(input.ownDossier?.state === 'returned' ? [unitEntry(input.unit, input.ownDossier.returnReason ? `lý do: ${input.ownDossier.returnReason}` : null)] : []),
    ...mine.filter((d) => d.state === 'returned').map((d) => unitEntry(d, d.returnReason ? `lý do: ${d.returnReason}` : null)).sort(byName),
  ];
  const items: HomeItem[] = [
    { kind: 'toAppraise', title: homeItemTitles.toAppraise, entries: mine.filter((d) => d.state === 'submitted').map((d) => unitEntry(d)).sort(byName) },
    { kind: 'deadline', title: homeItemTitles.deadline, entries: deadlines },
    { kind: 'returned', title: homeItemTitles.returned, entries: returned },
    { kind: 'missingMinutes', title: homeItemTitles.missingMinutes, entries: input.cells.filter((c) => !c.meetingRecorded).map((c) => unitEntry(c)).sort(byName) },
    {
      kind: 'missingSelfReview',
      title: homeItemTitles.missingSelfReview,
      entries: input.members.filter((m) => !m.written).map((m) => ({ label: m.fullName, detail: null, unitId: input.unit.unitId, memberId: m.memberId })).sort(byPerson),
    },
  ];
  return items.filter((i) => i.entries.length > 0);
}

/** "Hôm nay 01/12/2026" as the home page dates itself (Asia/Ho_Chi_Minh). */
export function homeDateLine(now: Date): string {
  return `Hôm nay ${formatVietnameseDate(vietnamDateOf(now))}`;
}
