import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, StreamViewType, Table } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { acknowledgeWildcardResource } from '../nag';
import type { NodeFunction } from './node-function';

/** Attribute names the data package relies on (packages/data owns what goes in them). */
export const TABLE_KEYS = {
  partitionKey: 'pk',
  sortKey: 'sk',
  ttl: 'expiresAt',
  indexes: {
    gsi1: { partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    gsi2: { partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  },
} as const;

/** The single table of the application: every tenant, unit, member, evaluation and roll-up. */
export class Data extends Construct {
  readonly table: Table;

  constructor(scope: Construct, id: string) {
    super(scope, id);

    this.table = new Table(this, 'Table', {
      partitionKey: { name: TABLE_KEYS.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE_KEYS.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      // Roll-ups need the old image to subtract what a change replaced.
      stream: StreamViewType.NEW_AND_OLD_IMAGES,
      timeToLiveAttribute: TABLE_KEYS.ttl,
      // Review records are the party's archive: never let a stack deletion take them.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    for (const [indexName, keys] of Object.entries(TABLE_KEYS.indexes)) {
      this.table.addGlobalSecondaryIndex({
        indexName,
        partitionKey: { name: keys.partitionKey, type: AttributeType.STRING },
        sortKey: { name: keys.sortKey, type: AttributeType.STRING },
        projectionType: ProjectionType.ALL,
      });
    }
  }

  /** Item read/write on the table and its indexes (`grantReadWriteData`), nothing account-wide. */
  grantReadWrite(grantee: NodeFunction): void {
    this.table.grantReadWriteData(grantee.fn);
    acknowledgeWildcardResource(
      grantee.role,
      `${this.table.tableArn}/index/*`,
      'Queries go through the GSIs gsi1 and gsi2 of this one table; `<table ARN>/index/*` is how ' +
        'grantReadWriteData names them and reaches no other table.',
    );
  }
}
