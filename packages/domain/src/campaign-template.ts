import { z } from 'zod';
import { Campaign, DeadlineWording, Milestone, MilestoneEvent, Plan } from './campaign';
import { DomainError } from './errors/index';
import type { LocalDate } from './local-date';
import { baseRulebook, baseRulebookIdForYear } from './rulebook/catalogue';
import { UnitKind } from './unit-kind';
import r2019 from './campaign-templates/r2019.json';
import r2023 from './campaign-templates/r2023.json';
import r2025 from './campaign-templates/r2025.json';

/**
 * A regime's template of milestones per level, as data with its source: what a province's new
 * campaign starts from. Dates are month-day of the campaign's year (`yearOffset` 1 for January of
 * the next year); each level then narrows them in its own plan (unit-plan.ts).
 */
const TemplateMilestone = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  title: z.string().min(1),
  event: MilestoneEvent,
  actorKinds: z.array(UnitKind).min(1),
  wording: DeadlineWording,
  monthDay: z.string().regex(/^\d\d-\d\d$/),
  fromMonthDay: z.string().regex(/^\d\d-\d\d$/).optional(),
  yearOffset: z.number().int().min(0).max(1),
});

export const CampaignTemplate = z.strictObject({
  rulebookId: z.string(),
  title: z.string().min(1),
  source: z.string().min(1),
  explanation: z.string().min(1),
  /** A reading of ours where the source is silent (docs/rulebooks.md, "Interpretations"). */
  interpretation: z.string().min(1).optional(),
  milestones: z.array(TemplateMilestone).min(1),
});
export type CampaignTemplate = z.infer<typeof CampaignTemplate>;

const templates = new Map<string, CampaignTemplate>([r2019, r2023, r2025].map((raw) => {
  const t = CampaignTemplate.parse(raw);
  return [t.rulebookId, t];
}));

export function campaignTemplate(rulebookId: string): CampaignTemplate {
  const t = templates.get(rulebookId);
  if (!t) throw new DomainError('RULEBOOK_NOT_FOUND', `Không có khung kế hoạch cho bộ quy tắc ${rulebookId}.`);
  return t;
}

/** The template's milestones placed in a year. */
export function templateMilestones(template: CampaignTemplate, year: number): Milestone[] {
  const at = (monthDay: string, offset: number) => `${year + offset}-${monthDay}` as LocalDate;
  return template.milestones.map((m) =>
    Milestone.parse({
      id: m.id,
      title: m.title,
      event: m.event,
      actorKinds: m.actorKinds,
      wording: m.wording,
      date: at(m.monthDay, m.yearOffset),
      fromDate: m.fromMonthDay ? at(m.fromMonthDay, m.yearOffset) : null,
    }),
  );
}

const nfc = (s: string) => s.normalize('NFC').trim();

/** What the province gives when it opens a campaign; everything but the year has a default. */
export const NewCampaign = z.object({
  year: z.number().int().min(2000).max(2100),
  rulebookId: z.string().min(1).optional(),
  ratingDate: z.iso.date().optional(),
  overlayIds: z.array(z.string().min(1)).optional(),
  plans: z.array(Plan).optional(),
  milestones: z.array(Milestone).optional(),
});
export type NewCampaign = z.infer<typeof NewCampaign>;

/**
 * A new campaign: the regime in force that year unless another one whose years include it is
 * chosen (422 RULEBOOK_NOT_IN_FORCE otherwise), the regime's default rating day and its template
 * of milestones unless given.
 */
export function campaignFromTemplate(input: NewCampaign): Campaign {
  const rulebookId = input.rulebookId ?? baseRulebookIdForYear(input.year);
  if (!rulebookId) throw new DomainError('RULEBOOK_NOT_IN_FORCE', `Không có bộ quy tắc nào áp dụng cho năm ${input.year}.`, { year: input.year });
  const book = baseRulebook(rulebookId);
  if (input.year < book.years.from || (book.years.to !== null && input.year > book.years.to)) {
    const span = book.years.to === null ? `từ năm ${book.years.from}` : `từ năm ${book.years.from} đến năm ${book.years.to}`;
    throw new DomainError('RULEBOOK_NOT_IN_FORCE', `Bộ quy tắc ${book.title} áp dụng ${span}, không áp dụng cho năm ${input.year}.`, { rulebookId, years: book.years });
  }
  return Campaign.parse({
    year: input.year,
    rulebookId,
    overlayIds: input.overlayIds ?? [],
    ratingDate: input.ratingDate ?? `${input.year}-${book.defaultRatingDay}`,
    // The plans' and milestones' words are stored NFC like every other text (docs/api.md, "Conventions").
    plans: (input.plans ?? []).map((p) => ({ ...p, issuer: nfc(p.issuer), number: nfc(p.number), title: nfc(p.title) })),
    milestones: (input.milestones ?? templateMilestones(campaignTemplate(rulebookId), input.year)).map((m) => ({ ...m, title: nfc(m.title) })),
    closedAt: null,
  });
}
