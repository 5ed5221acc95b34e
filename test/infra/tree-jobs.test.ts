import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { logicalIdOf, synthStack } from './synth';

const { template } = synthStack();
const tableId = logicalIdOf(template, 'AWS::DynamoDB::Table');
const runnerId = logicalIdOf(template, 'AWS::Lambda::Function', { Description: Match.stringLikeRegexp('^Runs tree jobs') });

describe('the tree-job runner', () => {
  it('runs up to 15 minutes, woken by the stream only for running job records', () => {
    template.hasResourceProperties('AWS::Lambda::Function', { Description: Match.stringLikeRegexp('^Runs tree jobs'), Timeout: 900 });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [tableId, 'StreamArn'] },
      FunctionName: { Ref: runnerId },
      ParallelizationFactor: 1,
      FilterCriteria: { Filters: [{ Pattern: JSON.stringify({ dynamodb: { NewImage: { type: { S: ['treeJob'] }, state: { S: ['running'] } } } }) }] },
    });
  });

  it('sends what it gives up on to a dead-letter queue', () => {
    const [mapping] = Object.values(template.findResources('AWS::Lambda::EventSourceMapping', { Properties: { FunctionName: { Ref: runnerId } } }));
    const destination = mapping!.Properties.DestinationConfig.OnFailure.Destination;
    expect(destination['Fn::GetAtt'][0]).toMatch(/^TreeJobsFailures/);
  });
});
