import { z } from 'zod';
import { formatVietnameseDate, LocalDate } from '../local-date';
import { paragraph, type Block } from './model';

const Text = z.string().transform((s) => s.normalize('NFC').trim()).pipe(z.string().min(1).max(5000));

/** What the masses said about a member, as the year-end review's documents print it (R-MASS-12). */
export const MassesInReview = z.object({
  year: z.number().int(),
  comments: z.array(z.object({ place: Text, channel: Text, text: Text, dissenting: z.boolean() })).max(500),
  remediation: z.array(z.object({ text: Text, owner: Text, deadline: LocalDate, status: Text, overdue: z.boolean() })).max(500),
});
export type MassesInReview = z.input<typeof MassesInReview>;

/**
 * The block of a member's review documents that carries the comments of the masses about them and
 * the remediation that answers them (R-MASS-12: a criterion of the year-end classification).
 * Written comments carry no author: only where they sit on the form and what they say.
 */
export function massesInReviewBlocks(raw: MassesInReview): Block[] {
  const input = MassesInReview.parse(raw);
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: `Ý kiến đóng góp của quần chúng và việc khắc phục (tự phê bình trước quần chúng năm ${input.year})` },
  ];
  if (input.comments.length === 0) blocks.push(paragraph('Không có ý kiến đóng góp về đồng chí.', { indent: true }));
  else {
    blocks.push({
      kind: 'table',
      columns: [{ header: 'STT', width: 7, align: 'center' }, { header: 'Mục', width: 25 }, { header: 'Nội dung ý kiến', width: 48 }, { header: 'Hình thức', width: 20 }],
      rows: input.comments.map((c, i) => [
        { text: String(i + 1), align: 'center' },
        { text: c.place },
        { text: c.dissenting ? `${c.text} (ý kiến trái chiều)` : c.text },
        { text: c.channel },
      ]),
    });
  }
  if (input.remediation.length > 0) {
    blocks.push({
      kind: 'table',
      columns: [{ header: 'STT', width: 7, align: 'center' }, { header: 'Nội dung khắc phục', width: 43 }, { header: 'Người chịu trách nhiệm', width: 20 }, { header: 'Thời hạn', width: 13 }, { header: 'Trạng thái', width: 17 }],
      rows: input.remediation.map((r, i) => [
        { text: String(i + 1), align: 'center' },
        { text: r.text },
        { text: r.owner },
        { text: formatVietnameseDate(r.deadline) },
        { text: r.overdue ? `${r.status} (quá hạn)` : r.status },
      ]),
    });
  }
  return blocks;
}
