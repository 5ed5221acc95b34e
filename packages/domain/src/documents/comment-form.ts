import { z } from 'zod';
import { CommentHeading, commentFormParts, commentFormTexts as T, commentHeadingLabels, commentHeadings, CommentKind } from '../masses/comment-form';
import { paragraph, text, toNfc, type Block, type DocumentModel } from './model';
import { writtenText } from './written-text';

const nfc = z.string().transform((s) => s.normalize('NFC').trim().replace(/\s+/g, ' '));

export const CommentFormDocumentInput = z.object({
  /** Whom the form is about: a member, the collective, or nobody yet (a blank form to hand out). */
  about: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('member'), name: nfc.pipe(z.string().min(1).max(200)) }),
      z.object({ kind: z.literal('collective'), name: nfc.pipe(z.string().min(1).max(200)) }),
    ])
    .nullish(),
  /** Comments to print in place of the dotted lines (a form keyed in from paper, shown back). */
  comments: z
    .array(z.object({ kind: CommentKind, heading: CommentHeading.nullable(), text: z.string().max(5000) }))
    .max(500)
    .default([]),
});
export type CommentFormDocumentInput = z.input<typeof CommentFormDocumentInput>;

/** Dotted lines per heading, as on the printed form: three under strengths, four under shortcomings and proposals. */
const FILL: Record<CommentKind, number> = { strength: 3, shortcoming: 4, proposal: 4 };

/**
 * The comment form of the masses (phiếu ghi ý kiến đóng góp) laid out like the form attached to
 * Kế hoạch 03-KH/ĐUK: title, whom it is about, strengths and shortcomings under the five headings,
 * proposals. It has no name, signature or date of the writer: a written comment is anonymous.
 * @example renderDocx(buildCommentForm({ about: { kind: 'member', name: 'Nguyễn Văn An' } }))
 */
export function buildCommentForm(raw: CommentFormDocumentInput = {}): DocumentModel {
  const input = CommentFormDocumentInput.parse(raw);
  const written = (kind: CommentKind, heading: CommentHeading | null) =>
    input.comments.filter((c) => c.kind === kind && (kind === 'proposal' || c.heading === heading)).map((c) => c.text).join('\n');
  const about = input.about;
  const blocks: Block[] = [
    { kind: 'title', lines: [text(T.title, { bold: true }), text(T.audience, { italic: true })] },
    about
      ? paragraph([text(`${about.kind === 'member' ? T.about : T.aboutCollective} `), text(about.name, { bold: true })], { indent: true })
      : { kind: 'fillLines', count: 1, lead: [text(`${T.about} `)] },
    paragraph(T.lead, { indent: true }),
  ];
  (['strength', 'shortcoming'] as const).forEach((kind, part) => {
    blocks.push({ kind: 'heading', level: 1, text: `${part === 0 ? 'I' : 'II'}- ${commentFormParts[kind]}` });
    for (const h of commentHeadings) {
      blocks.push({ kind: 'heading', level: 2, number: String(h), text: commentHeadingLabels[h] }, ...writtenText(written(kind, h), FILL[kind]));
    }
  });
  blocks.push({ kind: 'heading', level: 1, text: `III- ${commentFormParts.proposal}` }, ...writtenText(written('proposal', null), FILL.proposal));
  return toNfc({ title: about ? `${T.title} — ${about.name}` : T.title, blocks });
}
