import { z } from 'zod';
import { DomainError } from '../errors/index';
import { LocalDate } from '../local-date';
import { MemberId } from '../member';
import { CommentHeading, CommentKind } from './comment-form';
import type { MassesSession } from './masses-session';
import { sessionDay } from './session-time';

/** How the masses spoke (R-MASS-08): aloud, noted by the clerk, or on a comment form. */
export const CommentChannel = z.enum(['oral', 'written']);
export type CommentChannel = z.infer<typeof CommentChannel>;
export const commentChannelLabels: Record<CommentChannel, string> = { oral: 'Góp ý trực tiếp', written: 'Bằng văn bản' };

/** R-MASS-11: the committee decides whose responsibility a comment is. */
export const Responsibility = z.enum(['collective', 'individual']);
export type Responsibility = z.infer<typeof Responsibility>;
export const responsibilityLabels: Record<Responsibility, string> = { collective: 'Trách nhiệm tập thể', individual: 'Trách nhiệm cá nhân' };

const CommentText = z
  .string()
  .transform((s) => s.normalize('NFC').trim())
  .pipe(z.string().min(1, 'Nội dung ý kiến không được để trống').max(5000, 'Nội dung ý kiến quá dài (tối đa 5000 ký tự)'));

const headingMatchesKind = (c: { kind: CommentKind; heading: CommentHeading | null }, ctx: z.RefinementCtx) => {
  if (c.kind === 'proposal' && c.heading !== null) {
    ctx.addIssue({ code: 'custom', path: ['heading'], message: 'Đề xuất không thuộc mục nào: để trống mục (null)' });
  }
  if (c.kind !== 'proposal' && c.heading === null) {
    ctx.addIssue({ code: 'custom', path: ['heading'], message: 'Ưu điểm, khuyết điểm phải thuộc một trong năm mục của phiếu (1–5)' });
  }
};

const commentFields = {
  /** The member the comment is about, or null: the collective. */
  about: MemberId.nullable(),
  heading: CommentHeading.nullable(),
  kind: CommentKind,
  text: CommentText,
};

/**
 * `POST …/masses-sessions/{sessionId}/comments`. Strict: a field other than these is refused, so
 * nothing that could tie a written comment to a person (author, device, time) is ever accepted.
 * `dissenting`: the comment contradicts the member's self-criticism or the committee's summary.
 */
export const CommentBody = z
  .strictObject({
    ...commentFields,
    channel: CommentChannel,
    dissenting: z.boolean().optional(),
    responsibility: Responsibility.optional(),
  })
  .superRefine(headingMatchesKind);
export type CommentBody = z.input<typeof CommentBody>;

/**
 * The comment form on a masses' phone, opened by a single-use code: always written, and what the
 * committee decides later (dissent, responsibility) is not the writer's to set.
 */
export const CodeCommentBody = z.strictObject({ ...commentFields, code: z.string().min(1).max(40) }).superRefine(headingMatchesKind);
export type CodeCommentBody = z.input<typeof CodeCommentBody>;

/**
 * A comment as stored. Its only time is the session's day (`day`), its id is random, and it has
 * no author: the schema is strict so a stored item with anything more fails to read.
 */
export const MassesComment = z.strictObject({
  id: z.string().min(1),
  sessionId: z.string().min(1),
  unitId: z.string().min(1),
  year: z.number().int(),
  day: LocalDate,
  about: MemberId.nullable(),
  channel: CommentChannel,
  heading: CommentHeading.nullable(),
  kind: CommentKind,
  text: CommentText,
  dissenting: z.boolean(),
  responsibility: Responsibility.nullable(),
});
export type MassesComment = z.infer<typeof MassesComment>;

/**
 * A comment taken at a session. The session must be recorded and not yet signed (409
 * `SESSION_NOT_RECORDED`, `SESSION_COMPLETE`); a comment about a member must name one on the
 * session's list (422 `COMMENT_ABOUT_UNKNOWN_MEMBER`). Dissent is kept and counted, never dropped.
 */
export function takeComment(session: MassesSession, raw: CommentBody, id: string): MassesComment {
  if (session.state === 'complete') {
    throw new DomainError('SESSION_COMPLETE', 'Biên bản đã có đủ chữ ký; không nhận thêm ý kiến.');
  }
  if (session.state !== 'recorded' || !session.record) {
    throw new DomainError('SESSION_NOT_RECORDED', 'Buổi tự phê bình chưa được ghi nhận; chưa nhận ý kiến.');
  }
  const body = CommentBody.parse(raw);
  if (body.about !== null && !session.record.members.some((m) => m.memberId === body.about)) {
    throw new DomainError('COMMENT_ABOUT_UNKNOWN_MEMBER', 'Ý kiến phải về một đảng viên có tên trong danh sách tự phê bình của buổi này, hoặc về tập thể.', {
      about: body.about,
    });
  }
  return MassesComment.parse({
    id,
    sessionId: session.id,
    unitId: session.unitId,
    year: session.year,
    day: sessionDay(session.record.startsAt),
    about: body.about,
    channel: body.channel,
    heading: body.heading,
    kind: body.kind,
    text: body.text,
    dissenting: body.dissenting ?? false,
    responsibility: body.responsibility ?? null,
  });
}

/** A written comment from the phone form: the code is checked and spent by the caller, never kept here. */
export function takeCodeComment(session: MassesSession, raw: CodeCommentBody, id: string): MassesComment {
  const { code: _code, ...rest } = CodeCommentBody.parse(raw);
  return takeComment(session, { ...rest, channel: 'written' }, id);
}

/** `PATCH …/comments/{commentId}`: the committee classes a comment later (R-MASS-11). */
export const CommentPatch = z
  .strictObject({ responsibility: Responsibility.nullable().optional(), dissenting: z.boolean().optional() })
  .refine((p) => p.responsibility !== undefined || p.dissenting !== undefined, 'Không có gì để cập nhật: gửi responsibility hoặc dissenting');
export type CommentPatch = z.input<typeof CommentPatch>;

/**
 * Classing happens after the session (the committee consolidates once it is over), so it is
 * allowed on a complete session: the minutes record what was said, not how it was classed.
 */
export function classifyComment(comment: MassesComment, raw: CommentPatch): MassesComment {
  const patch = CommentPatch.parse(raw);
  return MassesComment.parse({
    ...comment,
    ...(patch.responsibility !== undefined ? { responsibility: patch.responsibility } : {}),
    ...(patch.dissenting !== undefined ? { dissenting: patch.dissenting } : {}),
  });
}
