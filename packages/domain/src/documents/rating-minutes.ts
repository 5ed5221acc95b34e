import { z } from 'zod';
import { formatVietnameseDate, LocalDate } from '../local-date';
import { FullName } from '../member';
import { Rating, ratingAbbreviations, ratingLabels, ratings } from '../rating';
import { compareVietnameseNames } from '../vietnamese-name';
import { minutesLabels, roman, SIGN_HINT } from './labels';
import { paragraph, text, toNfc, type Block, type DocumentModel, type TableCell } from './model';
import { MinutesNotRatedReason, minutesNotRatedReasonLabels } from './not-rated-reason';
import { PartyHeaderInput, partyHeaderBlock } from './party-header';
import { MinutesSpeaker, speakerBlocks } from './group-minutes';

const nfc = z.string().transform((s) => s.normalize('NFC').trim().replace(/\s+/g, ' '));
const requiredText = nfc.pipe(z.string().min(1).max(300));
const optionalText = nfc.pipe(z.string().max(1000)).nullish();
const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Giờ phải có dạng HH:MM');
const Count = z.number().int().nonnegative();

const Person = z.object({ fullName: FullName, position: optionalText });

export const MinutesMember = z
  .object({
    fullName: FullName,
    selfProposed: Rating.nullish(),
    groupProposed: Rating.nullish(),
    votesFor: Count.nullish(),
    decided: Rating.nullish(),
    notRated: MinutesNotRatedReason.nullish(),
    note: optionalText,
  })
  .refine((m) => !(m.decided && m.notRated), { message: 'Đảng viên đã được xếp loại thì không ghi lý do không xếp loại', path: ['notRated'] });

export const RatingMinutesInput = z.object({
  partyHeader: PartyHeaderInput,
  place: requiredText,
  year: z.number().int().min(2000).max(2100),
  meeting: z.object({ date: LocalDate, startTime: Time, endTime: Time.nullish(), location: requiredText }),
  chair: Person,
  clerk: Person,
  attendance: z
    .object({
      totalMembers: Count,
      officialMembers: Count,
      present: Count,
      absentees: z.array(z.object({ fullName: FullName, reason: optionalText })).default([]),
    })
    .refine((a) => a.officialMembers <= a.totalMembers, { message: 'Số đảng viên chính thức không thể lớn hơn tổng số', path: ['officialMembers'] })
    .refine((a) => a.present + a.absentees.length === a.totalMembers, { message: 'Số có mặt cộng số vắng mặt phải bằng tổng số đảng viên', path: ['present'] }),
  /** Official members present who vote; printed as the denominator of each vote. */
  voters: Count.nullish(),
  guests: z.array(requiredText).default([]),
  collective: z.object({ rating: Rating.nullish(), votesFor: Count.nullish() }).default({}),
  members: z.array(MinutesMember).max(2000),
  /** Who spoke, in order; printed under "Ý kiến thảo luận" when the meeting's record lists them. */
  speakers: z.array(MinutesSpeaker).default([]),
});
export type RatingMinutesInput = z.input<typeof RatingMinutesInput>;
type Parsed = z.infer<typeof RatingMinutesInput>;
type Member = Parsed['members'][number];

export function ratingMinutesTitle(year: number): string {
  return `BIÊN BẢN HỌP CHI BỘ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM ${year}`;
}

export const ratingMinutesParts = {
  discussion: 'Ý KIẾN THẢO LUẬN',
  collective: 'ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG CHI BỘ',
  members: 'ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN',
  notRated: 'ĐẢNG VIÊN KHÔNG XẾP LOẠI, CHƯA XẾP LOẠI',
  totals: 'TỔNG HỢP KẾT QUẢ',
} as const;

export const ratingMinutesColumns = ['STT', 'Họ và tên', 'Tự xếp loại', 'Tổ đảng đề xuất', 'Số phiếu tán thành', 'Chi bộ xếp loại', 'Ghi chú'] as const;

/**
 * Minutes of the cell meeting that votes the year's ratings: time, place, chair and clerk,
 * attendance, the cell's own rating, one row per member in Vietnamese name order, those not rated
 * and why, totals per level, and the signatures.
 * @example renderDocx(buildRatingMinutes({ partyHeader, place: 'Trà Vinh', year: 2021, meeting, chair, clerk, attendance, members }))
 */
