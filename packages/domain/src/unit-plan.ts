import { z } from 'zod';
import { DeadlineWording, Milestone } from './campaign';
import { deadlineText, milestoneWindow } from './deadline';
import { DomainError } from './errors/index';
import { LocalDate } from './local-date';

const text = (max: number) => z.string().transform((s) => s.normalize('NFC').trim()).pipe(z.string().min(1).max(max));

/** One milestone of the campaign as a level's plan sets it: its own dates, inside its parent's. */
export const PlanMilestone = z.object({
  milestoneId: z.string().min(1).max(100),
  wording: DeadlineWording,
  date: LocalDate,
  fromDate: LocalDate.nullable().default(null),
});
export type PlanMilestone = z.infer<typeof PlanMilestone>;

/**
 * A level's plan for the campaign (Kế hoạch số … ngày …): each level below the province — bloc or
 * commune, base committee, sub-committee, cell — adopts the plan of the level above with its own
 * dates inside its parent's windows (HD 43-HD/BTCTW mục 3; the plan of Chi bộ Bệnh viện Phổi in
 * 2021 is one such cell plan). A unit that adopts none follows its parent's.
 */
export const UnitPlanInput = z.object({
  issuer: text(300),
  number: text(100),
  date: LocalDate,
  title: text(500),
  milestones: z.array(PlanMilestone).max(50).default([]),
});
export type UnitPlanInput = z.infer<typeof UnitPlanInput>;

export const UnitPlan = UnitPlanInput.extend({
  unitId: z.string(),
  year: z.number().int(),
  rev: z.number().int().nonnegative(),
  adoptedAt: z.string(),
});
export type UnitPlan = z.infer<typeof UnitPlan>;

/**
 * The milestones in force for a unit: the campaign's, with each plan from the root down to the
 * unit (in that order) setting its own dates for the milestones it names.
 */
export function effectiveMilestones(campaign: { milestones: readonly Milestone[] }, plansDownToUnit: readonly Pick<UnitPlan, 'milestones'>[]): Milestone[] {
  return campaign.milestones.map((m) => {
    let current = m;
    for (const plan of plansDownToUnit) {
      const own = plan.milestones.find((p) => p.milestoneId === m.id);
      if (own) current = { ...current, wording: own.wording, date: own.date, fromDate: own.fromDate };
    }
    return current;
  });
}

/** Whether `inner` starts no earlier and is due no later than `outer`, read as the glossary reads the wordings. */
export function isInsideWindow(inner: Pick<Milestone, 'wording' | 'date' | 'fromDate'>, outer: Pick<Milestone, 'wording' | 'date' | 'fromDate'>): boolean {
  const i = milestoneWindow(inner);
  const o = milestoneWindow(outer);
  if (i.due.getTime() > o.due.getTime()) return false;
  if (o.opens === null) return true;
  return i.opens !== null && i.opens.getTime() >= o.opens.getTime();
}

/**
 * A plan's milestones checked against the parent's (422): each must name a milestone of the
 * campaign and lie inside the parent's window for it; the message names that window.
 */
export function checkPlanInsideParent(plan: Pick<UnitPlanInput, 'milestones'>, parent: { name: string; milestones: readonly Milestone[] }): void {
  const seen = new Set<string>();
  for (const own of plan.milestones) {
    const theirs = parent.milestones.find((m) => m.id === own.milestoneId);
    if (!theirs) throw new DomainError('PLAN_MILESTONE_UNKNOWN', `Đợt kiểm điểm không có mốc “${own.milestoneId}”.`, { milestoneId: own.milestoneId });
    if (seen.has(own.milestoneId)) throw new DomainError('PLAN_MILESTONE_UNKNOWN', `Mốc “${theirs.title}” có hai lần trong kế hoạch.`, { milestoneId: own.milestoneId });
    seen.add(own.milestoneId);
    if (own.wording === 'window' && own.fromDate !== null && own.fromDate > own.date) {
      throw new DomainError('PLAN_OUTSIDE_PARENT_WINDOW', `Mốc “${theirs.title}”: ngày bắt đầu sau ngày kết thúc.`, { milestoneId: own.milestoneId });
    }
    if (!isInsideWindow(own, theirs)) {
      throw new DomainError(
        'PLAN_OUTSIDE_PARENT_WINDOW',
        `Mốc “${theirs.title}” (${deadlineText(own)}) nằm ngoài khung thời gian của ${parent.name}: ${deadlineText(theirs)}.`,
        { milestoneId: own.milestoneId, parentWindow: deadlineText(theirs), parent: parent.name },
      );
    }
  }
}
