import { formatVietnameseDate, type LocalDate } from '../local-date';
import { collectiveReviewHeadings, collectiveReviewSectionKeys, type CollectiveReview } from '../review/collective-review';
import type { ReviewPrompt } from '../review/review-prompt';
import { SIGN_HINT } from './labels';
import { paragraph, text, toNfc, type Block, type DocumentModel } from './model';
import { partyHeaderBlock, type PartyHeaderInput } from './party-header';

/**
 * The collective review of seed 000's regime (Mẫu 1A, Báo cáo kiểm điểm tập thể chi ủy): the
 * plan's nine headings with what the unit wrote (dotted lines where it wrote nothing), the upper
 * level's review prompts with the unit's answers under heading 9, where the draft's comments came
 * from, and the secretary's signature.
 */
export function buildCollectiveReviewDoc(input: {
  partyHeader: PartyHeaderInput;
  place: string;
  date: LocalDate;
  year: number;
  unitName: string;
  review: Pick<CollectiveReview, 'sections' | 'draftCirculatedOn' | 'commentSources'>;
  prompts: readonly Pick<ReviewPrompt, 'text' | 'answer' | 'fromUnitName'>[];
  secretaryName: string | null;
}): DocumentModel {
  const blocks: Block[] = [
    partyHeaderBlock(input.partyHeader, input.place, input.date),
    { kind: 'title', lines: [text('BÁO CÁO', { bold: true }), text(`KIỂM ĐIỂM TẬP THỂ CHI ỦY ${input.unitName.toLocaleUpperCase('vi')} NĂM ${input.year}`, { bold: true }), text('(Mẫu 1A)', { italic: true })] },
    ...collectiveReviewSectionKeys.flatMap((key, i): Block[] => {
      const written = input.review.sections[key];
      const heading: Block = { kind: 'heading', level: 2, number: String(i + 1), text: collectiveReviewHeadings[key] };
      const body: Block[] = written ? written.split(/\n+/).map((line) => paragraph(line, { indent: true, align: 'justify' })) : [{ kind: 'fillLines', count: 3 }];
      const prompts: Block[] = key === 'reviewPrompts' ? input.prompts.flatMap((p) => [paragraph([text(`Gợi ý của ${p.fromUnitName}: `, { bold: true }), text(p.text)], { indent: true, align: 'justify' }), paragraph([text('Giải trình: ', { bold: true }), text(p.answer ?? '(chưa giải trình)')], { indent: true, align: 'justify' })]) : [];
      return [heading, ...(key === 'reviewPrompts' && input.prompts.length > 0 && !written ? [] : body), ...prompts];
    }),
    ...(input.review.draftCirculatedOn ? [paragraph([text(`Dự thảo đã gửi đến người dự họp ngày ${formatVietnameseDate(input.review.draftCirculatedOn)}.`, { italic: true })], { indent: true })] : []),
    ...(input.review.commentSources ? [paragraph([text(`Đã lấy ý kiến góp ý của: ${input.review.commentSources}.`, { italic: true })], { indent: true })] : []),
    { kind: 'signatures', blocks: [{ onBehalfOf: 'T/M CHI ỦY', title: 'BÍ THƯ', hint: SIGN_HINT, ...(input.secretaryName ? { name: input.secretaryName } : {}) }] },
  ];
  return toNfc({ title: `Báo cáo kiểm điểm tập thể năm ${input.year}`, blocks });
}
