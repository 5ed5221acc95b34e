import { z } from 'zod';
import { DomainError } from '../errors/index';
import { formatVietnameseDate, LocalDate } from '../local-date';
import { Responsibility } from './comment';

const nfc = z.string().transform((s) => s.normalize('NFC').trim().replace(/[ \t]+/g, ' '));

export const RemediationStatus = z.enum(['open', 'done']);
export type RemediationStatus = z.infer<typeof RemediationStatus>;
export const remediationStatusLabels: Record<RemediationStatus, string> = { open: 'Đang khắc phục', done: 'Đã khắc phục' };

/** `POST …/remediation-items`: one item of the remediation plan (R-MASS-11), for the comments it answers. */
export const RemediationBody = z.strictObject({
  commentIds: z.array(z.string().min(1)).max(200).default([]),
  text: nfc.pipe(z.string().min(1, 'Nội dung khắc phục không được để trống').max(5000)),
  owner: nfc.pipe(z.string().min(1, 'Phải ghi người (hoặc tập thể) chịu trách nhiệm khắc phục').max(300)),
  deadline: LocalDate,
  responsibility: Responsibility,
});
export type RemediationBody = z.input<typeof RemediationBody>;

export const RemediationItem = RemediationBody.extend({
  id: z.string().min(1),
  unitId: z.string().min(1),
  year: z.number().int(),
  status: RemediationStatus,
  /** The day it was marked done, for the follow-up report. */
  doneOn: LocalDate.nullable(),
});
export type RemediationItem = z.infer<typeof RemediationItem>;

/**
 * A new open item. Its comments must be comments of the unit's sessions that year (422
 * `REMEDIATION_COMMENT_UNKNOWN`), so the committee and the masses can follow each one back.
 */
export function newRemediationItem(
  input: { id: string; unitId: string; year: number; body: RemediationBody },
  unitComments: readonly { id: string }[],
): RemediationItem {
  const body = RemediationBody.parse(input.body);
  const known = new Set(unitComments.map((c) => c.id));
  const unknown = [...new Set(body.commentIds)].filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new DomainError('REMEDIATION_COMMENT_UNKNOWN', 'Nội dung khắc phục chỉ gắn với ý kiến đóng góp tại các buổi tự phê bình của đơn vị trong năm.', { commentIds: unknown });
  }
  return RemediationItem.parse({ ...body, commentIds: [...new Set(body.commentIds)], id: input.id, unitId: input.unitId, year: input.year, status: 'open', doneOn: null });
}

export const RemediationStatusPatch = z.strictObject({ status: RemediationStatus });

/** `PATCH …/remediation-items/{id}`: done on `today`, or reopened. */
export function setRemediationStatus(item: RemediationItem, raw: z.input<typeof RemediationStatusPatch>, today: LocalDate): RemediationItem {
  const { status } = RemediationStatusPatch.parse(raw);
  if (status === item.status) {
    throw new DomainError('REMEDIATION_STATUS_UNCHANGED', `Nội dung khắc phục đã ở trạng thái "${remediationStatusLabels[status]}".`, { status });
  }
  return { ...item, status, doneOn: status === 'done' ? today : null };
}

/**
 * Overdue: still open after its deadline day. Depends on the day it is read, so it is computed
 * from `today`, never stored, never from the clock.
 */
export function isOverdue(item: Pick<RemediationItem, 'status' | 'deadline'>, today: LocalDate): boolean {
  return item.status === 'open' && today > item.deadline;
}

/** "Hạn 31/12/2020 — quá hạn", as pages and reports show an item. */
export function remediationDeadlineText(item: Pick<RemediationItem, 'status' | 'deadline'>, today: LocalDate): string {
  return `Hạn ${formatVietnameseDate(item.deadline)}${isOverdue(item, today) ? ' — quá hạn' : ''}`;
}
