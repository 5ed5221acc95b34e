import { formatVietnameseDateTime, vietnamDateOf, formatVietnameseDate } from '../local-date';
import { completionStatusLabels } from './completion';
import type { ReportContent } from './report-content';
import { lateUnits, reportSummary } from './report-content';
import type { Reminder } from './reminder';

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The file name of a report's spreadsheet: `bao-cao-tien-do-<board>-<dd-mm-yyyy>.xlsx`. */
export function reportFileName(content: Pick<ReportContent, 'board' | 'asOf'>): string {
  const date = formatVietnameseDate(vietnamDateOf(new Date(content.asOf))).replaceAll('/', '-');
  return `bao-cao-tien-do-${content.board.unitId}-${date}.xlsx`;
}

/** The e-mail that carries a report (the .xlsx goes with it as an attachment). */
export function reportEmail(content: ReportContent, link: string): EmailContent {
  const asOf = formatVietnameseDateTime(new Date(content.asOf));
  const s = reportSummary(content);
  const subject = `[Kiểm điểm ${content.year}] Báo cáo tiến độ — ${content.board.name} — ${asOf}`;
  const lines = [
    `Kính gửi ${content.board.name},`,
    '',
    `Báo cáo tiến độ kiểm điểm, xếp loại chất lượng năm ${content.year}, tính đến ${asOf}.`,
    `Tổng cộng: ${s.onTime} lượt đúng hạn, ${s.late} lượt trễ hạn, ${s.missing} lượt quá hạn chưa thực hiện.`,
    '',
    ...content.milestones.map(
      (m) =>
        `- ${m.title} (${m.deadline}): phải thực hiện ${m.counts.expected}, đã thực hiện ${m.counts.done} ` +
        `(đúng hạn ${m.counts.onTime}, trễ hạn ${m.counts.late}), quá hạn chưa thực hiện ${m.counts.missing}` +
        (m.recordable ? '' : ' — chưa ghi nhận trên hệ thống'),
    ),
    '',
  ];
  const late = lateUnits(content);
  if (late.length > 0) {
    lines.push('Đơn vị trễ hạn hoặc chưa thực hiện:');
    for (const u of late) lines.push(`- ${u.name} (${u.groupName}) — ${u.title}: ${completionStatusLabels[u.status]}`);
    lines.push('');
  }
  lines.push(`Chi tiết trong tệp đính kèm và tại: ${link}`);
  const html =
    `<p>Kính gửi ${escape(content.board.name)},</p>` +
    `<p>Báo cáo tiến độ kiểm điểm, xếp loại chất lượng năm ${content.year}, tính đến ${escape(asOf)}.</p>` +
    '<table border="1" cellpadding="4" cellspacing="0"><tr><th>Mốc</th><th>Hạn</th><th>Phải thực hiện</th><th>Đúng hạn</th><th>Trễ hạn</th><th>Quá hạn, chưa thực hiện</th></tr>' +
    content.milestones
      .map((m) => `<tr><td>${escape(m.title)}</td><td>${escape(m.deadline)}</td><td>${m.counts.expected}</td><td>${m.counts.onTime}</td><td>${m.counts.late}</td><td>${m.counts.missing}</td></tr>`)
      .join('') +
    '</table>' +
    (late.length > 0
      ? `<p>Đơn vị trễ hạn hoặc chưa thực hiện:</p><ul>${late.map((u) => `<li>${escape(u.name)} (${escape(u.groupName)}) — ${escape(u.title)}: ${escape(completionStatusLabels[u.status])}</li>`).join('')}</ul>`
      : '') +
    `<p>Chi tiết trong tệp đính kèm và tại: <a href="${escape(link)}">${escape(link)}</a></p>`;
  return { subject, text: lines.join('\n'), html };
}

/** A reminder to a unit that has not acted yet on a milestone. */
export function reminderEmail(reminder: Reminder, year: number, link: string): EmailContent {
  const { milestone: m } = reminder;
  const subject = `[Kiểm điểm ${year}] Nhắc hạn: ${m.title} — ${m.deadline}`;
  const text = [
    `Kính gửi ${reminder.unitName},`,
    '',
    `Theo kế hoạch kiểm điểm, xếp loại chất lượng năm ${year}, việc "${m.title}" phải hoàn thành ${m.deadline}.`,
    `Đến nay hệ thống chưa ghi nhận: ${m.eventLabel}.`,
    '',
    `Vui lòng thực hiện tại: ${link}`,
  ].join('\n');
  const html =
    `<p>Kính gửi ${escape(reminder.unitName)},</p>` +
    `<p>Theo kế hoạch kiểm điểm, xếp loại chất lượng năm ${year}, việc “${escape(m.title)}” phải hoàn thành <b>${escape(m.deadline)}</b>.</p>` +
    `<p>Đến nay hệ thống chưa ghi nhận: ${escape(m.eventLabel)}.</p>` +
    `<p>Vui lòng thực hiện tại: <a href="${escape(link)}">${escape(link)}</a></p>`;
  return { subject, text, html };
}
