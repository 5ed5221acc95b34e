import { z } from 'zod';
import { OverrideCircumstance, type OverrideCircumstance as Circumstance } from '../rulebook/check-vocabulary';

export { OverrideCircumstance, overrideCircumstances } from '../rulebook/check-vocabulary';

/** The circumstances QĐ 366-QĐ/TW Điều 11 lets the competent level weigh, as forms and pages print them. */
export const overrideCircumstanceLabels: Record<Circumstance, string> = {
  forceMajeure: 'Nguyên nhân bất khả kháng',
  selfReportedRemedied: 'Tự phát hiện, tự báo cáo và chủ động khắc phục kịp thời vi phạm',
};

const text = (max: number) =>
  z
    .string()
    .transform((s) => s.normalize('NFC').trim().replace(/\s+/g, ' '))
    .pipe(z.string().min(3, 'Cần ghi rõ lý do').max(max));

/**
 * The appraising level's statement when it rates a member above what the rules allow
 * (QĐ 366-QĐ/TW Điều 11): who decides, the circumstance the regulation names, and the reason in its own words.
 */
export const Override = z.object({
  /** The appraising unit (or person) that decides, as the audit and the evaluation show it. */
  by: z.string().trim().min(1).max(200),
  circumstance: OverrideCircumstance,
  reason: text(2000),
});
export type Override = z.infer<typeof Override>;

/** What an evaluation shows when an override set its `final` (`{by, reason}`, plus the circumstance). */
export const OverrideView = z.object({ by: z.string(), reason: z.string(), circumstance: OverrideCircumstance });
export type OverrideView = z.infer<typeof OverrideView>;
