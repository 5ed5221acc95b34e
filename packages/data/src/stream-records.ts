import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { z } from 'zod';
import { parseKey } from './key-parse';

/**
 * A DynamoDB Streams record as Lambda delivers it and as GetRecords returns it (the same shape):
 * only what the roll-ups read is checked; anything else passes through untouched.
 */
export const StreamRecord = z.object({
  eventName: z.string().optional(),
  dynamodb: z.object({
    SequenceNumber: z.string(),
    Keys: z.record(z.string(), z.unknown()).optional(),
    NewImage: z.record(z.string(), z.unknown()).optional(),
    OldImage: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type StreamRecord = z.infer<typeof StreamRecord>;

/** What a table change means for the roll-ups. */
export type TableChange =
  | { kind: 'dossier'; tenant: string; year: number; unitId: string; imported: boolean }
  | { kind: 'row'; tenant: string; year: number; unitId: string; version: number }
  | { kind: 'member'; tenant: string; unitIds: string[] }
  | { kind: 'unit'; tenant: string; unitId: string }
  | { kind: 'campaign'; tenant: string; year: number; settingsChanged: boolean }
  /** A workplace, session, comment or remediation item of a unit's year: Biểu 5's own contribution. */
  | { kind: 'masses'; tenant: string; year: number; unitId: string }
  /** The tenant's masses settings; `countsChanged`: a parameter Biểu 5 counts by changed (every year is recomputed). */
  | { kind: 'massesSettings'; tenant: string; countsChanged: boolean }
  /** A year's masses review; `opened`: it is new (the year's Biểu 5 is built, unless already built). */
  | { kind: 'massesReview'; tenant: string; year: number; opened: boolean };

const image = (raw: Record<string, unknown> | undefined): Record<string, unknown> | undefined =>
  raw ? unmarshall(raw as Record<string, AttributeValue>) : undefined;

// Every cell of the member's dated periods: a change to the member changes their count wherever
// a campaign's rating date places them.
const Member = z.object({ unitId: z.string(), cells: z.array(z.object({ unitId: z.string() })).optional() });
/** A dossier holding results imported from an earlier year: the one change a closed campaign takes. */
const isImported = (img: Record<string, unknown> | undefined) => Boolean(img && (img.importedMembersAt || img.importedCollective));
// The settings' parameters Biểu 5 counts by (the threshold decides which workplaces must hold a
// session); titles, sources and milestone dates count nothing. Keys sorted: a map's attribute order
// is not guaranteed to be the same in the old and the new image.
const canonical = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(canonical) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, canonical(x)])) : v;
const countedSettings = (img: Record<string, unknown> | undefined) =>
  img ? JSON.stringify(canonical([img.threshold, img.countedContracts, img.longestSessionDays])) : null;
const CampaignSettings = z.object({ rulebookId: z.unknown(), overlayIds: z.unknown(), ratingDate: z.unknown(), closedAt: z.unknown(), localOverlay: z.unknown() }).partial();

/**
 * Decodes one record into the change it stands for, by its keys (`parseKey`); null for items the
 * roll-ups do not depend on (audit entries, roll-up items themselves, reviews …).
 */
export function decodeRecord(record: StreamRecord): TableChange | null {
  const keysOf = image(record.dynamodb.Keys) ?? image(record.dynamodb.NewImage) ?? image(record.dynamodb.OldImage);
  const key = parseKey({ pk: typeof keysOf?.pk === 'string' ? keysOf.pk : '', sk: typeof keysOf?.sk === 'string' ? keysOf.sk : '' });
  switch (key?.item) {
    case 'dossier':
      return { kind: 'dossier', tenant: key.tenant, unitId: key.unitId, year: key.year, imported: isImported(image(record.dynamodb.NewImage)) || isImported(image(record.dynamodb.OldImage)) };
    case 'resultRow':
      return { kind: 'row', tenant: key.tenant, unitId: key.unitId, year: key.year, version: key.version };
    case 'unit':
      return { kind: 'unit', tenant: key.tenant, unitId: key.unitId };
    case 'member': {
      const ids = [image(record.dynamodb.OldImage), image(record.dynamodb.NewImage)].flatMap((img) => {
        const parsed = Member.safeParse(img);
        return parsed.success ? [parsed.data.unitId, ...(parsed.data.cells ?? []).map((c) => c.unitId)] : [];
      });
      return { kind: 'member', tenant: key.tenant, unitIds: [...new Set(ids)] };
    }
    case 'campaign': {
      const before = CampaignSettings.safeParse(image(record.dynamodb.OldImage) ?? {});
      const after = CampaignSettings.safeParse(image(record.dynamodb.NewImage) ?? {});
      const pick = (r: typeof before) => (r.success ? JSON.stringify([r.data.rulebookId, r.data.overlayIds, r.data.ratingDate, r.data.closedAt, r.data.localOverlay]) : '');
      return { kind: 'campaign', tenant: key.tenant, year: key.year, settingsChanged: pick(before) !== pick(after) };
    }
    case 'workplace':
    case 'massesSession':
    case 'massesComment':
    case 'remediationItem':
      return { kind: 'masses', tenant: key.tenant, unitId: key.unitId, year: key.year };
    case 'massesSettings':
      return { kind: 'massesSettings', tenant: key.tenant, countsChanged: countedSettings(image(record.dynamodb.OldImage)) !== countedSettings(image(record.dynamodb.NewImage)) };
    case 'massesReview':
      return { kind: 'massesReview', tenant: key.tenant, year: key.year, opened: !record.dynamodb.OldImage && Boolean(record.dynamodb.NewImage) };
    default:
      return null;
  }
}

/** Stream sequence numbers are decimal strings of any length: compared as numbers. */
export function compareSequence(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The running tree jobs named by stream records (their job records' new images): the tree-job function's work. */
export function runningTreeJobsIn(records: readonly unknown[]): { tenant: string; id: string }[] {
  const jobs = new Map<string, { tenant: string; id: string }>();
  for (const raw of records) {
    const parsed = StreamRecord.safeParse(raw);
    const job = parsed.success ? image(parsed.data.dynamodb.NewImage) : undefined;
    if (job?.type === 'treeJob' && job.state === 'running' && typeof job.tenant === 'string' && typeof job.id === 'string') {
      jobs.set(`${job.tenant}/${job.id}`, { tenant: job.tenant, id: job.id });
    }
  }
  return [...jobs.values()];
}
