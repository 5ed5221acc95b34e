import { formatVietnameseDateTime, vietnamDateOf, formatVietnameseDate } from '../local-date';
import { formatCount } from '../rollup/format';
import type { ReportContent } from './report-content';
import { reportDigest, type DigestGroup, type DigestUnit } from './digest';
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

/** Where the e-mail points: the kept report, and the late-units page with the full list. */
export interface ReportLinks {
  report: string;
  lateUnits: string;
}

const statusText = (u: DigestUnit) =>
  `${u.status === 'missing' ? `quá hạn ${formatCount(u.daysOverdue)} ngày, chưa thực hiện` : `thực hiện trễ ${formatCount(u.daysOverdue)} ngày`}` +
  (u.otherMilestones > 0 ? `; chậm thêm ${formatCount(u.otherMilestones)} mốc khác` : '');
const countsText = (c: { expected: number; onTime: number; late: number; missing: number; open: number; unrecorded: number }) =>
  [
    `phải thực hiện ${formatCount(c.expected)}`,
    `đúng hạn ${formatCount(c.onTime)}`,
    `trễ hạn ${formatCount(c.late)}`,
    `quá hạn, chưa thực hiện ${formatCount(c.missing)}`,
    ...(c.open > 0 ? [`chưa đến hạn ${formatCount(c.open)}`] : []),
    ...(c.unrecorded > 0 ? [`chưa ghi nhận trên hệ thống ${formatCount(c.unrecorded)}`] : []),
  ].join('; ');
const groupText = (g: DigestGroup) => `${g.name}: trễ hạn ${formatCount(g.late)}, quá hạn chưa thực hiện ${formatCount(g.missing)} (trên ${formatCount(g.expected)} lượt phải thực hiện)`;
const unitText = (u: DigestUnit) => `${u.name} — trực thuộc ${u.parentName}: ${statusText(u)}`;

/**
 * The e-mail that carries a report: a digest whatever the size of the subtree (counts per
 * milestone, per child of the board, the ten most overdue units with their direct parent); the
 * full list is the attached .xlsx and the late-units page.
 */
export function reportEmail(content: ReportContent, links: ReportLinks): EmailContent {
  const asOf = formatVietnameseDateTime(new Date(content.asOf));
  const d = reportDigest(content);
  const file = reportFileName(content);
  const subject = `[Kiểm điểm ${content.year}] Báo cáo tiến độ — ${content.board.name} — ${asOf}`;
  const intro = `Báo cáo tiến độ kiểm điểm, xếp loại chất lượng năm ${content.year}, tính đến ${asOf}.`;
  const total = `Toàn ${content.board.name}: ${formatCount(d.totals.late)} lượt trễ hạn, ${formatCount(d.totals.missing)} lượt quá hạn chưa thực hiện, trên ${formatCount(d.totals.expected)} lượt phải thực hiện.`;
  const fullList = `Danh sách đầy đủ ${formatCount(d.totals.lateItems)} lượt trễ hạn hoặc chưa thực hiện: tệp đính kèm ${file} và trang ${links.lateUnits}`;
  const more = d.moreGroups > 0 ? `và ${formatCount(d.moreGroups)} đơn vị khác (trong tệp đính kèm)` : null;
  const shown = d.top.reduce((n, t) => n + t.units.length, 0);
  const topTitle = shown < d.totals.lateUnits ? `${shown} ĐƠN VỊ CHẬM NHẤT (trên ${formatCount(d.totals.lateUnits)} đơn vị trễ hạn hoặc chưa thực hiện)` : 'CÁC ĐƠN VỊ TRỄ HẠN HOẶC CHƯA THỰC HIỆN';
  let rank = 0;

  const lines = [`Kính gửi ${content.board.name},`, '', intro, total, '', 'I. THEO MỐC THỜI GIAN'];
  d.milestones.forEach((m, i) => lines.push(`${i + 1}. ${m.title} (${m.deadline}): ${countsText(m.counts)}.`));
  if (d.groups.length > 0) {
    lines.push('', 'II. THEO ĐƠN VỊ TRỰC THUỘC (cộng các mốc)');
    for (const g of d.groups) lines.push(`- ${groupText(g)}`);
    if (more) lines.push(`- ${more}`);
  }
  if (d.top.length > 0) {
    lines.push('', `III. ${topTitle}`);
    for (const t of d.top) {
      lines.push(`${t.title} (${t.deadline}):`);
      for (const u of t.units) lines.push(`  ${++rank}. ${unitText(u)}`);
    }
  }
  lines.push('', d.totals.lateItems > 0 ? fullList : `Không có đơn vị trễ hạn. Chi tiết trong tệp đính kèm ${file}.`, `Báo cáo trên hệ thống: ${links.report}`);

  rank = 0;
  const li = (items: string[]) => `<ul>${items.map((x) => `<li>${x}</li>`).join('')}</ul>`;
  const html =
    `<p>Kính gửi ${escape(content.board.name)},</p><p>${escape(intro)}<br>${escape(total)}</p>` +
    '<h3>I. Theo mốc thời gian</h3><table border="1" cellpadding="4" cellspacing="0"><tr><th>Mốc</th><th>Hạn</th><th>Phải thực hiện</th><th>Đúng hạn</th><th>Trễ hạn</th><th>Quá hạn, chưa thực hiện</th><th>Chưa đến hạn</th></tr>' +
    d.milestones
      .map((m) => `<tr><td>${escape(m.title)}${m.recordable ? '' : ' (chưa ghi nhận trên hệ thống)'}</td><td>${escape(m.deadline)}</td>${[m.counts.expected, m.counts.onTime, m.counts.late, m.counts.missing, m.counts.open].map((n) => `<td>${formatCount(n)}</td>`).join('')}</tr>`)
      .join('') +
    '</table>' +
    (d.groups.length > 0 ? `<h3>II. Theo đơn vị trực thuộc (cộng các mốc)</h3>${li([...d.groups.map((g) => escape(groupText(g))), ...(more ? [escape(more)] : [])])}` : '') +
    (d.top.length > 0 ? `<h3>III. ${escape(topTitle)}</h3>${d.top.map((t) => `<p><b>${escape(t.title)}</b> (${escape(t.deadline)})</p><ol start="${rank + 1}">${t.units.map((u) => (rank++, `<li>${escape(unitText(u))}</li>`)).join('')}</ol>`).join('')}` : '') +
    `<p>${d.totals.lateItems > 0 ? `Danh sách đầy đủ ${formatCount(d.totals.lateItems)} lượt trễ hạn hoặc chưa thực hiện: tệp đính kèm ${escape(file)} và <a href="${escape(links.lateUnits)}">${escape(links.lateUnits)}</a>` : `Không có đơn vị trễ hạn. Chi tiết trong tệp đính kèm ${escape(file)}.`}</p>` +
    `<p>Báo cáo trên hệ thống: <a href="${escape(links.report)}">${escape(links.report)}</a></p>`;
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
