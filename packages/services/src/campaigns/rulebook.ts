import {
  DomainError, assertCampaignOpen, buildLocalOverlay, overlayPatches, referenceRulebook, rulebookFor, rulesInForce, ratingLabels, unitKindLabels,
  type AffectedDossier, type Campaign, type Caller, type LocalOverlay, type RuleEdit, type RuleInForce, type RulebookOverlay, type UnitYearEvaluation,
} from '@kd/domain';
import { getStoredDossiers, listOverlayVersions, listSubtree, putLocalOverlay, requireCampaign, requireUnit, type OverlayVersion, type StoredUnit } from '@kd/data';
import type { ServiceDeps } from '../deps';
import { unitInScope } from '../access/scope';
import { changeBy } from '../actor';
import { evaluateStoredUnit } from './unit-year';

/** The rules of a campaign as its page lists them, with the overlays' changes and the local overlay's history. */
export async function readRulebook(deps: ServiceDeps, caller: Caller, year: number, unitId: string): Promise<{ unit: StoredUnit; campaign: Campaign; rules: RuleInForce[]; versions: OverlayVersion[] }> {
  const unit = await unitInScope(deps.store, caller, unitId, 'unit.read');
  const campaign = await requireCampaign(deps.store, caller.tenant, year);
  const versions = await listOverlayVersions(deps.store, caller.tenant, year);
  return { unit, campaign, rules: rulesInForce(campaign), versions };
}

/** A change of the province's overlay as the form sends it: every rule's settings, the province's text that decides them. */
export interface OverlayChange {
  source: string;
  edits: readonly RuleEdit[];
  /** The version of the local overlay the form was filled on (0: none yet); another one in force → 409. */
  expectedVersion: number;
}

export interface OverlayPreview {
  campaign: Campaign;
  overlay: RulebookOverlay;
  /** Dossiers already sent up (submitted or approved) whose evaluation the change alters, with what changes. */
  affected: AffectedDossier[];
  /** How many sent-up dossiers were evaluated before and after. */
  checked: number;
}

/** The states whose dossiers are already with the upper level: a change of the rules must not alter them unseen. */
const sentUp = new Set(['submitted', 'approved']);
const label = (r: string | null) => (r ? ratingLabels[r as keyof typeof ratingLabels] : 'chưa xếp loại');

/** What differs between two evaluations of the same unit-year, as short Vietnamese sentences. */
function differences(before: UnitYearEvaluation, after: UnitYearEvaluation, names: Map<string, string>): string[] {
  const out: string[] = [];
  const afterById = new Map(after.members.map((e) => [e.memberId, e] as const));
  for (const b of before.members) {
    const a = afterById.get(b.memberId);
    if (!a) continue;
    const who = names.get(b.memberId) ?? b.memberId;
    if (b.final !== a.final || b.rated !== a.rated) out.push(`${who}: kết quả ${label(b.final)} → ${label(a.final)}`);
    else if (b.maxAllowed !== a.maxAllowed) out.push(`${who}: mức cao nhất được phép ${label(b.maxAllowed)} → ${label(a.maxAllowed)}`);
  }
  if (before.unit && after.unit) {
    if (before.unit.final !== after.unit.final) out.push(`Tập thể: kết quả ${label(before.unit.final)} → ${label(after.unit.final)}`);
    const q = (e: UnitYearEvaluation) => e.unit?.quota;
    if (q(before) && q(after) && (q(before)!.cap !== q(after)!.cap || q(before)!.withinCap !== q(after)!.withinCap)) {
      out.push(`Chỉ tiêu Hoàn thành xuất sắc: tối đa ${q(before)!.cap} → ${q(after)!.cap}${q(after)!.withinCap ? '' : ' (vượt chỉ tiêu)'}`);
    }
  }
  const rules = (e: UnitYearEvaluation) => new Set(e.blocking.map((v) => `${v.memberId ?? ''}|${v.ruleId}`));
  const [rb, ra] = [rules(before), rules(after)];
  const added = [...ra].filter((k) => !rb.has(k)).length;
  const removed = [...rb].filter((k) => !ra.has(k)).length;
  if (added > 0) out.push(`Thêm ${added} vi phạm chặn việc gửi hồ sơ`);
  if (removed > 0) out.push(`Bớt ${removed} vi phạm chặn việc gửi hồ sơ`);
  return out;
}

