import { DomainError, ScoringScheme, assertCampaignOpen, assertEditable, emptyFacts, buildReviewForm, isCell, isRatedCollective, resolveScoringScheme, reviewFormFor, reviewFormInfo, reviewSubjectOf, rulebookFor, schemeIssues, scoreSheet, sheetLines, variantOfSector, vietnamDateOf, type Campaign, type Caller, type Member, type Rating, type ResolvedScheme, type ReviewForm, type SheetLine } from '@kd/domain';
import {
  getDossier, getSchemes, getScoreSheet, listUnitMembers, putScheme, readResults, requireCampaign, saveResultRow, scoreSheetPut, updateDossier,
  type ScoreSheetRecord, type StoredScheme, type StoredUnit, getMemberReview, getCollectiveReview,
} from '@kd/data';
import { filesModule } from '../files-module';
import type { ServiceDeps } from '../deps';
import { ownRecordInScope, unitInScope } from '../access/scope';
import { changeBy } from '../actor';
import { headerOf } from './documents';
import { notRatedAsCollective } from './unit-year';

/** The 100-point regime only: a campaign whose rules do not score has no scoring sheets (422 NOT_SCORED). */
function assertScored(campaign: Campaign): void {
  const rules = rulebookFor(campaign).rules;
  if (!rules.some((r) => r.enabled && (r.check === 'scoresOnFile' || r.check === 'orgScoresOnFile'))) {
    throw new DomainError('NOT_SCORED', `Bộ quy tắc của năm ${campaign.year} không chấm điểm theo thang 100.`);
  }
}

/**
 * The criteria frameworks of QĐ 366-QĐ/TW (60 KB of JSON) load with the first scoring request, not
 * at a cold start of the API function (docs/deploy.md, "Cold start"): the one module that reads
 * them is imported here alone, and deliberately not from the domain's front door.
 */
const frameworks = () => import('@kd/domain/scoring/catalogue');

const schemeId = (unitId: string, year: number, appendix: number) => `${unitId}-${year}-pl${appendix}`.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+/, '');

/** What the scheme page of a province or a bloc shows: its own points, and for a bloc the province's frame. */
export async function readSchemes(deps: ServiceDeps, caller: Caller, year: number, unitId: string, appendix: number): Promise<{ unit: StoredUnit; campaign: Campaign; own: StoredScheme | null; province: StoredScheme | null }> {
  const unit = await unitInScope(deps.store, caller, unitId, 'unit.read');
  const campaign = await requireCampaign(deps.store, caller.tenant, year);
  (await frameworks()).framework(appendix);
  const stored = await getSchemes(deps.store, caller.tenant, [unit.id, unit.path[0]!], year, appendix);
  return { unit, campaign, own: stored.get(unit.id) ?? null, province: unit.kind === 'province' ? null : (stored.get(unit.path[0]!) ?? null) };
}

/**
 * The points per criterion of one framework for a year (HD 43-HD/BTCTW mục 7.12): set by the
 * province (ranges allowed, a frame for its blocs) or by a bloc within the province's frame;
 * validated (422 SCORING_SCHEME_INVALID with every problem in `details.issues`), stored per
 * unit and year on the revision the caller saw, and audited.
 */
