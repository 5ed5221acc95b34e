import { compareSequence, decodeRecord, StreamRecord, TableReader, type Store, type TableChange } from '@kd/data';
import { loadRollupYears, type RollupYear } from './campaigns';
import { applyUnits, emptyReport, mergeReports, type ApplyOptions, type ApplyReport } from './apply-units';
import { reconcileYear } from './reconcile';
import { applyMassesChanges, type MassesChange } from './masses-stream';

export interface StreamBatchResult {
  /** Sequence numbers of records to deliver again (the earliest that touched a failed unit). */
  batchItemFailures: { itemIdentifier: string }[];
  report: ApplyReport & { records: number; relevant: number; units: number; ignoredFrozen: number; masses: { units: number; writes: number; rebuilt: number } };
}

interface Affected {
  /** Sequence numbers of the records that named the unit. */
  seqs: string[];
  /** Only result rows of these versions named it: nothing to do unless one is current. */
  rowVersions: Set<number> | null;
}

/**
 * The stream consumer's core, the same for Lambda and for the local poller: decodes the records,
 * collects the affected (tenant, campaign, unit) set once per batch and hands it to `applyUnits`.
 * Records of frozen campaigns are ignored (docs/api.md, "Roll-ups": a campaign keeps its own tree). A change
 * of a campaign's rulebook or rating date re-evaluates that campaign through the reconcile.
 */
export async function applyStreamBatch(store: Store, rawRecords: readonly unknown[], options: ApplyOptions = {}): Promise<StreamBatchResult> {
  const records = rawRecords.flatMap((r) => {
    const parsed = StreamRecord.safeParse(r);
    return parsed.success ? [parsed.data] : [];
  });
  const byTenant = new Map<string, { change: TableChange; seq: string }[]>();
  const masses: MassesChange[] = [];
  for (const record of records) {
    const change = decodeRecord(record);
    if (!change) continue;
    // Biểu 5 follows masses items and units; the ratings follow everything else (and units).
    if (change.kind === 'masses' || change.kind === 'massesSettings' || change.kind === 'massesReview' || change.kind === 'unit') {
      masses.push({ change, seq: record.dynamodb.SequenceNumber });
      if (change.kind !== 'unit') continue;
    }
    const list = byTenant.get(change.tenant) ?? [];
    list.push({ change, seq: record.dynamodb.SequenceNumber });
    byTenant.set(change.tenant, list);
  }
  let report = emptyReport();
  let relevant = 0;
  let units = 0;
  let ignoredFrozen = 0;
  const failedSeqs: string[] = [];
  for (const [tenant, changes] of byTenant) {
    const years = await loadRollupYears(store, tenant);
    const open = years.filter((y) => !y.frozen);
    const affected = new Map<number, Map<string, Affected>>();
    const mark = (year: RollupYear, unitId: string, seq: string, rowVersion?: number) => {
      const units = affected.get(year.campaign.year) ?? new Map<string, Affected>();
      affected.set(year.campaign.year, units);
      const entry = units.get(unitId) ?? { seqs: [], rowVersions: rowVersion === undefined ? null : new Set<number>() };
      entry.seqs.push(seq);
      if (rowVersion === undefined) entry.rowVersions = null;
      else entry.rowVersions?.add(rowVersion);
      units.set(unitId, entry);
    };
    const campaignYears = new Set<number>();
    for (const { change, seq } of changes) {
      relevant++;
      if (change.kind === 'dossier' || change.kind === 'row') {
        const year = years.find((y) => y.campaign.year === change.year);
        // A frozen campaign takes one kind of write: results imported from an earlier year, whose
        // dossier flip (after its rows) is what the roll-up follows (docs/rollups.md, "Imported years").
        if (!year || (year.frozen && !(change.kind === 'dossier' && change.imported))) {
          ignoredFrozen++;
          continue;
        }
        mark(year, change.unitId, seq, change.kind === 'row' ? change.version : undefined);
      } else if (change.kind === 'member') {
        for (const year of open) for (const unitId of change.unitIds) mark(year, unitId, seq);
      } else if (change.kind === 'unit') {
        for (const year of open) mark(year, change.unitId, seq);
      } else if (change.kind === 'campaign' && change.settingsChanged) {
        campaignYears.add(change.year);
      }
    }
    for (const yearNumber of campaignYears) {
      const year = years.find((y) => y.campaign.year === yearNumber);
      if (year && !year.frozen) report = mergeReports(report, (await reconcileYear(store, tenant, year, options)).apply);
    }
    for (const [yearNumber, unitMap] of affected) {
      const year = years.find((y) => y.campaign.year === yearNumber)!;
      // Rows of a version that is not current are invisible: skip units only such rows named.
      const rowOnly = [...unitMap].filter(([, a]) => a.rowVersions !== null);
      if (rowOnly.length > 0) {
        const dossiers = await new TableReader(store, tenant).dossiers(rowOnly.map(([id]) => id), yearNumber);
        for (const [id, a] of rowOnly) {
          const current = dossiers.get(id)?.currentVersion ?? null;
          if (current === null || !a.rowVersions!.has(current)) unitMap.delete(id);
        }
      }
      units += unitMap.size;
      const result = await applyUnits(store, tenant, year, unitMap.keys(), options);
      report = mergeReports(report, result);
      for (const id of result.failed) failedSeqs.push(...(unitMap.get(id)?.seqs ?? []));
      // A unit pulled in by another (a base organisation, a parent) carries no record of its own.
      if (result.failed.some((id) => !unitMap.has(id))) failedSeqs.push(...[...unitMap.values()].flatMap((a) => a.seqs));
    }
  }
  const massesReport = await applyMassesChanges(store, masses);
  failedSeqs.push(...massesReport.failedSeqs);
  const first = failedSeqs.sort(compareSequence)[0];
  return {
    batchItemFailures: first ? [{ itemIdentifier: first }] : [],
    report: { ...report, records: records.length, relevant, units, ignoredFrozen, masses: { units: massesReport.units, writes: massesReport.writes, rebuilt: massesReport.rebuilt } },
  };
}
