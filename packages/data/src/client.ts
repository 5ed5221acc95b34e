import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** Where the store lives: a table name and, locally, the DynamoDB Local endpoint. */
export interface StoreConfig {
  tableName: string;
  endpoint?: string;
  region?: string;
  /** Extra client settings (tests inject middleware through the returned client instead). */
  client?: Partial<DynamoDBClientConfig>;
}

export interface Store {
  doc: DynamoDBDocumentClient;
  raw: DynamoDBClient;
  tableName: string;
}

export function createStore(config: StoreConfig): Store {
  const raw = new DynamoDBClient({
    // Without a region here the SDK resolves its own (AWS_REGION in Lambda and locally).
    ...(config.region ? { region: config.region } : {}),
    ...(config.endpoint
      ? { endpoint: config.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
    ...config.client,
  });
  const doc = DynamoDBDocumentClient.from(raw, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
    unmarshallOptions: { wrapNumbers: false },
  });
  return { doc, raw, tableName: config.tableName };
}