export async function setScheme(
  deps: ServiceDeps,
  caller: Caller,
  year: number,
  unitId: string,
  body: { appendix: number; title?: string | undefined; source: string; points: Record<string, unknown>; addedItems?: unknown[] | undefined; rev: number },
): Promise<StoredScheme> {
  const unit = await unitInScope(deps.store, caller, unitId, 'scoring.manage');
  if (unit.kind !== 'province' && unit.kind !== 'bloc') throw new DomainError('SCORING_LEVEL_NOT_ALLOWED', 'Thang điểm từng tiêu chí do Tỉnh ủy hoặc đảng ủy cấp trên cơ sở đặt.', { kind: unit.kind });
  const campaign = await requireCampaign(deps.store, caller.tenant, year);
  assertCampaignOpen(campaign);
  assertScored(campaign);
  const f = (await frameworks()).framework(body.appendix);
  const provinceStored = unit.kind === 'bloc' ? (await getSchemes(deps.store, caller.tenant, [unit.path[0]!], year, body.appendix)).get(unit.path[0]!) : undefined;
  if (unit.kind === 'bloc' && !provinceStored) throw new DomainError('SCORING_SCHEME_MISSING', `Tỉnh chưa đặt thang điểm Phụ lục ${body.appendix} năm ${year}: khối đặt điểm trong khung của tỉnh.`);
  const parsed = ScoringScheme.safeParse({
    id: schemeId(unit.id, year, body.appendix),
    appendix: body.appendix,
    level: unit.kind === 'province' ? 'province' : 'bloc',
    ...(provinceStored ? { parentId: provinceStored.scheme.id } : {}),
    title: body.title?.trim() || `Thang điểm ${f.title.toLocaleLowerCase('vi')} — ${unit.name} năm ${year}`,
    source: body.source,
    points: body.points,
    addedItems: body.addedItems ?? [],
  });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new DomainError('SCORING_SCHEME_INVALID', `Thang điểm không hợp lệ: ${issues[0]}`, { issues });
  }
  const issues = schemeIssues(f, parsed.data, provinceStored?.scheme);
  if (issues.length > 0) throw new DomainError('SCORING_SCHEME_INVALID', `Thang điểm không hợp lệ: ${issues[0]}`, { issues });
  return putScheme(deps.store, caller.tenant, unit.id, year, parsed.data, body.rev, changeBy(deps, caller));
}

/** The scheme a unit's sheets are scored against: the nearest bloc's on its path within the province's frame, else the province's. */
export async function schemeAt(deps: ServiceDeps, tenant: string, unit: Pick<StoredUnit, 'path'>, year: number, appendix: number): Promise<ResolvedScheme> {
  const stored = await getSchemes(deps.store, tenant, unit.path, year, appendix);
  const province = stored.get(unit.path[0]!);
  if (!province) throw new DomainError('SCORING_SCHEME_MISSING', `Tỉnh chưa đặt thang điểm từng tiêu chí của Phụ lục ${appendix} năm ${year}.`, { appendix });
  const bloc = [...unit.path].reverse().map((id) => stored.get(id)).find((s) => s?.scheme.level === 'bloc');
  return resolveScoringScheme((await frameworks()).framework(appendix), province.scheme, bloc?.scheme);
}

/** A member's sheet in the caller's reach: their own for a member signed in (access/scope.ts). The pages' forms ask it before they read the form. */
export function sheetMemberInScope(deps: ServiceDeps, caller: Caller, unitId: string, memberId: string, action: 'member.read' | 'results.write') {
  return ownRecordInScope(deps.store, caller, unitId, memberId, action, 'Đồng chí chỉ xem và chấm phiếu tự chấm điểm của chính mình.');
}

/**
 * Whose sheet: a member of a cell (Mẫu 2A/2B/2C) — a member signed in for themselves fills their
 * own phiếu tự chấm điểm and no one else's — or the collective itself (`memberId` null, Mẫu 01).
 */
async function sheetSubject(deps: ServiceDeps, caller: Caller, year: number, unitId: string, memberId: string | null, action: 'member.read' | 'results.write') {
  const { unit, member } = memberId === null
    ? { unit: await unitInScope(deps.store, caller, unitId, action), member: null }
    : await sheetMemberInScope(deps, caller, unitId, memberId, action);
  const campaign = await requireCampaign(deps.store, caller.tenant, year);
  if (action === 'results.write') assertCampaignOpen(campaign);
  assertScored(campaign);
  if (member === null) {
    if (!isRatedCollective(rulebookFor(campaign), unit.kind)) throw notRatedAsCollective(unit.kind);
    return { unit, campaign, member: null };
  }
  if (!isCell(unit.kind)) throw new DomainError('NOT_A_CELL', 'Phiếu tự chấm điểm của đảng viên lập ở chi bộ.');
  return { unit, campaign, member };
}

