import { getStoredDossiers, getUnitEventTimes, type Store } from '@kd/data';
import { isPartyOrganisation, firstSubmissionAt, type MilestoneEvent, type UnitCompletions, type Unit } from '@kd/domain';

/** When each unit of a subtree completed each milestone event, and which events are recorded at all. */
export interface CompletionSource {
  readonly recordable: ReadonlySet<MilestoneEvent>;
  completions(tenant: string, year: number, subtree: readonly Pick<Unit, 'id' | 'kind' | 'parentId'>[]): Promise<Map<string, UnitCompletions>>;
}

/** Events issue 3 records: group meetings and reports and cell meetings as unit events, submissions and appraisals on the dossier. */
const RECORDED: readonly MilestoneEvent[] = ['groupMeetingHeld', 'groupReportSent', 'cellResultsDecided', 'dossierSubmitted', 'appraisalDone'];
/** The events kept as unit event items (the others are read from the dossiers). */
const UNIT_EVENTS: readonly MilestoneEvent[] = ['groupMeetingHeld', 'groupReportSent', 'cellResultsDecided'];

/**
 * Completion times read from the table: unit events (`EVENT#<event>` items of the unit's year,
 * their `at`), the dossier's first submission, and appraisals. The cell's results count as decided
 * when the cell meeting was recorded, or else when the dossier carrying them was first submitted.
 * An appraiser (a base committee, a bloc) has done its appraisal when every party organisation
 * directly under it is approved, at the last approval; a unit with none is judged by its own dossier.
 */
export function storedCompletions(store: Store): CompletionSource {
  return {
    recordable: new Set(RECORDED),
    async completions(tenant, year, subtree) {
      const ids = subtree.map((u) => u.id);
      const [dossiers, events] = await Promise.all([
        getStoredDossiers(store, tenant, ids, year),
        getUnitEventTimes(store, tenant, year, ids, UNIT_EVENTS),
      ]);
      const result = new Map<string, UnitCompletions>(ids.map((id) => [id, {}]));
      for (const { unitId, event, at } of events) if (result.has(unitId)) result.get(unitId)![event] = at;
      for (const dossier of dossiers.values()) {
        const c = result.get(dossier.unitId);
        if (!c) continue;
        c.dossierSubmitted = firstSubmissionAt(dossier);
        c.cellResultsDecided ??= c.dossierSubmitted;
      }
      const children = new Map<string, string[]>();
      for (const u of subtree) if (u.parentId && isPartyOrganisation(u.kind)) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u.id]);
      for (const u of subtree) {
        const appraised = children.get(u.id) ?? [];
        const own = dossiers.get(u.id);
        const list = appraised.length > 0 ? appraised.map((id) => dossiers.get(id) ?? null) : own ? [own] : [null];
        const done = list.every((d) => d !== null && d.state === 'approved' && d.appraisedAt !== null);
        result.get(u.id)!.appraisalDone = done ? (list.map((d) => d!.appraisedAt as string).sort().at(-1) ?? null) : null;
      }
      return result;
    },
  };
}
