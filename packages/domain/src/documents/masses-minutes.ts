import { z } from 'zod';
import { formatVietnameseDate, toVietnamIso, vietnamDateOf } from '../local-date';
import { FullName, MemberId } from '../member';
import { CommentHeading, commentPlace, CommentKind } from '../masses/comment-form';
import { CommentChannel, commentChannelLabels } from '../masses/comment';
import { massesAgenda } from '../masses/masses-agenda';
import { compareVietnameseNames } from '../vietnamese-name';
import { minutesLabels, roman, SIGN_HINT } from './labels';
import { paragraph, text, toNfc, type Block, type DocumentModel, type TableCell } from './model';
import { PartyHeaderInput, partyHeaderBlock } from './party-header';
import { writtenText } from './written-text';

const nfc = z.string().transform((s) => s.normalize('NFC').trim().replace(/\s+/g, ' '));
const requiredText = nfc.pipe(z.string().min(1).max(300));
const optionalText = z.string().transform((s) => s.normalize('NFC').trim()).pipe(z.string().max(5000)).nullish();
const Count = z.number().int().nonnegative();
const Instant = z.iso.datetime({ offset: true });

export const MassesMinutesInput = z.object({
  partyHeader: PartyHeaderInput,
  /** The place in the date line ("Trà Vinh, ngày …"). */
  place: requiredText,
  year: z.number().int().min(2000).max(2100),
  workplaceName: requiredText,
  session: z.object({
    startsAt: Instant,
    endsAt: Instant,
    place: requiredText,
    chair: FullName,
    clerk: FullName,
    committeeRepresentative: FullName,
    massesPresent: Count,
    countedMasses: Count.nullish(),
    guests: z.array(requiredText).default([]),
    acknowledgement: optionalText,
  }),
  members: z
    .array(
      z.object({
        memberId: MemberId,
        fullName: FullName,
        present: z.boolean(),
        absenceReason: optionalText,
        duties: optionalText,
        summary: optionalText,
      }),
    )
    .max(500),
  /** In the order to print (the display order, never arrival); `about` is a member's id or null for the collective. */
  comments: z
    .array(
      z.object({
        about: MemberId.nullable(),
        channel: CommentChannel,
        heading: CommentHeading.nullable(),
        kind: CommentKind,
        text: z.string().transform((s) => s.normalize('NFC').trim()).pipe(z.string().min(1).max(5000)),
        dissenting: z.boolean().default(false),
      }),
    )
    .max(5000)
    .default([]),
  /** The masses' representative who signs, when known. */
  massesRepresentative: FullName.nullish(),
});
export type MassesMinutesInput = z.input<typeof MassesMinutesInput>;
type Parsed = z.infer<typeof MassesMinutesInput>;

export const MASSES_REPRESENTATIVE = 'ĐẠI DIỆN QUẦN CHÚNG';

export function massesMinutesTitle(year: number): string {
  return `BIÊN BẢN TỰ PHÊ BÌNH VÀ PHÊ BÌNH TRƯỚC QUẦN CHÚNG NĂM ${year}`;
}

export const massesMinutesColumns = ['STT', 'Họ và tên', 'Nhiệm vụ được phân công', 'Tóm tắt ưu điểm, khuyết điểm chính', 'Ghi chú'] as const;

/**
 * The minutes of a session (R-MASS-10), following the programme of Kế hoạch 03-KH/ĐUK: time, place,
 * chair, clerk and committee representative; the opening (guests, members self-criticising and
 * absent with their reasons, masses present); the member list with duties and the committee's
 * summary; the masses' contributions per member and for the collective, each with its heading,
 * channel and dissent, never with who said it; the committee's answer; the closing and the three
 * signatures (chair, clerk, masses representative).
 * @example renderDocx(buildMassesMinutes(minutesInputOf(...)))
 */
