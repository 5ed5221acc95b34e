import { describe, expect, it } from 'vitest';
import { synthStack } from './synth';

const { template } = synthStack();

describe('the table', () => {
  it('is the only table, keyed pk/sk as strings', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
    });
    const [table] = Object.values(template.findResources('AWS::DynamoDB::Table'));
    const definitions = table!.Properties.AttributeDefinitions as Array<{ AttributeName: string; AttributeType: string }>;
    expect(Object.fromEntries(definitions.map((d) => [d.AttributeName, d.AttributeType]))).toEqual({
      pk: 'S',
      sk: 'S',
      gsi1pk: 'S',
      gsi1sk: 'S',
      gsi2pk: 'S',
      gsi2sk: 'S',
    });
  });

  it('bills on demand, keeps point-in-time recovery and refuses deletion', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
    });
    template.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });

  it('streams new and old images and expires items by expiresAt', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    });
  });

  it('has gsi1 and gsi2 projecting all attributes', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      GlobalSecondaryIndexes: [
        {
          IndexName: 'gsi1',
          KeySchema: [
            { AttributeName: 'gsi1pk', KeyType: 'HASH' },
            { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
        {
          IndexName: 'gsi2',
          KeySchema: [
            { AttributeName: 'gsi2pk', KeyType: 'HASH' },
            { AttributeName: 'gsi2sk', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
    });
  });

  it('names the table in the outputs', () => {
    template.hasOutput('TableName', { Value: { Ref: Object.keys(template.findResources('AWS::DynamoDB::Table'))[0] } });
  });
});
