import { z } from 'zod';
import { formatVietnameseDate, LocalDate } from '../local-date';
import { FullName } from '../member';
import { Rating, ratingLabels } from '../rating';
import { appendixTitle, ChecklistItem, checklistTable } from './degradation-checklist';
import { identityLabels, roman, SIGN_HINT, selfReviewLabels } from './labels';
import { paragraph, text, toNfc, type Block, type DocumentModel, type Run } from './model';
import { PartyHeaderInput, partyHeaderBlock } from './party-header';
import { MassesInReview, massesInReviewBlocks } from './masses-in-review';
import {
  committeeReviewSections,
  memberReviewSections,
  SelfReviewSectionKey,
  selfReviewParts,
  type SelfReviewSection,
} from './self-review-sections';

const nfc = z.string().transform((s) => s.normalize('NFC').trim().replace(/[ \t]+/g, ' '));
const optionalText = nfc.pipe(z.string().max(300)).nullish();

export const SelfReviewInput = z.object({
  partyHeader: PartyHeaderInput,
  place: nfc.pipe(z.string().min(1).max(100)),
  date: LocalDate,
  year: z.number().int().min(2000).max(2100),
  member: z.object({
    fullName: FullName,
    birthDate: LocalDate.nullish(),
    /** A label as printed ("Bí thư", "Chi ủy viên"), not the enum. */
    partyPosition: optionalText,
    governmentPosition: optionalText,
    workplace: optionalText,
    cellName: nfc.pipe(z.string().min(1).max(200)),
    isCommitteeMember: z.boolean(),
  }),
  /** The member's own text per section; missing or blank prints dotted lines to fill by hand. */
  sections: z.partialRecord(SelfReviewSectionKey, z.string().max(20_000)).default({}),
  degradationChecklist: z.array(ChecklistItem).max(500).optional(),
  selfProposed: Rating.nullish(),
  /** Where the tenant has the masses rule: what the masses said about the member that year (R-MASS-12). */
  masses: MassesInReview.nullish(),
});
export type SelfReviewInput = z.input<typeof SelfReviewInput>;

/** Lines left for handwriting under an empty section. */
const FILL_LINES = 3;

/**
 * The member's self-review (Mẫu 2A) as a document model: party header, title, identity, every
 * section of the plan (the cấp ủy viên part only for committee members), remedies, the self-proposed
 * rating, the signature and the blocks the chi ủy and chi bộ fill in, and the 27-sign appendix when
 * a checklist is given.
 * @example renderDocx(buildSelfReview({ partyHeader, place: 'Trà Vinh', date: '2021-12-15', year: 2021, member, sections: {} }))
 */
