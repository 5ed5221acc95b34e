import { z } from 'zod';
import { formatVietnameseDate, LocalDate } from '../local-date';
import { FullName } from '../member';
import { Rating, ratingLabels } from '../rating';
import { compareVietnameseNames } from '../vietnamese-name';
import { minutesLabels, roman, SIGN_HINT } from './labels';
import { paragraph, text, toNfc, type Block, type DocumentModel } from './model';
import { PartyHeaderInput, partyHeaderBlock } from './party-header';

const nfc = z.string().transform((s) => s.normalize('NFC').trim().replace(/\s+/g, ' '));
const requiredText = nfc.pipe(z.string().min(1).max(300));
const optionalText = nfc.pipe(z.string().max(2000)).nullish();
const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

/** What was said at a meeting, by whom: printed under "Ý kiến thảo luận" of group and cell minutes. */
export const MinutesSpeaker = z.object({ fullName: FullName, summary: optionalText });

export const GroupMinutesInput = z.object({
  partyHeader: PartyHeaderInput,
  /** The cell the group belongs to, printed under the header ("Tổ đảng … — Chi bộ …"). */
  cellName: requiredText,
  place: requiredText,
  year: z.number().int().min(2000).max(2100),
  meeting: z.object({ date: LocalDate, startTime: Time, endTime: Time.nullish(), location: requiredText }),
  chair: z.object({ fullName: FullName }),
  clerk: z.object({ fullName: FullName }),
  members: z.array(z.object({ fullName: FullName, present: z.boolean(), absenceReason: optionalText, proposed: Rating.nullish(), comment: optionalText })).max(500),
  speakers: z.array(MinutesSpeaker).default([]),
});
export type GroupMinutesInput = z.input<typeof GroupMinutesInput>;

export function groupMinutesTitle(year: number): string {
  return `BIÊN BẢN HỌP TỔ ĐẢNG ĐÁNH GIÁ CHẤT LƯỢNG ĐẢNG VIÊN NĂM ${year}`;
}

/**
 * Minutes of the party group's meeting that reviews its members before the cell meets (KH Chi bộ
 * Bệnh viện Phổi 2021: each group meets, then reports to the chi ủy): time, place, chair and clerk,
 * attendance with the absentees' names, what was said, each member's proposed rating, signatures.
 */
export function buildGroupMinutes(raw: GroupMinutesInput): DocumentModel {
  const input = GroupMinutesInput.parse(raw);
  const { meeting, year } = input;
  const members = [...input.members].sort((a, b) => compareVietnameseNames(a.fullName, b.fullName));
  const absent = members.filter((m) => !m.present);
  let part = 0;
  const blocks: Block[] = [
    partyHeaderBlock(input.partyHeader, input.place, meeting.date),
    { kind: 'title', lines: ['BIÊN BẢN', 'HỌP TỔ ĐẢNG ĐÁNH GIÁ CHẤT LƯỢNG ĐẢNG VIÊN', `NĂM ${year}`].map((l) => text(l, { bold: true })) },
    paragraph([text('Chi bộ: ', { bold: true }), text(`${input.cellName}.`)], { indent: true }),
    paragraph([text('Thời gian: ', { bold: true }), text(`Vào lúc ${clock(meeting.startTime)}, ngày ${formatVietnameseDate(meeting.date)}.`)], { indent: true }),
    paragraph([text('Địa điểm: ', { bold: true }), text(`${meeting.location}.`)], { indent: true }),
    paragraph([text('Chủ trì: ', { bold: true }), text(`đồng chí ${input.chair.fullName}. `), text('Thư ký: ', { bold: true }), text(`đồng chí ${input.clerk.fullName}.`)], { indent: true }),
    paragraph(
      [text('Thành phần: ', { bold: true }), text(`tổng số đảng viên của tổ: ${members.length} đồng chí; có mặt: ${members.length - absent.length} đồng chí; vắng mặt: ${absent.length} đồng chí${absent.length > 0 ? ':' : '.'}`)],
      { indent: true },
    ),
    ...absent.map((m) => paragraph(`- Đồng chí ${m.fullName}${m.absenceReason ? ` (${m.absenceReason})` : ''};`, { indent: true })),
    { kind: 'heading', level: 1, number: roman(++part), text: 'Ý KIẾN THẢO LUẬN' },
    ...speakerBlocks(input.speakers),
    { kind: 'heading', level: 1, number: roman(++part), text: 'TỔ ĐẢNG ĐỀ XUẤT XẾP LOẠI ĐẢNG VIÊN' },
    {
      kind: 'table',
      columns: [
        { header: 'STT', width: 7, align: 'center' },
        { header: 'Họ và tên', width: 28 },
        { header: 'Tổ đảng đề xuất', width: 25, align: 'center' },
        { header: 'Nhận xét của tổ đảng', width: 40 },
      ],
      rows: members.map((m, i) => [
        { text: String(i + 1), align: 'center' },
        { text: m.fullName },
        { text: m.proposed ? ratingLabels[m.proposed] : '', align: 'center' },
        { text: m.comment ?? '' },
      ]),
    },
    paragraph(`Cuộc họp kết thúc vào lúc ${meeting.endTime ? clock(meeting.endTime) : '…… giờ …… phút'} cùng ngày. Biên bản đã được đọc lại trước tổ đảng và thông qua.`, { indent: true, align: 'justify' }),
    {
      kind: 'signatures',
      blocks: [
        { title: minutesLabels.clerk, hint: SIGN_HINT, name: input.clerk.fullName },
        { title: 'TỔ TRƯỞNG', hint: SIGN_HINT, name: input.chair.fullName },
      ],
    },
  ];
  return toNfc({ title: groupMinutesTitle(year), blocks });
}

/** One paragraph per speaker, in the order they spoke; "Không có ý kiến." when no one did. */
export function speakerBlocks(speakers: readonly z.infer<typeof MinutesSpeaker>[]): Block[] {
  if (speakers.length === 0) return [paragraph('Không có ý kiến.', { indent: true })];
  return speakers.map((s) => paragraph(`- Đồng chí ${s.fullName}${s.summary ? `: ${s.summary}` : ' phát biểu ý kiến.'}`, { indent: true, align: 'justify' }));
}

function clock(hhmm: string): string {
  const [h, m] = hhmm.split(':');
  return `${h} giờ ${m} phút`;
}
