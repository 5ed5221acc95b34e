import type { LocalDate } from '../local-date';
import type { MassesComment } from './comment';
import { displayOrder } from './comment-order';
import { isOverdue, type RemediationItem } from './remediation-item';

/** What the masses said about one member, and what is being done about it (R-MASS-12). */
export interface MemberMasses {
  comments: MassesComment[];
  remediationItems: (RemediationItem & { overdue: boolean })[];
}

/**
 * The comments about a member (never the collective's) in display order, and the remediation
 * items that answer at least one of them, overdue flagged as of `today`. R-MASS-12: the results
 * are a criterion of the year-end review, so its page and its Word documents carry them.
 */
export function memberMasses(memberId: string, comments: readonly MassesComment[], items: readonly RemediationItem[], orderKey: string, today: LocalDate): MemberMasses {
  const about = displayOrder(comments.filter((c) => c.about === memberId), orderKey);
  const ids = new Set(about.map((c) => c.id));
  return {
    comments: about,
    remediationItems: items.filter((r) => r.commentIds.some((id) => ids.has(id))).map((r) => ({ ...r, overdue: isOverdue(r, today) })),
  };
}
