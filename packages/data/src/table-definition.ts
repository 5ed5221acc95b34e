import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/**
 * The table as the CDK stack declares it, for DynamoDB Local (start-up and tests). `stream: false`
 * leaves its stream off, for tests that never read it: DynamoDB Local keeps every stream record
 * for a day in one store shared by all its tables, and each write costs more the more records it
 * holds (docs/local-machines.md, "DynamoDB Local").
 */
export function tableDefinition(tableName: string, options: { stream?: boolean } = {}): CreateTableCommandInput {
  const gsi = (name: string) => ({
    IndexName: name,
    KeySchema: [
      { AttributeName: `${name}pk`, KeyType: 'HASH' as const },
      { AttributeName: `${name}sk`, KeyType: 'RANGE' as const },
    ],
    Projection: { ProjectionType: 'ALL' as const },
  });
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk'].map((name) => ({
      AttributeName: name,
      AttributeType: 'S' as const,
    })),
    KeySchema: [
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: [gsi('gsi1'), gsi('gsi2')],
    ...(options.stream === false ? {} : { StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' as const } }),
  };
}
