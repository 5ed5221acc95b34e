import { classifyComment, CodeCommentBody, displayOrder, DomainError, hashCode, issueCodes, newCommentId, requireMassesSettings, takeCodeComment, takeComment, type Caller, type CommentBody, type CommentPatch, type MassesComment } from '@kd/domain';
import { codeRefusal, codeState, commentNotFound, countCodes, findSessionRef, getComment, getMassesSettings, getMembers, listComments, putComment, requireSession, saveCommentClass, sessionNotFound, storeCodeHashes, type StoredSession } from '@kd/data';
import type { ServiceDeps } from '../deps';
import { changeBy } from '../actor';
import { requireOpenCampaign } from '../campaigns/campaign-admin';
import { sessionOf } from './sessions';

/** A comment as answered: never more than the stored comment, which has no author and no time but the day. */
export type CommentView = MassesComment;

/**
 * `POST …/comments`: an oral comment the clerk noted, or a written form keyed in from paper. A
 * written one is stored and audited anonymously (no author, no time finer than the session's day).
 */
export async function addComment(deps: ServiceDeps, caller: Caller, year: number, unitId: string, sessionId: string, body: CommentBody): Promise<CommentView> {
  const { session } = await sessionOf(deps, caller, year, unitId, sessionId, 'masses.write');
  const comment = takeComment(session, body, newCommentId());
  return putComment(deps.store, caller.tenant, comment, { change: comment.channel === 'oral' ? changeBy(deps, caller) : null });
}

/** A session's comments in its display order (a keyed hash of their random ids: unrelated to arrival). */
export async function sessionComments(deps: ServiceDeps, caller: Caller, year: number, unitId: string, sessionId: string): Promise<{ session: StoredSession; comments: CommentView[] }> {
  const { session } = await sessionOf(deps, caller, year, unitId, sessionId);
  return { session, comments: displayOrder(await listComments(deps.store, caller.tenant, session.unitId, year, session.id), session.orderKey) };
}

/** `PATCH …/comments/{commentId}` (R-MASS-11): the committee classes a comment, or marks it dissenting. */
export async function classifyMassesComment(deps: ServiceDeps, caller: Caller, year: number, unitId: string, sessionId: string, commentId: string, patch: CommentPatch): Promise<CommentView> {
  const { session } = await sessionOf(deps, caller, year, unitId, sessionId, 'masses.write');
  const before = await getComment(deps.store, caller.tenant, session.unitId, year, session.id, commentId);
  if (!before) throw commentNotFound();
  return saveCommentClass(deps.store, caller.tenant, before, classifyComment(before, patch), changeBy(deps, caller));
}

/**
 * Single-use codes for the phone form: as many as masses present (the default, less those printed
 * already), only the keyed hashes stored; the codes are returned once, to print and hand out.
 */
export async function issueMassesCodes(deps: ServiceDeps, caller: Caller, year: number, unitId: string, sessionId: string, count?: number): Promise<{ codes: string[]; issued: number; used: number; massesPresent: number }> {
  const { session } = await sessionOf(deps, caller, year, unitId, sessionId, 'masses.write');
  if (session.state === 'complete') throw new DomainError('SESSION_COMPLETE', 'Biên bản đã có đủ chữ ký; không phát thêm mã góp ý.');
  if (session.state !== 'recorded' || !session.record) throw new DomainError('SESSION_NOT_RECORDED', 'Ghi nhận buổi tự phê bình (số quần chúng tham dự) trước khi phát mã góp ý.');
  const before = await countCodes(deps.store, caller.tenant, session.id);
  const massesPresent = session.record.massesPresent;
  const wanted = count ?? massesPresent - before.issued;
  if (wanted < 0 || before.issued + wanted > massesPresent) {
    throw new DomainError('CODES_EXCEED_MASSES', `Buổi có ${massesPresent} quần chúng tham dự, đã phát ${before.issued} mã: không phát thêm ${wanted} mã.`, { massesPresent, issued: before.issued, asked: wanted });
  }
  const { codes, hashes } = issueCodes(session.id, wanted);
  await storeCodeHashes(deps.store, caller.tenant, session, hashes, changeBy(deps, caller));
  return { codes, issued: before.issued + codes.length, used: before.used, massesPresent };
}

/** How many codes a session has and how many were spent. */
export async function codeCounts(deps: ServiceDeps, caller: Caller, year: number, unitId: string, sessionId: string) {
  const { session } = await sessionOf(deps, caller, year, unitId, sessionId);
  return countCodes(deps.store, caller.tenant, session.id);
}

/** The session a public comment form names, in a tenant with the rule (404 otherwise, nothing to reveal). */
export async function publicSession(deps: ServiceDeps, tenant: string, sessionId: string): Promise<StoredSession> {
  requireMassesSettings(await getMassesSettings(deps.store, tenant).catch(() => null));
  const ref = await findSessionRef(deps.store, tenant, sessionId);
  if (!ref) throw sessionNotFound();
  return requireSession(deps.store, tenant, ref.unitId, ref.year, sessionId);
}

/**
 * The phone form's first step: the code is checked (not spent) and the form shows whom the
 * session's comments may be about. No account: the session is named by the printed link.
 */
export async function openCodeForm(deps: ServiceDeps, tenant: string, sessionId: string, code: string): Promise<{ session: StoredSession; members: { id: string; fullName: string }[] }> {
  const session = await publicSession(deps, tenant, sessionId);
  if (session.state !== 'recorded' || !session.record) throw new DomainError('SESSION_COMPLETE', 'Buổi tự phê bình không còn nhận ý kiến.');
  const hash = hashCode(code, session.id);
  if (!hash) throw new DomainError('CODE_INVALID', 'Mã không đúng. Vui lòng kiểm tra lại mã in trên phiếu.');
  const state = await codeState(deps.store, tenant, session.id, hash);
  if (state !== 'unused') throw await codeRefusal(deps.store, tenant, session.id, hash);
  const names = await getMembers(deps.store, tenant, session.record.members.map((m) => m.memberId));
  return { session, members: session.record.members.map((m) => ({ id: m.memberId, fullName: names.get(m.memberId)?.fullName ?? m.memberId })) };
}

/**
 * A written comment from the phone form with its single-use code: the code is spent in the same
 * transaction as the comment is stored. Nothing of the request (address, browser, time) is read.
 */
export async function addCodeComment(deps: ServiceDeps, tenant: string, sessionId: string, body: CodeCommentBody): Promise<CommentView> {
  const session = await publicSession(deps, tenant, sessionId);
  await requireOpenCampaign(deps.store, tenant, session.year);
  const parsed = CodeCommentBody.parse(body);
  const hash = hashCode(parsed.code, session.id);
  if (!hash) throw new DomainError('CODE_INVALID', 'Mã không đúng. Vui lòng kiểm tra lại mã in trên phiếu.');
  const comment = takeCodeComment(session, parsed, newCommentId());
  return putComment(deps.store, tenant, comment, { change: null, codeHash: hash });
}
