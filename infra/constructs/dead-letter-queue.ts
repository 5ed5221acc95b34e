import { Duration } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { acknowledge } from '../nag';

/**
 * A queue that receives what a stream consumer or a schedule gave up on: encrypted, TLS only,
 * and kept for the longest time SQS allows so an operator can replay it.
 */
export function deadLetterQueue(scope: Construct, id: string, purpose: string): Queue {
  const queue = new Queue(scope, id, {
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  acknowledge(
    queue,
    'SQS3',
    `This queue is itself a dead-letter queue (${purpose}); a dead-letter queue for it would only move the problem.`,
  );
  return queue;
}