export function buildRatingMinutes(raw: RatingMinutesInput): DocumentModel {
  const input = RatingMinutesInput.parse(raw);
  const { year, meeting, attendance } = input;
  const members = [...input.members].sort((a, b) => compareVietnameseNames(a.fullName, b.fullName));
  const reasonOf = (m: Member) => (m.decided ? null : (m.notRated ?? 'notYetRated'));
  const votes = (n: number | null | undefined) => (n == null ? '' : input.voters != null ? `${n}/${input.voters}` : String(n));
  let part = 0;

  const blocks: Block[] = [
    partyHeaderBlock(input.partyHeader, input.place, meeting.date),
    // Printed as "BIÊN BẢN" over the subject and the year, as minutes usually are; read together they are ratingMinutesTitle.
    {
      kind: 'title',
      lines: ['BIÊN BẢN', 'HỌP CHI BỘ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN', `NĂM ${year}`].map((l) => text(l, { bold: true })),
    },
    labelled('Thời gian', `Vào lúc ${clock(meeting.startTime)}, ngày ${formatVietnameseDate(meeting.date)}.`),
    labelled('Địa điểm', `${meeting.location}.`),
    labelled('Chủ trì', `đồng chí ${person(input.chair)}.`),
    labelled('Thư ký', `đồng chí ${person(input.clerk)}.`),
    ...(input.guests.length > 0 ? [labelled('Đại biểu dự', `${input.guests.join('; ')}.`)] : []),
    labelled(
      'Thành phần',
      `tổng số đảng viên của chi bộ: ${attendance.totalMembers} đồng chí (chính thức: ${attendance.officialMembers}; dự bị: ${attendance.totalMembers - attendance.officialMembers}); có mặt: ${attendance.present} đồng chí; vắng mặt: ${attendance.absentees.length} đồng chí${attendance.absentees.length > 0 ? ':' : '.'}`,
    ),
    ...[...attendance.absentees]
      .sort((a, b) => compareVietnameseNames(a.fullName, b.fullName))
      .map((a) => paragraph(`- Đồng chí ${a.fullName}${a.reason ? ` (${a.reason})` : ''};`, { indent: true })),

    ...(input.speakers.length > 0 ? [{ kind: 'heading', level: 1, number: roman(++part), text: ratingMinutesParts.discussion } as const, ...speakerBlocks(input.speakers)] : []),
    { kind: 'heading', level: 1, number: roman(++part), text: ratingMinutesParts.collective },
    input.collective.rating
      ? paragraph(
          [
            text(`Chi bộ tự đánh giá, xếp loại chất lượng năm ${year}: `),
            text(ratingLabels[input.collective.rating], { bold: true }),
            text(input.collective.votesFor != null ? ` (số phiếu tán thành: ${votes(input.collective.votesFor)}).` : '.'),
          ],
          { indent: true, align: 'justify' },
        )
      : { kind: 'fillLines', count: 1, lead: [text(`Chi bộ tự đánh giá, xếp loại chất lượng năm ${year}: `)] },

    { kind: 'heading', level: 1, number: roman(++part), text: ratingMinutesParts.members },
    paragraph('Chi bộ biểu quyết đánh giá, xếp loại chất lượng từng đảng viên, kết quả như sau:', { indent: true, align: 'justify' }),
    {
      kind: 'table',
      columns: ratingMinutesColumns.map((header, i) => ({ header, width: [7, 24, 14, 14, 11, 14, 16][i] ?? 10, align: i === 1 || i === 6 ? 'left' : 'center' })),
      rows: members.map((m, i): TableCell[] => {
        const reason = reasonOf(m);
        return [
          { text: String(i + 1), align: 'center' },
          { text: m.fullName },
          { text: abbreviation(m.selfProposed), align: 'center' },
          { text: abbreviation(m.groupProposed), align: 'center' },
          { text: votes(m.votesFor), align: 'center' },
          { text: m.decided ? abbreviation(m.decided) : '—', align: 'center', bold: Boolean(m.decided) },
          { text: [reason ? minutesNotRatedReasonLabels[reason] : null, m.note].filter(Boolean).join('; ') },
        ];
      }),
    },
    paragraph([text(`Ghi chú: ${ratings.map((r) => `${abbreviation(r)}: ${ratingLabels[r]}`).join('; ')}.`, { italic: true })], { align: 'justify' }),

    { kind: 'heading', level: 1, number: roman(++part), text: ratingMinutesParts.notRated },
    ...notRatedList(members, reasonOf),

    { kind: 'heading', level: 1, number: roman(++part), text: ratingMinutesParts.totals },
    ...totals(members, reasonOf),

    paragraph(
      `Cuộc họp kết thúc vào lúc ${meeting.endTime ? clock(meeting.endTime) : '…… giờ …… phút'} cùng ngày. Biên bản đã được đọc lại trước chi bộ và thông qua.`,
      { indent: true, align: 'justify' },
    ),
    {
      kind: 'signatures',
      blocks: [
        { title: minutesLabels.clerk, hint: SIGN_HINT, name: input.clerk.fullName },
        { title: minutesLabels.chair, hint: SIGN_HINT, name: input.chair.fullName },
      ],
    },
  ];
  return toNfc({ title: ratingMinutesTitle(year), blocks });
}

