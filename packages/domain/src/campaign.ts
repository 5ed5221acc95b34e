import { z } from 'zod';
import { LocalDate } from './local-date';
import { UnitKind } from './unit-kind';
import { LocalOverlay } from './rulebook/local-overlay';
import { AppraisalLevels, defaultAppraisalLevels } from './appraisal-level';

/**
 * The event that completes a milestone (glossary: each milestone names the event that completes it;
 * its completion time is when that event was recorded).
 */
export const milestoneEvents = ['groupMeetingHeld', 'groupReportSent', 'cellResultsDecided', 'dossierSubmitted', 'appraisalDone'] as const;
export const MilestoneEvent = z.enum(milestoneEvents);
export type MilestoneEvent = z.infer<typeof MilestoneEvent>;

export const milestoneEventLabels: Record<MilestoneEvent, string> = {
  groupMeetingHeld: 'Tổ đảng họp kiểm điểm đảng viên (ghi nhận cuộc họp)',
  groupReportSent: 'Tổ đảng báo cáo kết quả kiểm điểm về chi ủy',
  cellResultsDecided: 'Chi bộ biểu quyết xếp loại chi bộ và đảng viên',
  dossierSubmitted: 'Gửi hồ sơ kiểm điểm, xếp loại lên cấp trên',
  appraisalDone: 'Cấp trên thẩm định xong kết quả xếp loại',
};

/**
 * How the plan words the deadline (glossary, Mốc thời gian): "trước ngày D" = done by the end of
 * D−1; "ngày D" and "chậm nhất (đến hết) ngày D" = by the end of D; "từ ngày A đến ngày B" = a
 * window from the start of A to the end of B.
 */
export const deadlineWordings = ['before', 'on', 'noLaterThan', 'window'] as const;
export const DeadlineWording = z.enum(deadlineWordings);
export type DeadlineWording = z.infer<typeof DeadlineWording>;

export const Milestone = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  event: MilestoneEvent,
  /** The kinds of unit expected to complete it (e.g. cells for "dossier to the base committee"). */
  actorKinds: z.array(UnitKind).min(1),
  wording: DeadlineWording,
  date: LocalDate,
  /** Start of a window (`window` only). */
  fromDate: LocalDate.nullable().default(null),
});
export type Milestone = z.infer<typeof Milestone>;

/** A plan in the cascade (Hướng dẫn / Kế hoạch số … ngày …). */
export const Plan = z.object({
  issuer: z.string().min(1),
  number: z.string().min(1),
  date: LocalDate,
  title: z.string().min(1),
  /** The unit that issued it, when it is in the tree. */
  unitId: z.string().nullable().default(null),
});
export type Plan = z.infer<typeof Plan>;

export const Campaign = z.object({
  year: z.number().int().min(2000).max(2100),
  rulebookId: z.string().min(1),
  overlayIds: z.array(z.string()).default([]),
  /** Default rating date; a unit may set its own meeting date. */
  ratingDate: LocalDate,
  plans: z.array(Plan).default([]),
  milestones: z.array(Milestone).default([]),
  /** Open campaigns follow the live tree; a closed one keeps the tree it was rated against and is read-only. */
  closedAt: z.string().nullable().default(null),
  /**
   * Created to hold results imported from an earlier year run outside the system (docs/uploads.md,
   * "Results of earlier years"): only imported units count in its roll-ups.
   */
  importedOnly: z.boolean().optional(),
  /** The province's own overlay, edited on the rulebook page (docs/rulebooks.md, "Local overlays"). */
  localOverlay: LocalOverlay.nullable().default(null),
  /** Which level decides each level's rating (appraisal-level.ts; HD 43-HD/BTCTW mục 3 by default). */
  appraisalLevels: AppraisalLevels.default(defaultAppraisalLevels),
});
export type Campaign = z.infer<typeof Campaign>;
