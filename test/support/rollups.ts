import { dynamoEndpoint } from './dynamo';
import { putCampaign, type Store } from '@kd/data';
import { Campaign } from '@kd/domain';
import { TableStreamReader } from '@kd/local';
import { applyStreamBatch, type ApplyOptions } from '@kd/jobs';

/** A campaign of `year` under r2019 with the seed's local rules (the demo's settings). */
export function testCampaign(year: number, extra: Partial<Campaign> = {}): Campaign {
  return Campaign.parse({ year, rulebookId: 'r2019', overlayIds: ['s000-2021'], ratingDate: `${year}-12-20`, ...extra });
}

export async function putTestCampaign(store: Store, tenant: string, year: number, extra: Partial<Campaign> = {}): Promise<void> {
  await putCampaign(store, tenant, testCampaign(year, extra));
}

/** Reads the test table's real stream and feeds each batch to the consumer's core. */
export function streamConsumer(store: Store) {
  const reader = new TableStreamReader({ endpoint: dynamoEndpoint(), tableName: store.tableName, start: 'TRIM_HORIZON' });
  return {
    reader,
    /** Pulls every record written so far and applies them; returns the batches read. */
    async drain(options: ApplyOptions = {}): Promise<unknown[][]> {
      const batches: unknown[][] = [];
      await reader.drain(async (records, shardId) => {
        batches.push(records);
        const result = await applyStreamBatch(store, records, options);
        if (result.batchItemFailures.length > 0) throw new Error(`batch item failures on ${shardId}: ${JSON.stringify(result.report)}`);
        reader.ack(shardId, records.at(-1)!.dynamodb!.SequenceNumber!);
      });
      return batches;
    },
  };
}

/**
 * The cell milestones of the 2026 campaign the page tests open through the API (results decided
 * no later than 20/11, dossier sent before 25/11): on 30/11/2026 every cell of the fixture is late.
 */
export const CELL_MILESTONES_2026 = [
  { id: 'cell-results', title: 'Chi bộ biểu quyết xếp loại', event: 'cellResultsDecided', actorKinds: ['cell', 'baseCell'], wording: 'noLaterThan', date: '2026-11-20' },
  { id: 'dossier-submitted', title: 'Chi bộ gửi hồ sơ lên cấp trên', event: 'dossierSubmitted', actorKinds: ['cell', 'baseCell'], wording: 'before', date: '2026-11-25' },
] as const;
