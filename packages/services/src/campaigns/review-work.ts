import {
  DomainError, ReviewPromptInput, assertEditable, buildCollectiveReviewDoc, isPartyOrganisation, rulebookFor, vietnamDateOf,
  type Campaign, type Caller, type CollectiveReview, type CollectiveReviewInput, type Member, type MemberEvaluation, type MemberMasses, type MemberReview, type MemberReviewInput, type ReviewPrompt,
} from '@kd/domain';
import {
  answerReviewPrompt, getCollectiveReview, getDossier, getMemberReview, listReviewPrompts, listUnitMembers, putReviewPrompt, requireCampaign, requireReviewPrompt, requireUnit, saveCollectiveReview, saveMemberReview,
  type Dossier, type StoredUnit,
} from '@kd/data';
import { filesModule } from '../files-module';
import type { ServiceDeps } from '../deps';
import { assertStrictlyBelow, memberOfUnit, ownRecordInScope, unitInScope } from '../access/scope';
import { changeBy } from '../actor';
import { requireOpenCampaign } from './campaign-admin';
import { headerOf } from './documents';
import { sheetDocx } from './scoring';
import { evaluateStoredUnit, notRatedAsCollective } from './unit-year';
import { massesAboutMembers } from '../masses/member-masses';

/** The year's rules score on 100 (r2025): the review pages then follow HD 43-HD/BTCTW's forms. */
export function scoredRegime(campaign: Campaign): boolean {
  return rulebookFor(campaign).rules.some((r) => r.enabled && r.check === 'scoresOnFile');
}

/**
 * Who may read or write a member's self-review: the member themselves (their own record only), or
 * the cell and the levels above, which may key it in for the member (access/scope.ts).
 */
export function selfReviewSubject(deps: ServiceDeps, caller: Caller, unitId: string, memberId: string, write: boolean): Promise<{ unit: StoredUnit; member: Member; own: boolean }> {
  return ownRecordInScope(deps.store, caller, unitId, memberId, write ? 'results.write' : 'member.read', 'Đồng chí chỉ xem và viết bản tự kiểm điểm của chính mình.');
}

export interface SelfReviewView {
  unit: StoredUnit;
  member: Member;
  campaign: Campaign;
  review: MemberReview;
  prompts: ReviewPrompt[];
  dossier: Dossier;
  own: boolean;
}

export async function readSelfReviewView(deps: ServiceDeps, caller: Caller, year: number, unitId: string, memberId: string): Promise<SelfReviewView> {
  const { unit, member, own } = await selfReviewSubject(deps, caller, unitId, memberId, false);
  const campaign = await requireCampaign(deps.store, caller.tenant, year);
  const [review, prompts, dossier] = await Promise.all([
    getMemberReview(deps.store, caller.tenant, unit.id, year, member.id),
    listReviewPrompts(deps.store, caller.tenant, unit.id, year),
    getDossier(deps.store, caller.tenant, unit.id, year),
  ]);
  return { unit, member, campaign, review, prompts: prompts.filter((p) => p.memberId === member.id), dossier, own };
}

/**
 * Saves a self-review from its page. The member writes their own texts; the comments of the chi ủy,
 * the group and the other places (previous cell, temporary cell, residence) are the cell's to key
 * in, so a member's save keeps them as they were.
 */
export async function writeSelfReview(deps: ServiceDeps, caller: Caller, year: number, unitId: string, memberId: string, input: MemberReviewInput, rev: number): Promise<MemberReview> {
  const { unit, member, own } = await selfReviewSubject(deps, caller, unitId, memberId, true);
  await requireOpenCampaign(deps.store, caller.tenant, year);
  const before = await getMemberReview(deps.store, caller.tenant, unit.id, year, member.id);
  const next: MemberReviewInput = own
    ? { ...input, groupComment: before.groupComment, committeeComment: before.committeeComment, outsideComments: before.outsideComments, checklist: input.checklist.length > 0 ? input.checklist : before.checklist }
    : input;
  return saveMemberReview(deps.store, caller.tenant, unit.id, year, member.id, next, rev, changeBy(deps, caller));
}

export interface OwnRecord {
  unit: StoredUnit;
  member: Member;
  campaign: Campaign;
  evaluation: MemberEvaluation | null;
  masses: MemberMasses | null;
  review: MemberReview;
  prompts: ReviewPrompt[];
}

/**
 * A member's record of the year: their evaluation, what the masses said about them, their
 * self-review and the prompts addressed to them. A member signed in sees only their own (403
 * NOT_YOUR_RECORD for anyone else's); the cell and the levels above see their members'.
 */
export async function memberRecord(deps: ServiceDeps, caller: Caller, year: number, unitId: string, memberId: string): Promise<OwnRecord> {
  const view = await readSelfReviewView(deps, caller, year, unitId, memberId);
  const { evaluation } = await evaluateStoredUnit(deps, caller.tenant, view.unit, view.campaign);
  const masses = await massesAboutMembers(deps, caller, view.unit, year, [view.member.id]);
  return { ...view, evaluation: evaluation.members.find((e) => e.memberId === view.member.id) ?? null, masses: masses.get(view.member.id) ?? null };
}

