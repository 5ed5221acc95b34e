import {
  MemberFacts, isRatedCollective, rulebookFor, validatePastMemberRows, validatePastUnitRows,
  type Caller, type ErrorCode, type KnownMember, type PastUnitRef,
} from '@kd/domain';
import {
  commitImportedCollective, commitImportedMembers, getMembers, getStoredDossiers, holdsSystemResults, listIdentities, listSubtree, newImportId, putHistoryImport,
} from '@kd/data';
import type { ServiceDeps } from '../deps';
import { changeBy } from '../actor';
import { unitInScope } from '../access/scope';
import { tableOf } from '../uploads/upload-target';
import type { Outcome, UploadSource } from '../uploads/upload-answer';
import { createPastCampaign, pastYearCampaign, pastYearSettings } from './past-campaign';
import type { PastImportAnswer } from './past-answer';

const refuse = (answer: PastImportAnswer): Outcome<PastImportAnswer> => ({
  refused: true,
  answer: { ...answer, error: { code: 'UPLOAD_HAS_ERRORS' satisfies ErrorCode, message: `Tệp có ${answer.errorCount} lỗi; chưa ghi kết quả nào. Hãy sửa các lỗi rồi tải lên lại.` } },
});

async function inTurn<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

/** The importing unit's subtree and which of its units already hold results entered in the system that year. */
async function scopeOf(deps: ServiceDeps, caller: Caller, unitId: string, year: number) {
  const unit = await unitInScope(deps.store, caller, unitId, 'campaign.manage');
  const campaign = await pastYearCampaign(deps, caller, year);
  const units = await listSubtree(deps.store, caller.tenant, unit, { includeClosed: true });
  const dossiers = await getStoredDossiers(deps.store, caller.tenant, units.map((u) => u.id), year, { consistentRead: true });
  const locked = new Set([...dossiers.values()].filter((d) => holdsSystemResults({ ...d, exists: true })).map((d) => d.unitId));
  const refs: PastUnitRef[] = units.map((u) => ({ id: u.id, name: u.name, kind: u.kind }));
  return { unit, campaign, units: new Map(units.map((u) => [u.id, u] as const)), refs, locked };
}

/** The members a file names, by id and by party card number (identity records, else ids that are card numbers). */
async function membersNamed(deps: ServiceDeps, tenant: string, ids: readonly string[]): Promise<{ byId: Map<string, KnownMember>; byCard: Map<string, KnownMember> }> {
  const identities = await listIdentities(deps.store, tenant);
  const cardOwner = new Map([...identities.values()].filter((i) => i.partyCardNumber).map((i) => [i.partyCardNumber!, i.memberId] as const));
  const wanted = new Set(ids.flatMap((id) => [id, cardOwner.get(id) ?? id]));
  const found = await getMembers(deps.store, tenant, [...wanted]);
  const byId = new Map([...found.values()].map((m) => [m.id, { id: m.id, fullName: m.fullName }] as const));
  const byCard = new Map<string, KnownMember>();
  for (const [card, memberId] of cardOwner) {
    const m = byId.get(memberId);
    if (m) byCard.set(card, m);
  }
  return { byId, byCard };
}

/**
 * Imports the members' final results of an earlier year (docs/uploads.md, "Results of earlier
 * years"): the same reading, dry run and row errors as every upload; on commit, each cell's year
 * becomes one results version marked imported, in a closed campaign created for the year if it has
 * none. Roll-ups follow from the table's stream (docs/rollups.md, "Imported years").
 */
