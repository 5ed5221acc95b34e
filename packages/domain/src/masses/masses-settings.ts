import { z } from 'zod';
import { DeadlineWording } from '../campaign';
import { DomainError } from '../errors/index';
import { LocalDate } from '../local-date';
import { ContractKind } from './non-member-staff';
import qd3054 from './data/qd3054-tra-vinh.json';

/** Vietnamese text as stored: NFC, with at least one letter. */
const VietnameseText = z
  .string()
  .min(1)
  .refine((s) => s === s.normalize('NFC'), 'Văn bản phải ở dạng Unicode NFC')
  .refine((s) => /\p{L}/u.test(s), 'Văn bản không có chữ');

/**
 * One parameter with where it comes from: the value, what it means in Vietnamese, the regulation
 * (and section) that sets it, and, where the text does not settle the reading, the reading taken.
 */
const sourced = <T extends z.ZodType>(value: T) =>
  z.strictObject({
    value,
    explanation: VietnameseText,
    source: z.string().min(1),
    interpretation: VietnameseText.optional(),
  });

const SourcedMilestone = z.strictObject({
  wording: DeadlineWording,
  date: LocalDate,
  explanation: VietnameseText,
  source: z.string().min(1),
});
export type SourcedMilestone = z.infer<typeof SourcedMilestone>;

export const massesMilestoneKeys = ['sessionsBy', 'baseReportBy', 'blocReportBy'] as const;
export type MassesMilestoneKey = (typeof massesMilestoneKeys)[number];

/**
 * A tenant's masses settings: self-criticism before the masses is a provincial rule (Trà Vinh's
 * QĐ 3054-QĐ/TU), not a national one, so a tenant has it only when it stores these settings — like
 * a rulebook overlay, data with sources. The milestones are the plan's dates for the year it was
 * issued; each year's review sets its own (`openMassesReview`).
 */
export const MassesSettings = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  kind: z.literal('massesRule'),
  title: VietnameseText,
  sources: z.array(z.string().min(1)).min(1),
  threshold: sourced(z.number().int().min(1).max(1000)),
  countedContracts: sourced(z.array(ContractKind).min(1)),
  longestSessionDays: sourced(z.number().int().min(1).max(7)),
  milestones: z.strictObject({
    sessionsBy: SourcedMilestone,
    baseReportBy: SourcedMilestone,
    blocReportBy: SourcedMilestone,
  }),
});
export type MassesSettings = z.infer<typeof MassesSettings>;

/** Reads settings supplied as data (shipped or a tenant's); errors are `MASSES_SETTINGS_INVALID` with zod's tree. */
export function parseMassesSettings(raw: unknown): MassesSettings {
  const parsed = MassesSettings.safeParse(raw);
  if (!parsed.success) {
    throw new DomainError('MASSES_SETTINGS_INVALID', 'Thiết lập tự phê bình trước quần chúng không hợp lệ.', z.treeifyError(parsed.error));
  }
  return parsed.data;
}

/** Trà Vinh's settings: QĐ 3054-QĐ/TU as Kế hoạch 03-KH/ĐUK (2020) carries it out. Parsed at load. */
export const traVinhMassesSettings: MassesSettings = parseMassesSettings(qd3054);

/**
 * A tenant's change to shipped settings (a later plan, another threshold): each changed parameter
 * names its own source, like an overlay's rule patch.
 */
export const MassesSettingsPatch = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  title: VietnameseText.optional(),
  sources: z.array(z.string().min(1)).optional(),
  threshold: MassesSettings.shape.threshold.optional(),
  countedContracts: MassesSettings.shape.countedContracts.optional(),
  longestSessionDays: MassesSettings.shape.longestSessionDays.optional(),
  milestones: MassesSettings.shape.milestones.partial().optional(),
});
export type MassesSettingsPatch = z.infer<typeof MassesSettingsPatch>;

export function withMassesPatch(base: MassesSettings, patch: MassesSettingsPatch): MassesSettings {
  const p = MassesSettingsPatch.parse(patch);
  return parseMassesSettings({
    ...base,
    id: p.id,
    title: p.title ?? base.title,
    sources: [...base.sources, ...(p.sources ?? [])],
    threshold: p.threshold ?? base.threshold,
    countedContracts: p.countedContracts ?? base.countedContracts,
    longestSessionDays: p.longestSessionDays ?? base.longestSessionDays,
    milestones: { ...base.milestones, ...p.milestones },
  });
}

/**
 * The door every masses use case goes through: a tenant without the rule sees none of it, so its
 * routes answer 404 rather than 403 (nothing to reveal).
 */
export function requireMassesSettings(settings: MassesSettings | null | undefined): MassesSettings {
  if (!settings) throw new DomainError('MASSES_NOT_ENABLED', 'Đơn vị không áp dụng quy định tự phê bình và phê bình trước quần chúng.');
  return settings;
}