function defaultForm(member: Member | null, unit: StoredUnit): ReviewForm {
  return member === null ? '01' : reviewFormFor(reviewSubjectOf(member, unit.sector)).form;
}

export interface SheetView {
  unit: StoredUnit;
  campaign: Campaign;
  member: Member | null;
  form: ReviewForm;
  /** The form the roster suggests (the cell may pick another). */
  suggestedForm: ReviewForm;
  appendix: number;
  variant: string | null;
  variants: { key: string; label: string }[];
  lines: SheetLine[];
  sheet: ScoreSheetRecord | null;
  schemeIds: readonly string[];
}

/** A sheet to fill: the stored one, or a blank one on the form the roster suggests (`form`, `variant` ask for another). */
export async function readSheet(deps: ServiceDeps, caller: Caller, year: number, unitId: string, memberId: string | null, ask: { form?: ReviewForm | undefined; variant?: string | undefined } = {}): Promise<SheetView> {
  const { unit, campaign, member } = await sheetSubject(deps, caller, year, unitId, memberId, 'member.read');
  const sheet = await getScoreSheet(deps.store, caller.tenant, unit.id, year, member?.id ?? null);
  const suggestedForm = defaultForm(member, unit);
  const form = member === null ? '01' : (ask.form ?? sheet?.form ?? suggestedForm);
  const appendix = reviewFormInfo[form].appendix;
  const scheme = await schemeAt(deps, caller.tenant, unit, year, appendix);
  const variants = scheme.framework.variants?.options.map((o) => ({ key: o.key, label: o.label })) ?? [];
  const wanted = ask.variant ?? (sheet?.appendix === appendix ? sheet.variant : null) ?? variantOfSector(unit.sector);
  const variant = variants.length === 0 ? null : variants.some((v) => v.key === wanted) ? wanted! : null;
  const lines = variants.length > 0 && variant === null ? [] : sheetLines(scheme, variant);
  return { unit, campaign, member, form, suggestedForm, appendix, variant, variants, lines, sheet: sheet?.appendix === appendix ? sheet : null, schemeIds: scheme.schemeIds };
}

/**
 * Saves a filled sheet and makes its totals the year's scores: a member's group scores and own
 * total on the results row (`generalScore`, `taskScore`, `selfScore`, and the proposed level), the
 * collective's on its dossier — in the same transaction as the sheet. The sheet is then the source
 * of those scores for the year: an upload may leave the score cells empty or repeat them, but not
 * contradict them (row error SCORES_FROM_SHEET). Validated against the scheme in force (422
 * SCORE_SHEET_INVALID), on the sheet's revision the caller saw (0: none yet); the dossier must be
 * editable.
 */
