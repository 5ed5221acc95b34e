import { evaluateMember, ratingDateOf, rulebookFor, pastYearRegime, type Campaign, type Member, type RatingHistory, type YearOutcome, type Rating } from '@kd/domain';
import { getStoredDossiers, memberRowsOverYears, type Dossier, type Store } from '@kd/data';

const decidedOf = (d: Dossier): Rating | null => d.adjustedCollective?.rating ?? d.collective.decided;

/**
 * Each member's final rating in each year from `from` to `to`, wherever they were: an imported
 * year as imported; a year run in the system as that year's rulebook evaluates the member's row
 * (a year's record with no rating — exempt, suspended, not decided yet — is a year without one).
 */
export async function memberHistories(
  store: Store,
  tenant: string,
  members: readonly Member[],
  years: { from: number; to: number },
  campaigns: ReadonlyMap<number, Campaign>,
): Promise<Map<string, RatingHistory>> {
  const rows = await memberRowsOverYears(store, tenant, members.map((m) => m.id), years);
  const out = new Map<string, RatingHistory>();
  for (const member of members) {
    const history = new Map<number, YearOutcome>();
    for (const { year, row, dossier } of rows.get(member.id) ?? []) {
      if (dossier.importedMembersAt) {
        history.set(year, { rating: row.facts.decided, imported: true });
        continue;
      }
      const settings = campaigns.get(year) ?? pastYearRegime(year);
      const evaluation = evaluateMember({
        rulebook: rulebookFor(settings),
        member,
        facts: row.facts,
        adjusted: row.adjusted,
        year,
        ratingDate: ratingDateOf(settings.ratingDate, dossier.meetingDate),
      });
      history.set(year, { rating: evaluation.rated ? evaluation.final : null, imported: false });
    }
    out.set(member.id, history);
  }
  return out;
}

/** Each organisation's rating in each year: the imported one, or the decided (or adjusted) collective rating. */
export async function organisationHistories(store: Store, tenant: string, unitIds: readonly string[], years: { from: number; to: number }): Promise<Map<string, RatingHistory>> {
  const out = new Map<string, Map<number, YearOutcome>>(unitIds.map((id) => [id, new Map()]));
  for (let year = years.from; year <= years.to; year++) {
    for (const [unitId, d] of await getStoredDossiers(store, tenant, unitIds, year)) {
      if (d.importedCollective) out.get(unitId)!.set(year, { rating: d.collective.decided, imported: true });
      else if (decidedOf(d) !== null) out.get(unitId)!.set(year, { rating: decidedOf(d), imported: false });
    }
  }
  return out;
}