function labelled(label: string, value: string): Block {
  return paragraph([text(`${label}: `, { bold: true }), text(value)], { indent: true, align: 'justify' });
}

function clock(hhmm: string): string {
  const [h, m] = hhmm.split(':');
  return `${h} giờ ${m} phút`;
}

function person(p: { fullName: string; position?: string | null }): string {
  return p.position ? `${p.fullName}, ${p.position}` : p.fullName;
}

function abbreviation(r: Rating | null | undefined): string {
  return r ? (ratingAbbreviations[r][0] ?? ratingLabels[r]) : '';
}

function notRatedList(members: Member[], reasonOf: (m: Member) => MinutesNotRatedReason | null): Block[] {
  const rows = members.filter((m) => reasonOf(m) !== null);
  if (rows.length === 0) return [paragraph('Không có.', { indent: true })];
  return rows.map((m) => {
    const reason = reasonOf(m);
    return paragraph(`- Đồng chí ${m.fullName}: ${reason ? minutesNotRatedReasonLabels[reason].toLocaleLowerCase('vi') : ''}${m.note ? ` (${m.note})` : ''}.`, {
      indent: true,
    });
  });
}

/** Counts per level over the members rated at this meeting; percentages of that number. */
function totals(members: Member[], reasonOf: (m: Member) => MinutesNotRatedReason | null): Block[] {
  const rated = members.filter((m) => m.decided);
  const notRated = members.length - rated.length;
  return [
    paragraph(`Tổng số đảng viên được đánh giá, xếp loại: ${rated.length}/${members.length} đồng chí; trong đó:`, { indent: true }),
    ...ratings.map((r) => {
      const n = rated.filter((m) => m.decided === r).length;
      return paragraph(`- ${ratingLabels[r]}: ${n} đồng chí (${percent(n, rated.length)}).`, { indent: true });
    }),
    paragraph(`Không xếp loại, chưa xếp loại: ${notRated} đồng chí${notRated > 0 ? ` (${breakdown(members, reasonOf)})` : ''}.`, { indent: true }),
  ];
}

function breakdown(members: Member[], reasonOf: (m: Member) => MinutesNotRatedReason | null): string {
  const counts = new Map<MinutesNotRatedReason, number>();
  for (const m of members) {
    const r = reasonOf(m);
    if (r) counts.set(r, (counts.get(r) ?? 0) + 1);
  }
  return [...counts].map(([r, n]) => `${minutesNotRatedReasonLabels[r].toLocaleLowerCase('vi')}: ${n}`).join('; ');
}

/** "16,7%": one decimal, Vietnamese decimal comma. */
export function percent(part: number, whole: number): string {
  if (whole === 0) return '0%';
  const tenths = Math.round((part * 1000) / whole);
  return `${Math.trunc(tenths / 10)}${tenths % 10 === 0 ? '' : `,${tenths % 10}`}%`;
}