export function buildSelfReview(raw: SelfReviewInput): DocumentModel {
  const input = SelfReviewInput.parse(raw);
  const { member, year } = input;
  const checklist = input.degradationChecklist ?? [];
  const write = (key: SelfReviewSectionKey | undefined): Block[] => {
    if (!key) return [];
    const summary = key === 'degradationSigns' && checklist.length > 0 ? [checklistSummary(checklist)] : [];
    return [...summary, ...body(input.sections[key])];
  };
  const blocks: Block[] = [
    partyHeaderBlock(input.partyHeader, input.place, input.date),
    {
      kind: 'title',
      lines: [text(selfReviewLabels.title, { bold: true }), text(`Năm ${year}`, { bold: true }), text(selfReviewLabels.form, { italic: true })],
    },
    ...identity(member),
  ];

  let part = 0;
  blocks.push({ kind: 'heading', level: 1, number: roman(++part), text: selfReviewParts.memberReview });
  blocks.push(...sectionBlocks(memberReviewSections, '', write));
  if (member.isCommitteeMember) {
    blocks.push({ kind: 'heading', level: 1, number: roman(++part), text: selfReviewParts.committeeReview });
    blocks.push(...sectionBlocks(committeeReviewSections, '', write));
  }
  blocks.push({ kind: 'heading', level: 1, number: roman(++part), text: selfReviewParts.remedies }, ...write('remedies'));
  blocks.push({ kind: 'heading', level: 1, number: roman(++part), text: selfReviewParts.selfRating });
  const ratingLead = text(`${selfReviewLabels.selfRatingLine} ${year}: `);
  blocks.push(
    input.selfProposed
      ? paragraph([ratingLead, text(ratingLabels[input.selfProposed], { bold: true })], { indent: true })
      : { kind: 'fillLines', count: 1, lead: [ratingLead] },
  );

  if (input.masses) blocks.push(...massesInReviewBlocks(input.masses));
  blocks.push({ kind: 'signatures', blocks: [{ title: selfReviewLabels.reviewer, hint: SIGN_HINT, name: member.fullName }] });
  blocks.push({ kind: 'title', lines: [text(selfReviewLabels.committeeComment, { bold: true })] });
  blocks.push({ kind: 'fillLines', count: 4 });
  blocks.push({ kind: 'signatures', blocks: [{ title: selfReviewLabels.committeeSigner, hint: SIGN_HINT }] });
  blocks.push({ kind: 'title', lines: [text(selfReviewLabels.cellRating, { bold: true })] });
  blocks.push({ kind: 'fillLines', count: 1, lead: [text(`${selfReviewLabels.cellRatingLine} ${year}: `)] });
  blocks.push({ kind: 'signatures', blocks: [{ title: selfReviewLabels.cellSigner, hint: SIGN_HINT }] });

  if (checklist.length > 0) {
    blocks.push(
      { kind: 'pageBreak' },
      {
        kind: 'title',
        lines: [
          text(appendixTitle(checklist.length), { bold: true }),
          text(`(Kèm theo Bản tự kiểm điểm năm ${year} của đồng chí ${member.fullName})`, { italic: true }),
        ],
      },
      checklistTable(checklist),
    );
  }
  return toNfc({ title: `${selfReviewLabels.title} năm ${year} — ${member.fullName}`, blocks });
}

function checklistSummary(items: readonly ChecklistItem[]): Block {
  const count = (a: ChecklistItem['answer']) => items.filter((i) => i.answer === a).length;
  return paragraph(
    `Kết quả tự liên hệ ${items.length} biểu hiện (chi tiết tại Phụ lục): có ${count('co')}; đã khắc phục ${count('daKhacPhuc')}; không có ${count('khong')}.`,
    { align: 'justify', indent: true },
  );
}

function identity(member: z.infer<typeof SelfReviewInput>['member']): Block[] {
  const line = (label: string, value: string | null | undefined): Block =>
    value ? paragraph([text(`${label}: `), text(value)], { indent: true }) : { kind: 'fillLines', count: 1, lead: [text(`${label}: `)] };
  return [
    paragraph([text(`${identityLabels.fullName}: `), text(member.fullName, { bold: true })], { indent: true }),
    line(identityLabels.birthDate, member.birthDate ? formatVietnameseDate(member.birthDate) : null),
    line(identityLabels.partyPosition, member.partyPosition),
    line(identityLabels.governmentPosition, member.governmentPosition),
    line(identityLabels.workplace, member.workplace),
    line(identityLabels.cellName, member.cellName),
  ];
}

function sectionBlocks(
  sections: readonly SelfReviewSection[],
  prefix: string,
  write: (key: SelfReviewSectionKey | undefined) => Block[],
): Block[] {
  return sections.flatMap((s, i) => {
    const number = `${prefix}${i + 1}`;
    const level = prefix ? 3 : 2;
    return [
      { kind: 'heading', level, number, text: s.heading } satisfies Block,
      ...(s.guidance ? [paragraph([text(s.guidance, { italic: true })], { align: 'justify', indent: true })] : []),
      ...write(s.key),
      ...sectionBlocks(s.children ?? [], `${number}.`, write),
    ];
  });
}

/** The member's text, one paragraph per line; blank lines are dropped, no text leaves room by hand. */
function body(value: string | undefined): Block[] {
  const lines = (value ?? '')
    .normalize('NFC')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  if (lines.length === 0) return [{ kind: 'fillLines', count: FILL_LINES }];
  return lines.map((l) => paragraph([text(l) satisfies Run], { align: 'justify', indent: true }));
}
