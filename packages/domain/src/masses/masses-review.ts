import { z } from 'zod';
import { DeadlineWording } from '../campaign';
import { deadlineText } from '../deadline';
import { DomainError } from '../errors/index';
import { formatVietnameseDate, LocalDate, parts, toLocalDate } from '../local-date';
import { UnitKind } from '../unit-kind';
import { massesMilestoneKeys, type MassesMilestoneKey, type MassesSettings } from './masses-settings';

/** The event that completes each milestone of the masses review (its completion is when it was recorded). */
export const massesMilestoneEvents = ['massesSessionsDone', 'baseMassesReportSent', 'blocMassesReportSent'] as const;
export const MassesMilestoneEvent = z.enum(massesMilestoneEvents);
export type MassesMilestoneEvent = z.infer<typeof MassesMilestoneEvent>;

const eventOf: Record<MassesMilestoneKey, MassesMilestoneEvent> = {
  sessionsBy: 'massesSessionsDone',
  baseReportBy: 'baseMassesReportSent',
  blocReportBy: 'blocMassesReportSent',
};

const titles: Record<MassesMilestoneKey, string> = {
  sessionsBy: 'Hoàn thành việc tự phê bình và phê bình trước quần chúng',
  baseReportBy: 'Cấp ủy cơ sở báo cáo kết quả về Ban Thường vụ Đảng ủy Khối (qua Ban Tổ chức)',
  blocReportBy: 'Ban Tổ chức Đảng ủy Khối tổng hợp, báo cáo về trên',
};

/** Who completes each milestone: the units that hold sessions, the base organisations, the bloc's organising board. */
const actors: Record<MassesMilestoneKey, UnitKind[]> = {
  sessionsBy: ['baseCommittee', 'baseCell', 'subCommittee', 'cell'],
  baseReportBy: ['baseCommittee', 'baseCell'],
  blocReportBy: ['bloc'],
};

/**
 * A milestone of the masses review, shaped like a campaign milestone (same wording and dates, so
 * `milestoneWindow`, `isOnTime` and `deadlineText` apply) with its own event and its source.
 */
export const MassesMilestone = z.strictObject({
  id: z.enum(massesMilestoneKeys),
  title: z.string().min(1),
  event: MassesMilestoneEvent,
  actorKinds: z.array(UnitKind).min(1),
  wording: DeadlineWording,
  date: LocalDate,
  fromDate: LocalDate.nullable().default(null),
  source: z.string().min(1),
});
export type MassesMilestone = z.infer<typeof MassesMilestone>;

/** `POST /campaigns/{year}/masses`: the three dates of the year's plan. */
export const OpenMassesReviewBody = z.strictObject({
  sessionsBy: LocalDate,
  baseReportBy: LocalDate,
  blocReportBy: LocalDate,
});
export type OpenMassesReviewBody = z.infer<typeof OpenMassesReviewBody>;

export const MassesReview = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  settingsId: z.string().min(1),
  milestones: z.array(MassesMilestone).length(massesMilestoneKeys.length),
});
export type MassesReview = z.infer<typeof MassesReview>;

/**
 * The settings' dates moved to `year` (same day and month). The plan sets its dates each year; when
 * a year's plan gives none, keeping the day and month of Kế hoạch 03-KH/ĐUK (2020) is our reading, not the plan's.
 */
export function defaultMassesDates(settings: MassesSettings, year: number): OpenMassesReviewBody {
  const move = (d: LocalDate) => {
    const { month, day } = parts(d);
    return toLocalDate(year, month, day);
  };
  const m = settings.milestones;
  return { sessionsBy: move(m.sessionsBy.date), baseReportBy: move(m.baseReportBy.date), blocReportBy: move(m.blocReportBy.date) };
}

/**
 * Opens the year's masses review. The dates must follow the cascade: sessions done, then the base
 * committees' reports, then the bloc's (422 `MASSES_MILESTONES_OUT_OF_ORDER`), within the year
 * (422 `MASSES_MILESTONE_OUTSIDE_YEAR`).
 * @example openMassesReview(traVinhMassesSettings, 2020, { sessionsBy: '2020-11-15', baseReportBy: '2020-11-20', blocReportBy: '2020-11-30' })
 */
export function openMassesReview(settings: MassesSettings, year: number, raw: OpenMassesReviewBody = defaultMassesDates(settings, year)): MassesReview {
  const body = OpenMassesReviewBody.parse(raw);
  for (const key of massesMilestoneKeys) {
    if (parts(body[key]).year !== year) {
      throw new DomainError('MASSES_MILESTONE_OUTSIDE_YEAR', `Mốc ${formatVietnameseDate(body[key])} không thuộc năm ${year}.`, { field: key });
    }
  }
  if (!(body.sessionsBy <= body.baseReportBy && body.baseReportBy <= body.blocReportBy)) {
    throw new DomainError('MASSES_MILESTONES_OUT_OF_ORDER', 'Các mốc phải theo thứ tự: hoàn thành tự phê bình, rồi cấp ủy cơ sở báo cáo, rồi Đảng ủy Khối báo cáo về trên.',
      body,
    );
  }
  const milestones = massesMilestoneKeys.map((key) => {
    const from = settings.milestones[key];
    return MassesMilestone.parse({
      id: key,
      title: titles[key],
      event: eventOf[key],
      actorKinds: actors[key],
      wording: from.wording,
      date: body[key],
      source: from.source,
    });
  });
  return { year, settingsId: settings.id, milestones };
}

/** "Hoàn thành …: chậm nhất đến hết ngày 15/11/2020", as a page or a report lists it. */
export function massesMilestoneLine(m: MassesMilestone): string {
  return `${m.title}: ${deadlineText(m)}`;
}