export function buildMassesMinutes(raw: MassesMinutesInput): DocumentModel {
  const input = MassesMinutesInput.parse(raw);
  const { session, year } = input;
  const day = vietnamDateOf(new Date(session.startsAt));
  const members = [...input.members].sort((a, b) => compareVietnameseNames(a.fullName, b.fullName));
  const present = members.filter((m) => m.present);
  const absent = members.filter((m) => !m.present);
  const [opening, content, closing] = massesAgenda;
  let part = 0;

  const blocks: Block[] = [
    partyHeaderBlock(input.partyHeader, input.place, day),
    { kind: 'title', lines: ['BIÊN BẢN', 'TỰ PHÊ BÌNH VÀ PHÊ BÌNH TRƯỚC QUẦN CHÚNG', `NĂM ${year}`].map((l) => text(l, { bold: true })) },
    labelled('Thời gian', `Vào lúc ${clock(session.startsAt)}, ngày ${formatVietnameseDate(day)}.`),
    labelled('Địa điểm', `${session.place}, ${input.workplaceName}.`),
    labelled('Chủ trì', `đồng chí ${session.chair}.`),
    labelled('Đại diện cấp ủy', `đồng chí ${session.committeeRepresentative}.`),
    labelled('Thư ký', `đồng chí ${session.clerk}.`),

    { kind: 'heading', level: 1, number: roman(++part), text: opening!.title.toLocaleUpperCase('vi') },
    line(session.guests.length > 0 ? `Tuyên bố lý do, giới thiệu đại biểu: ${session.guests.join('; ')}.` : 'Tuyên bố lý do, giới thiệu đại biểu.'),
    line(
      `Số cấp ủy viên, đảng viên tự phê bình: ${members.length} đồng chí; có mặt: ${present.length} đồng chí; vắng mặt: ${absent.length} đồng chí${absent.length > 0 ? ':' : '.'}`,
    ),
    ...absent.map((m) => paragraph(`+ Đồng chí ${m.fullName}${m.absenceReason ? ` (${m.absenceReason})` : ''};`, { indent: true })),
    line(
      `Số quần chúng tham dự: ${session.massesPresent} người${session.countedMasses != null ? ` (tổng số quần chúng của cơ quan, đơn vị: ${session.countedMasses} người)` : ''}.`,
    ),
    line(`Cử thư ký ghi biên bản: đồng chí ${session.clerk}.`),

    { kind: 'heading', level: 1, number: roman(++part), text: content!.title.toLocaleUpperCase('vi') },
    { kind: 'heading', level: 2, number: '1', text: 'Đại diện cấp ủy thông qua danh sách đảng viên' },
    memberTable(members),
    { kind: 'heading', level: 2, number: '2', text: 'Đóng góp của quần chúng' },
    ...contributions(input, members),
    { kind: 'heading', level: 2, number: '3', text: 'Đại diện cấp ủy tiếp thu' },
    ...writtenText(session.acknowledgement, 3),

    { kind: 'heading', level: 1, number: roman(++part), text: closing!.title.toLocaleUpperCase('vi') },
    paragraph(
      `Thư ký thông qua biên bản. Biên bản đã được đọc lại trước hội nghị và thông qua. Cuộc họp kết thúc vào lúc ${clock(session.endsAt)} cùng ngày.`,
      { indent: true, align: 'justify' },
    ),
    {
      kind: 'signatures',
      blocks: [
        { title: minutesLabels.chair, hint: SIGN_HINT, name: session.chair },
        { title: minutesLabels.clerk, hint: SIGN_HINT, name: session.clerk },
        { title: MASSES_REPRESENTATIVE, hint: SIGN_HINT, ...(input.massesRepresentative ? { name: input.massesRepresentative } : {}) },
      ],
    },
  ];
  return toNfc({ title: massesMinutesTitle(year), blocks });
}

function labelled(label: string, value: string): Block {
  return paragraph([text(`${label}: `, { bold: true }), text(value)], { indent: true, align: 'justify' });
}

function line(s: string): Block {
  return paragraph(`- ${s}`, { indent: true, align: 'justify' });
}

/** "08 giờ 00 phút", Viet Nam time. */
function clock(instant: string): string {
  const iso = toVietnamIso(new Date(instant));
  return `${iso.slice(11, 13)} giờ ${iso.slice(14, 16)} phút`;
}

function memberTable(members: Parsed['members']): Block {
  return {
    kind: 'table',
    columns: massesMinutesColumns.map((header, i) => ({ header, width: [7, 20, 21, 32, 20][i] ?? 10, align: i === 0 ? 'center' : 'left' })),
    rows: members.map((m, i): TableCell[] => [
      { text: String(i + 1), align: 'center' },
      { text: m.fullName },
      { text: m.duties ?? '' },
      { text: m.summary ?? '' },
      { text: m.present ? '' : `Vắng mặt${m.absenceReason ? `: ${m.absenceReason}` : ''}` },
    ]),
  };
}

/** The contributions per member (in name order), then for the collective; within each, in the order given. */
function contributions(input: Parsed, members: Parsed['members']): Block[] {
  const all = input.comments;
  if (all.length === 0) return [paragraph('Không có ý kiến đóng góp.', { indent: true })];
  const count = (p: (c: Parsed['comments'][number]) => boolean) => all.filter(p).length;
  const blocks: Block[] = [
    paragraph(
      `Tổng số ý kiến đóng góp: ${all.length} (góp ý trực tiếp: ${count((c) => c.channel === 'oral')}; bằng văn bản: ${count((c) => c.channel === 'written')}; ý kiến trái chiều: ${count((c) => c.dissenting)}).`,
      { indent: true, align: 'justify' },
    ),
  ];
  const groups: { heading: string; comments: Parsed['comments'] }[] = [
    ...members.map((m) => ({
      heading: `Đối với đồng chí ${m.fullName}${m.present ? '' : ' (vắng mặt; cấp ủy tiếp thu, thông báo lại ý kiến cho đồng chí)'}:`,
      comments: all.filter((c) => c.about === m.memberId),
    })),
    { heading: 'Đối với tập thể:', comments: all.filter((c) => c.about === null) },
  ];
  for (const g of groups.filter((x) => x.comments.length > 0)) {
    blocks.push(paragraph([text(g.heading, { bold: true, italic: true })], { indent: true }));
    for (const c of g.comments) {
      const notes = [commentChannelLabels[c.channel].toLocaleLowerCase('vi'), ...(c.dissenting ? ['ý kiến trái chiều'] : [])].join('; ');
      blocks.push(paragraph([text(`- ${commentPlace(c)}: `, { italic: true }), text(c.text), text(` (${notes})`, { italic: true })], { indent: true, align: 'justify' }));
    }
  }
  return blocks;
}
