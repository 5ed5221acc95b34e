import { z } from 'zod';
import { formatVietnameseDate, LocalDate } from '../local-date';
import { FullName } from '../member';
import { Rating, ratingLabels, ratings } from '../rating';
import { ReviewForm, reviewFormInfo } from '../scoring/forms';
import { scoreText } from '../scoring/points';
import { identityLabels, SIGN_HINT, selfReviewLabels } from './labels';
import { paragraph, text, toNfc, type Block, type DocumentModel } from './model';
import { PartyHeaderInput, partyHeaderBlock } from './party-header';
import { ReviewSectionKey, reviewFormParts, reviewFormTitles, reviewSections, type ReviewSection } from './review-form-sections';

const nfc = z.string().transform((s) => s.normalize('NFC').trim().replace(/[ \t]+/g, ' '));
const optionalText = nfc.pipe(z.string().max(300)).nullish();

/** One scored line of part B, as a filled sheet gives it (`scoreSheet`). */
const ScoreLine = z.object({ group: z.enum(['I', 'II']), code: z.string(), text: nfc.pipe(z.string().min(1)), max: z.number().min(0), score: z.number().min(0).nullable() });

export const ReviewFormInput = z
  .object({
    form: ReviewForm,
    partyHeader: PartyHeaderInput,
    place: nfc.pipe(z.string().min(1).max(100)),
    date: LocalDate,
    year: z.number().int().min(2000).max(2100),
    /** The individual who reviews (Mẫu 2A, 2B, 2C). */
    member: z
      .object({ fullName: FullName, birthDate: LocalDate.nullish(), workplace: optionalText, cellName: nfc.pipe(z.string().min(1).max(200)) })
      .optional(),
    /** The collective that reports (Mẫu 01) and who signs for it. */
    collective: z
      .object({ name: nfc.pipe(z.string().min(1).max(200)), signerOnBehalfOf: nfc.pipe(z.string().min(1).max(200)), signerTitle: nfc.pipe(z.string().min(1).max(100)), signerName: optionalText })
      .optional(),
    /** The appendix part B refers to, when not the form's usual one (Phụ lục 2 for a centrally managed leader). */
    appendix: z.number().int().min(1).max(5).optional(),
    /** What the subject wrote per section; a blank section prints dotted lines to fill by hand. */
    sections: z.partialRecord(ReviewSectionKey, z.string().max(20_000)).default({}),
    /** The self-scoring sheet's lines and totals; absent, the scores print as "…" to fill by hand. */
    scoring: z.object({ lines: z.array(ScoreLine).max(200), general: z.number().min(0).max(30), tasks: z.number().min(0).max(70), total: z.number().min(0).max(100) }).nullish(),
    proposed: Rating.nullish(),
  })
  .refine((i) => (i.form === '01' ? i.collective !== undefined : i.member !== undefined), { message: 'Mẫu 01 cần tập thể; Mẫu 2A, 2B, 2C cần đảng viên' });
export type ReviewFormInput = z.input<typeof ReviewFormInput>;

const FILL_LINES = 3;

/**
 * A review form of HD 43-HD/BTCTW (Mẫu 01 for a collective, 2A/2B/2C for individuals) as a
 * document model: form code, party header, title, who reviews, part A with the form's sections,
 * part B with the scoring table by criterion (when a sheet is given), the totals on 30, 70 and 100
 * and the proposed level ticked, then the signature.
 *
 * @example renderDocx(buildReviewForm({ form: '2B', partyHeader, place: 'Trà Vinh', date: '2025-12-15', year: 2025, member, scoring, proposed: 'good' }))
 */
export function buildReviewForm(raw: ReviewFormInput): DocumentModel {
  const input = ReviewFormInput.parse(raw);
  const { form, year } = input;
  const info = reviewFormInfo[form];
  const titles = reviewFormTitles[form];
  const who = form === '01' ? input.collective!.name : input.member!.fullName;
  const blocks: Block[] = [
    paragraph([text(info.code, { italic: true })], { align: 'right' }),
    partyHeaderBlock(input.partyHeader, input.place, input.date),
    {
      kind: 'title',
      lines: [
        text(titles.title, { bold: true }),
        ...(form === '01' ? [text(input.collective!.name.toLocaleUpperCase('vi'), { bold: true })] : []),
        text(`Năm ${year}`, { bold: true }),
        ...(titles.subtitle ? [text(titles.subtitle, { italic: true })] : []),
      ],
    },
    ...(input.member ? identity(input.member) : []),
    { kind: 'heading', level: 1, text: reviewFormParts.review },
    ...reviewSections[form].flatMap((s) => section(s, 2, input.sections)),
    { kind: 'heading', level: 1, text: reviewFormParts.rating },
    ...partB(input),
    {
      kind: 'signatures',
      blocks: [
        form === '01'
          ? { onBehalfOf: input.collective!.signerOnBehalfOf, title: input.collective!.signerTitle, hint: SIGN_HINT, ...(input.collective!.signerName ? { name: input.collective!.signerName } : {}) }
          : { title: selfReviewLabels.reviewer, hint: SIGN_HINT, name: input.member!.fullName },
      ],
    },
  ];
  return toNfc({ title: `${titles.title} năm ${year} — ${who}`, blocks });
}

