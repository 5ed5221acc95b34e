import { CreateTableCommand, DescribeTableCommand, ResourceNotFoundException, UpdateTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import type { Store } from './client';
import { tableDefinition } from './table-definition';

/**
 * Creates the table (and its TTL setting) when missing; returns true when it was created. Its
 * stream is on unless `stream: false` (tests that never read it, see tableDefinition).
 */
export async function ensureTable(store: Store, options: { stream?: boolean } = {}): Promise<boolean> {
  try {
    await store.raw.send(new DescribeTableCommand({ TableName: store.tableName }));
    return false;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  await store.raw.send(new CreateTableCommand(tableDefinition(store.tableName, options)));
  await store.raw.send(
    new UpdateTimeToLiveCommand({
      TableName: store.tableName,
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    }),
  );
  return true;
}