export async function importPastMembers(deps: ServiceDeps, caller: Caller, unitId: string, year: number, source: UploadSource, dryRun: boolean): Promise<Outcome<PastImportAnswer>> {
  const scope = await scopeOf(deps, caller, unitId, year);
  const table = await tableOf(source);
  const texts = table.rows.flatMap((r) => r.cells).filter((c): c is string => typeof c === 'string').map((s) => s.trim().replace(/\s+/g, ''));
  const known = await membersNamed(deps, caller.tenant, [...new Set(texts)].filter((t) => t.length > 0 && t.length <= 40));
  const validation = validatePastMemberRows(table, { units: scope.refs, membersById: known.byId, membersByCard: known.byCard, lockedUnits: scope.locked });
  const byUnit = new Map<string, typeof validation.rows>();
  for (const row of validation.rows) byUnit.set(row.unitId, [...(byUnit.get(row.unitId) ?? []), row]);
  const answer: PastImportAnswer = {
    year, kind: 'members', rows: validation.total, accepted: validation.rows.length, committed: false,
    errorCount: validation.errorCount, errors: validation.errors, campaign: scope.campaign ? 'exists' : 'toCreate',
    units: [...byUnit].map(([id, rows]) => ({ unitId: id, name: scope.units.get(id)!.name, rows: rows.length, changed: null })),
    unknownMembers: validation.rows.filter((r) => !r.known).length,
  };
  if (dryRun) return { refused: false, answer };
  if (validation.errorCount > 0) return refuse(answer);
  const { created } = await createPastCampaign(deps, caller, year);
  const importId = newImportId();
  const context = { ...changeBy(deps, caller), importId };
  const changed = new Map<string, boolean>();
  await inTurn([...byUnit], 4, async ([id, rows]) => {
    const outcome = await commitImportedMembers(deps.store, caller.tenant, id, year, rows.map((r) => ({
      memberId: r.memberId,
      facts: MemberFacts.parse({ decided: r.rating, discipline: r.discipline }),
      imported: { notRatedReason: r.notRatedReason, fullName: r.known ? null : r.fullName, known: r.known },
    })), context);
    changed.set(id, outcome.changed);
  });
  await putHistoryImport(deps.store, caller.tenant, {
    id: importId, at: context.at, year, kind: 'members', unitId: scope.unit.id, rows: validation.total,
    unitsWritten: [...changed.values()].filter(Boolean).length, unitsUnchanged: [...changed.values()].filter((c) => !c).length, campaignCreated: created, actor: context.actor,
  });
  return {
    refused: false,
    answer: { ...answer, committed: true, campaign: created ? 'created' : 'exists', units: answer.units.map((u) => ({ ...u, changed: changed.get(u.unitId) ?? null })) },
  };
}

/** Imports the organisations' own final results of an earlier year, as the members' (one dossier per organisation). */
export async function importPastUnits(deps: ServiceDeps, caller: Caller, unitId: string, year: number, source: UploadSource, dryRun: boolean): Promise<Outcome<PastImportAnswer>> {
  const scope = await scopeOf(deps, caller, unitId, year);
  const table = await tableOf(source);
  const settings = scope.campaign ?? pastYearSettings(year);
  const rulebook = rulebookFor(settings);
  const validation = validatePastUnitRows(table, { units: scope.refs, isRated: (kind) => isRatedCollective(rulebook, kind), lockedUnits: scope.locked });
  const answer: PastImportAnswer = {
    year, kind: 'units', rows: validation.total, accepted: validation.rows.length, committed: false,
    errorCount: validation.errorCount, errors: validation.errors, campaign: scope.campaign ? 'exists' : 'toCreate',
    units: validation.rows.map((r) => ({ unitId: r.unitId, name: scope.units.get(r.unitId)!.name, rows: 1, changed: null })),
    unknownMembers: 0,
  };
  if (dryRun) return { refused: false, answer };
  if (validation.errorCount > 0) return refuse(answer);
  const { created } = await createPastCampaign(deps, caller, year);
  const importId = newImportId();
  const context = { ...changeBy(deps, caller), importId };
  const changed = new Map<string, boolean>();
  await inTurn(validation.rows, 4, async (r) => {
    const outcome = await commitImportedCollective(deps.store, caller.tenant, r.unitId, year, { rating: r.rating, notRatedReason: r.notRatedReason, discipline: r.discipline }, context);
    changed.set(r.unitId, outcome.changed);
  });
  await putHistoryImport(deps.store, caller.tenant, {
    id: importId, at: context.at, year, kind: 'units', unitId: scope.unit.id, rows: validation.total,
    unitsWritten: [...changed.values()].filter(Boolean).length, unitsUnchanged: [...changed.values()].filter((c) => !c).length, campaignCreated: created, actor: context.actor,
  });
  return {
    refused: false,
    answer: { ...answer, committed: true, campaign: created ? 'created' : 'exists', units: answer.units.map((u) => ({ ...u, changed: changed.get(u.unitId) ?? null })) },
  };
}

