import { z } from 'zod';
import { MilestoneEvent, milestoneEventLabels, type Milestone } from '../campaign';
import { MassesMilestoneEvent, type MassesMilestoneEvent as MassesEvent } from '../masses/masses-review';

/**
 * The events a deadline report follows: the campaign's milestones, and — for a tenant with the
 * masses rule — the masses review's (sessions held, base committees' and the bloc's reports).
 */
export const ReportEvent = z.union([MilestoneEvent, MassesMilestoneEvent]);
export type ReportEvent = z.infer<typeof ReportEvent>;

const massesEventLabels: Record<MassesEvent, string> = {
  massesSessionsDone: 'Tổ chức xong buổi tự phê bình trước quần chúng (biên bản đủ ba chữ ký)',
  baseMassesReportSent: 'Cấp ủy cơ sở gửi báo cáo kết quả tự phê bình trước quần chúng',
  blocMassesReportSent: 'Ban Tổ chức Đảng ủy Khối gửi báo cáo tổng hợp tự phê bình trước quần chúng',
};

export const reportEventLabels: Record<ReportEvent, string> = { ...milestoneEventLabels, ...massesEventLabels };

/** A milestone as a report reads it: a campaign's, or the masses review's (same wording and dates). */
export type ReportMilestone = Pick<Milestone, 'id' | 'title' | 'actorKinds' | 'wording' | 'date' | 'fromDate'> & { event: ReportEvent };