export async function saveSheet(
  deps: ServiceDeps,
  caller: Caller,
  year: number,
  unitId: string,
  memberId: string | null,
  body: { form?: ReviewForm | undefined; variant: string | null; scores: Record<string, number>; proposed?: Rating | null | undefined; rev: number },
): Promise<ScoreSheetRecord> {
  const { unit, member } = await sheetSubject(deps, caller, year, unitId, memberId, 'results.write');
  const form = member === null ? '01' : (body.form ?? defaultForm(member, unit));
  if (member === null ? form !== '01' : form === '01') throw new DomainError('SCORE_SHEET_INVALID', 'Mẫu 01 dành cho tập thể; Mẫu 2A, 2B, 2C dành cho đảng viên.', { form });
  const appendix = reviewFormInfo[form].appendix;
  const scheme = await schemeAt(deps, caller.tenant, unit, year, appendix);
  const result = scoreSheet(scheme, { variant: body.variant, scores: body.scores });
  const change = changeBy(deps, caller);
  const record: ScoreSheetRecord = {
    unitId: unit.id, year, memberId: member?.id ?? null, form, appendix, variant: body.variant, schemeIds: [...scheme.schemeIds],
    scores: Object.fromEntries(result.lines.flatMap((l) => (l.score === null ? [] : [[l.code, l.score] as const]))),
    general: result.general, tasks: result.tasks, total: result.total, proposed: body.proposed ?? null, rev: body.rev + 1, updatedAt: change.at,
  };
  const sheetItem = scoreSheetPut(deps.store, caller.tenant, record, body.rev);
  const dossier = await getDossier(deps.store, caller.tenant, unit.id, year);
  assertEditable(dossier);
  if (member === null) {
    await updateDossier(
      deps.store, caller.tenant, unit.id, year,
      {
        from: [dossier.state],
        expectedRev: dossier.rev,
        patch: { collective: { ...dossier.collective, scores: { general: result.general, tasks: result.tasks }, proposed: body.proposed === undefined ? dossier.collective.proposed : body.proposed } },
        action: 'scoring.sheet.collective',
        with: [sheetItem],
      },
      change,
    );
    return record;
  }
  const row = (await readResults(deps.store, caller.tenant, unit.id, year, dossier.currentVersion)).get(member.id);
  const facts = { ...(row?.facts ?? emptyFacts()), generalScore: result.general, taskScore: result.tasks, selfScore: result.total, ...(body.proposed === undefined ? {} : { selfProposed: body.proposed }) };
  await saveResultRow(
    deps.store, caller.tenant, unit.id, year,
    { memberId: member.id, facts, adjusted: row?.adjusted ?? null, adjustReason: row?.adjustReason ?? null, override: row?.override ?? null },
    { dossierRev: dossier.rev, rowRev: row?.rev ?? null },
    { ...change, action: 'scoring.sheet.member', with: [sheetItem] },
  );
  return record;
}

/**
 * The filled sheet as the official form in Word (HD 43-HD/BTCTW Mẫu 01, 2A, 2B, 2C): part B with
 * the scheme's lines, the points entered, the totals and the proposed level ticked; part A's
 * sections print as lines to write by hand.
 */
export async function sheetDocx(deps: ServiceDeps, caller: Caller, year: number, unitId: string, memberId: string | null): Promise<{ bytes: Buffer; fileName: string }> {
  const view = await readSheet(deps, caller, year, unitId, memberId);
  const { unit, member, sheet } = view;
  const [header, members, written] = await Promise.all([
    headerOf(deps, caller.tenant, unit),
    member ? Promise.resolve([]) : listUnitMembers(deps.store, caller.tenant, unit.id),
    // Part A as written on the review pages (HD 43-HD/BTCTW Mẫu 01, 2A/2B/2C); blank sections print lines to fill.
    member ? getMemberReview(deps.store, caller.tenant, unit.id, year, member.id) : getCollectiveReview(deps.store, caller.tenant, unit.id, year),
  ]);
  const secretary = members.find((m) => m.partyPosition === 'secretary');
  const lines = view.lines.map((l) => ({ ...l, score: sheet?.scores[l.code] ?? null }));
  const model = buildReviewForm({
    form: view.form,
    ...header,
    date: vietnamDateOf(deps.clock()),
    year,
    ...(member
      ? { member: { fullName: member.fullName, birthDate: member.birthDate, workplace: member.governmentPosition, cellName: unit.name } }
      : { collective: { name: unit.name, signerOnBehalfOf: `T/M ${isCell(unit.kind) ? 'CHI BỘ' : unit.kind === 'bloc' ? 'BAN THƯỜNG VỤ' : 'ĐẢNG ỦY'}`, signerTitle: 'BÍ THƯ', signerName: secretary?.fullName ?? null } }),
    appendix: view.appendix,
    sections: written.formSections,
    scoring: sheet ? { lines, general: sheet.general, tasks: sheet.tasks, total: sheet.total } : null,
    proposed: sheet?.proposed ?? null,
  });
  const who = member ? member.id : unit.id;
  return { bytes: await (await filesModule()).renderDocx(model), fileName: `mau-${view.form.toLowerCase()}-${year}-${who}.docx`.replace(/[^\w.-]+/g, '_') };
}