function identity(member: NonNullable<z.infer<typeof ReviewFormInput>['member']>): Block[] {
  const line = (label: string, value: string | null | undefined): Block =>
    value ? paragraph([text(`${label}: `), text(value)], { indent: true }) : { kind: 'fillLines', count: 1, lead: [text(`${label}: `)] };
  return [
    paragraph([text(`${identityLabels.fullName}: `), text(member.fullName, { bold: true })], { indent: true }),
    line(identityLabels.birthDate, member.birthDate ? formatVietnameseDate(member.birthDate) : null),
    line(identityLabels.workplace, member.workplace),
    line('Chi bộ', member.cellName),
  ];
}

function section(s: ReviewSection, level: 2 | 3, written: Partial<Record<ReviewSectionKey, string>>): Block[] {
  return [
    { kind: 'heading', level, number: s.number, text: s.heading },
    ...(s.guidance ? [paragraph([text(s.guidance, { italic: true })], { align: 'justify', indent: true })] : []),
    ...(s.key ? body(written[s.key]) : []),
    ...(s.children ?? []).flatMap((c) => section(c, 3, written)),
  ];
}

function body(value: string | undefined): Block[] {
  const lines = (value ?? '').normalize('NFC').split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
  if (lines.length === 0) return [{ kind: 'fillLines', count: FILL_LINES }];
  return lines.map((l) => paragraph([text(l)], { align: 'justify', indent: true }));
}

function partB(input: z.infer<typeof ReviewFormInput>): Block[] {
  const info = reviewFormInfo[input.form];
  const appendix = input.appendix ?? info.appendix;
  const scoring = input.scoring ?? null;
  const intro =
    input.form === '01'
      ? `Trên cơ sở cụ thể hoá khung tiêu chí đánh giá đối với tập thể được quy định tại Phụ lục ${appendix}, Quy định số 366-QĐ/TW, các tập thể tự đánh giá, chấm điểm theo các tiêu chí được cụ thể hóa như sau:`
      : `Trên cơ sở cụ thể hoá khung tiêu chí đánh giá đối với ${info.subjects} được quy định tại Phụ lục ${appendix}, Quy định 366-QĐ/TW, cá nhân tự đánh giá, chấm điểm theo các tiêu chí được cụ thể hóa như sau:`;
  const points = (value: number | null, max: number) => `${value === null ? '…' : scoreText(value)}/${max}`;
  const blocks: Block[] = [{ kind: 'heading', level: 2, number: 'I', text: reviewFormParts.criteria }, paragraph(intro, { align: 'justify', indent: true })];
  if (scoring && scoring.lines.length > 0) {
    blocks.push({
      kind: 'table',
      columns: [
        { header: 'Mã', width: 1.2, align: 'center' },
        { header: 'Tiêu chí', width: 6.6 },
        { header: 'Điểm tối đa', width: 2.1, align: 'center' },
        { header: 'Điểm tự chấm', width: 2.1, align: 'center' },
      ],
      rows: (['I', 'II'] as const).flatMap((group) => [
        [{ text: group === 'I' ? `I. ${reviewFormParts.general}` : `II. ${reviewFormParts.tasks}`, bold: true, colSpan: 2 }, { text: group === 'I' ? '30' : '70', bold: true }, { text: scoreText(group === 'I' ? scoring.general : scoring.tasks), bold: true }],
        ...scoring.lines.filter((l) => l.group === group).map((l) => [{ text: l.code }, { text: l.text }, { text: scoreText(l.max) }, { text: l.score === null ? '' : scoreText(l.score) }]),
      ]),
    });
  }
  blocks.push(
    paragraph(`1. ${reviewFormParts.general}: ${points(scoring?.general ?? null, 30)}`, { indent: true }),
    paragraph(`2. ${reviewFormParts.tasks}: ${points(scoring?.tasks ?? null, 70)}`, { indent: true }),
    paragraph([text(`${reviewFormParts.total}: ${points(scoring?.total ?? null, 100)}`, { bold: true })], { indent: true }),
    { kind: 'heading', level: 2, number: 'II', text: reviewFormParts.proposal },
    ...ratings.map((r) => paragraph(`${input.proposed === r ? '☒' : '☐'} ${ratingLabels[r]}`, { indent: true })),
  );
  if (input.form === '2B') {
    blocks.push(paragraph([text('(Gửi kèm Phụ lục về kết quả thực hiện nhiệm vụ trong đó thể hiện sản phẩm tiến độ, chất lượng cụ thể - theo hướng dẫn của các cấp uỷ, tổ chức đảng)', { italic: true })], { align: 'justify' }));
  }
  return blocks;
}