/** The collective review and the prompts the unit received (Mẫu 1A; r2025: Mẫu 01). */
export async function readCollectiveReviewView(deps: ServiceDeps, caller: Caller, year: number, unitId: string): Promise<{ unit: StoredUnit; campaign: Campaign; review: CollectiveReview; prompts: ReviewPrompt[]; members: Member[]; dossier: Dossier }> {
  const unit = await unitInScope(deps.store, caller, unitId, 'unit.read');
  const campaign = await requireCampaign(deps.store, caller.tenant, year);
  if (!isPartyOrganisation(unit.kind)) throw notRatedAsCollective(unit.kind);
  const [review, prompts, members, dossier] = await Promise.all([
    getCollectiveReview(deps.store, caller.tenant, unit.id, year),
    listReviewPrompts(deps.store, caller.tenant, unit.id, year),
    listUnitMembers(deps.store, caller.tenant, unit.id),
    getDossier(deps.store, caller.tenant, unit.id, year),
  ]);
  return { unit, campaign, review, prompts, members, dossier };
}

export async function writeCollectiveReview(deps: ServiceDeps, caller: Caller, year: number, unitId: string, input: CollectiveReviewInput, rev: number): Promise<CollectiveReview> {
  const unit = await unitInScope(deps.store, caller, unitId, 'results.write');
  await requireOpenCampaign(deps.store, caller.tenant, year);
  if (!isPartyOrganisation(unit.kind)) throw notRatedAsCollective(unit.kind);
  return saveCollectiveReview(deps.store, caller.tenant, unit.id, year, input, rev, changeBy(deps, caller));
}

/** The collective review in Word: Mẫu 1A under the 2019 regime, Mẫu 01 of HD 43-HD/BTCTW (with the scores) under r2025. */
export async function collectiveReviewDocx(deps: ServiceDeps, caller: Caller, year: number, unitId: string): Promise<{ bytes: Buffer; fileName: string }> {
  const { unit, campaign, review, prompts, members } = await readCollectiveReviewView(deps, caller, year, unitId);
  if (scoredRegime(campaign)) return sheetDocx(deps, caller, year, unit.id, null);
  const model = buildCollectiveReviewDoc({
    ...(await headerOf(deps, caller.tenant, unit)),
    date: vietnamDateOf(deps.clock()),
    year,
    unitName: unit.name,
    review,
    prompts: prompts.filter((p) => p.memberId === null),
    secretaryName: members.find((m) => m.partyPosition === 'secretary')?.fullName ?? null,
  });
  return { bytes: await (await filesModule()).renderDocx(model), fileName: `bao-cao-kiem-diem-tap-the-${year}-${unit.id}.docx` };
}

/** The upper level sends a written review prompt to a unit below, or to one of its members (HD 43-HD/BTCTW mục 2). */
export async function sendReviewPrompt(deps: ServiceDeps, caller: Caller, year: number, unitId: string, input: ReviewPromptInput): Promise<ReviewPrompt> {
  const unit = await unitInScope(deps.store, caller, unitId, 'review.appraise');
  assertStrictlyBelow(caller, unit);
  await requireOpenCampaign(deps.store, caller.tenant, year);
  const parsed = ReviewPromptInput.parse(input);
  if (parsed.memberId !== null) await memberOfUnit(deps.store, caller.tenant, unit, parsed.memberId);
  const from = await requireUnit(deps.store, caller.tenant, caller.unit);
  return putReviewPrompt(deps.store, caller.tenant, { unitId: unit.id, year, memberId: parsed.memberId, text: parsed.text, fromUnitId: from.id, fromUnitName: from.name, sentAt: changeBy(deps, caller).at }, changeBy(deps, caller));
}

/** The unit answers a prompt (a member answers one addressed to them), while its dossier is still editable. */
export async function answerPrompt(deps: ServiceDeps, caller: Caller, year: number, unitId: string, promptId: string, answer: string, rev: number): Promise<ReviewPrompt> {
  const prompt = await requireReviewPrompt(deps.store, caller.tenant, unitId, year, promptId).catch(async (e: unknown) => {
    // Scope answers before existence: an outsider learns nothing of the unit's prompts.
    if (caller.role !== 'member') await unitInScope(deps.store, caller, unitId, 'results.write');
    throw e;
  });
  if (caller.role === 'member') {
    if (prompt.memberId === null) throw new DomainError('NOT_YOUR_RECORD', 'Gợi ý này gửi tập thể; chi ủy giải trình.');
    await selfReviewSubject(deps, caller, unitId, prompt.memberId, true);
  } else {
    await unitInScope(deps.store, caller, unitId, 'results.write');
  }
  await requireOpenCampaign(deps.store, caller.tenant, year);
  assertEditable(await getDossier(deps.store, caller.tenant, unitId, year));
  return answerReviewPrompt(deps.store, caller.tenant, prompt, answer, rev, changeBy(deps, caller));
}