async function inPool<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

/**
 * What a change of the province's overlay would do, without storing anything: the overlay it
 * makes (validated against the rulebook schema and each check's params, 422 RULEBOOK_INVALID), and
 * every dossier already sent up whose evaluation changes — each evaluated with the rules in force
 * and with the changed ones. Only the province board, at the province (403 PROVINCE_ONLY).
 */
export async function previewOverlay(deps: ServiceDeps, caller: Caller, year: number, unitId: string, change: OverlayChange): Promise<OverlayPreview> {
  const unit = await unitInScope(deps.store, caller, unitId, 'campaign.manage');
  if (unit.kind !== 'province' || unit.parentId !== null) throw new DomainError('PROVINCE_ONLY', 'Bộ quy tắc của tỉnh do Ban Tổ chức Tỉnh ủy sửa, tại Tỉnh ủy.');
  const campaign = await requireCampaign(deps.store, caller.tenant, year);
  assertCampaignOpen(campaign);
  if ((campaign.localOverlay?.version ?? 0) !== change.expectedVersion) {
    throw new DomainError('VERSION_CONFLICT', 'Bộ quy tắc của tỉnh vừa được người khác sửa. Vui lòng tải lại trang và thử lại.', { version: campaign.localOverlay?.version ?? 0 });
  }
  const patches = overlayPatches(referenceRulebook(campaign), change.edits, change.source);
  const overlay = buildLocalOverlay({ tenant: caller.tenant, year, settings: campaign, provinceName: unit.name, source: change.source, patches });
  const before = rulebookFor(campaign);
  const after = rulebookFor({ ...campaign, localOverlay: { overlay } });
  const units = (await listSubtree(deps.store, caller.tenant, unit)).filter((u) => u.id !== unit.id);
  const dossiers = await getStoredDossiers(deps.store, caller.tenant, units.map((u) => u.id), year);
  const targets = units.filter((u) => sentUp.has(dossiers.get(u.id)?.state ?? 'draft'));
  const affected: AffectedDossier[] = [];
  await inPool(targets, 4, async (u) => {
    const [b, a] = [await evaluateStoredUnit(deps, caller.tenant, u, campaign, before), await evaluateStoredUnit(deps, caller.tenant, u, campaign, after)];
    const names = new Map(b.stored.members.map((m) => [m.id, m.fullName] as const));
    const changes = differences(b.evaluation, a.evaluation, names);
    if (changes.length > 0) affected.push({ unitId: u.id, name: `${u.name} (${unitKindLabels[u.kind]})`, state: dossiers.get(u.id)!.state, changes });
  });
  affected.sort((x, y) => x.name.localeCompare(y.name, 'vi'));
  return { campaign, overlay, affected, checked: targets.length };
}

/**
 * Applies a change of the province's overlay once the board has seen its preview and confirmed:
 * a new version of the overlay on the campaign (409 if another change came first), the version
 * kept, the audit entry with before and after, and the dossiers it re-evaluated recorded so that
 * the appraisal page flags them. Nothing changes without this step.
 */
export async function applyOverlay(deps: ServiceDeps, caller: Caller, year: number, unitId: string, change: OverlayChange): Promise<{ campaign: Campaign; localOverlay: LocalOverlay; checked: number }> {
  const preview = await previewOverlay(deps, caller, year, unitId, change);
  const context = changeBy(deps, caller);
  const by = (await requireUnit(deps.store, caller.tenant, caller.unit)).name;
  const localOverlay: LocalOverlay = { version: change.expectedVersion + 1, overlay: preview.overlay, at: context.at, by: `${caller.name} (${by})`, affected: preview.affected };
  const campaign = await putLocalOverlay(deps.store, caller.tenant, preview.campaign, localOverlay, { ...context, unitId });
  return { campaign, localOverlay, checked: preview.checked };
}
