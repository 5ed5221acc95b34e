import type { Milestone } from '../campaign';
import { deadlineText, milestoneWindow } from '../deadline';
import type { Unit } from '../unit';
import { completionStatus, countStatuses, type UnitCompletions } from './completion';
import type { MilestoneProgress, ReportContent, UnitProgress } from './report-content';
import type { TickKind } from './tick';
import { reportEventLabels, type ReportEvent, type ReportMilestone } from './report-event';

export interface ReportInput {
  tenant: string;
  board: Pick<Unit, 'id' | 'name' | 'kind' | 'path'>;
  /** The board's open subtree in path order (the board itself may be included; it is skipped). */
  subtree: readonly Pick<Unit, 'id' | 'name' | 'kind' | 'path' | 'foundedOn'>[];
  /** The year and its milestones: the campaign's, and the masses review's when the tenant has one. */
  campaign: { year: number; milestones: readonly ReportMilestone[] };
  completions: ReadonlyMap<string, UnitCompletions>;
  /** Events the system records; a milestone completed by another one shows "chưa ghi nhận". */
  recordable: ReadonlySet<ReportEvent>;
  /** Units a milestone does not concern, by milestone id (a workplace below the masses threshold holds no session). */
  notExpected?: ReadonlyMap<string, ReadonlySet<string>>;
  now: Date;
  tickId: string;
  trigger: TickKind;
  /**
   * The milestones in force for a unit when levels adopted plans of their own (unit-plan.ts);
   * without it every unit is judged by the campaign's dates.
   */
  milestonesOf?: (unitId: string) => readonly Milestone[];
}

/**
 * Completeness and timeliness for each milestone of the campaign, over the board's subtree:
 * which units were expected to act (the milestone's actor kinds), who did on time, late, who is
 * missing, in total and for each child of the board (each bloc for the province).
 */
export function buildReport(input: ReportInput): ReportContent {
  const { board } = input;
  const depth = board.path.length;
  const byId = new Map(input.subtree.map((u) => [u.id, u]));
  const below = input.subtree.filter((u) => u.id !== board.id && u.path[depth - 1] === board.id);
  const groupsInOrder = below.filter((u) => u.path.length === depth + 1);

  const ownOf = (unitId: string, m: ReportMilestone): ReportMilestone => input.milestonesOf?.(unitId).find((x) => x.id === m.id) ?? m;
  const milestones: MilestoneProgress[] = input.campaign.milestones.map((campaignMilestone) => {
    // The board's own dates head the milestone; each unit is judged by the dates in force for it.
    const m = ownOf(board.id, campaignMilestone);
    const due = milestoneWindow(m).due;
    const recordable = input.recordable.has(m.event);
    const exempt = input.notExpected?.get(m.id);
    const expected = below.filter((u) => m.actorKinds.includes(u.kind) && (!u.foundedOn || u.foundedOn < ownOf(u.id, m).date) && !exempt?.has(u.id));
    const units: UnitProgress[] = expected.map((u) => {
      const group = byId.get(u.path[depth]!) ?? u;
      const parentId = u.path[u.path.length - 2]!;
      const completedAt = input.completions.get(u.id)?.[m.event] ?? null;
      return {
        unitId: u.id,
        name: u.name,
        kind: u.kind,
        groupId: group.id,
        groupName: group.name,
        parentId,
        parentName: (parentId === board.id ? board : byId.get(parentId))?.name ?? group.name,
        status: completionStatus(ownOf(u.id, m), completedAt, input.now, recordable),
        completedAt: completedAt && new Date(completedAt).getTime() <= input.now.getTime() ? completedAt : null,
      };
    });
    const groups = groupsInOrder
      .map((g) => ({ unitId: g.id, name: g.name, kind: g.kind, counts: countStatuses(units.filter((u) => u.groupId === g.id).map((u) => u.status)) }))
      .filter((g) => g.counts.expected > 0);
    return {
      milestoneId: m.id,
      title: m.title,
      event: m.event,
      eventLabel: reportEventLabels[m.event],
      deadline: deadlineText(m),
      dueAt: due.toISOString(),
      passed: input.now.getTime() >= due.getTime(),
      recordable,
      counts: countStatuses(units.map((u) => u.status)),
      groups,
      units,
    };
  });

  return {
    tenant: input.tenant,
    board: { unitId: board.id, name: board.name, kind: board.kind },
    year: input.campaign.year,
    asOf: input.now.toISOString(),
    tickId: input.tickId,
    trigger: input.trigger,
    milestones,
  };
}
