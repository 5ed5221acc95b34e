import { randomUUID } from 'node:crypto';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError, ReviewPrompt } from '@kd/domain';
import type { Store } from './client';
import { keys } from './keys';
import { auditPut, type Actor } from './audit';
import { transact } from './transaction';
import { staleError } from './dossier';

type Context = { actor: Actor; at: string };

/** The review prompts sent to a unit for a year, oldest first. */
export async function listReviewPrompts(store: Store, tenant: string, unitId: string, year: number): Promise<ReviewPrompt[]> {
  const out = await store.doc.send(
    new QueryCommand({
      TableName: store.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': keys.unitYear(tenant, unitId, year), ':p': keys.reviewPromptPrefix },
      ConsistentRead: true,
    }),
  );
  return (out.Items ?? []).map((i) => ReviewPrompt.parse(i)).sort((a, b) => a.sentAt.localeCompare(b.sentAt));
}

export async function requireReviewPrompt(store: Store, tenant: string, unitId: string, year: number, promptId: string): Promise<ReviewPrompt> {
  const out = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: keys.reviewPrompt(tenant, unitId, year, promptId), ConsistentRead: true }));
  if (!out.Item) throw new DomainError('REVIEW_PROMPT_NOT_FOUND', 'Không tìm thấy gợi ý kiểm điểm.');
  return ReviewPrompt.parse(out.Item);
}

/** Stores a new prompt with its audit entry (in the receiving unit's trail). */
export async function putReviewPrompt(store: Store, tenant: string, prompt: Omit<ReviewPrompt, 'id' | 'rev' | 'answer' | 'answeredAt'>, context: Context): Promise<ReviewPrompt> {
  const next = ReviewPrompt.parse({ ...prompt, id: randomUUID().slice(0, 12), rev: 1, answer: null, answeredAt: null });
  await transact(
    store,
    [
      { Put: { TableName: store.tableName, Item: { ...keys.reviewPrompt(tenant, next.unitId, next.year, next.id), type: 'reviewPrompt', tenant, ...next }, ConditionExpression: 'attribute_not_exists(pk)' } },
      auditPut(store, tenant, { unitId: next.unitId, at: context.at, actor: context.actor, action: 'review.prompt.send', target: `${next.unitId}/${next.year}/${next.id}`, after: next }),
    ],
    staleError,
  );
  return next;
}

/** The unit's answer to a prompt, on the revision the caller saw. */
export async function answerReviewPrompt(store: Store, tenant: string, before: ReviewPrompt, answer: string, expectedRev: number, context: Context): Promise<ReviewPrompt> {
  if (before.rev !== expectedRev) throw staleError();
  const next = ReviewPrompt.parse({ ...before, answer, answeredAt: context.at, rev: before.rev + 1 });
  await transact(
    store,
    [
      {
        Put: {
          TableName: store.tableName,
          Item: { ...keys.reviewPrompt(tenant, next.unitId, next.year, next.id), type: 'reviewPrompt', tenant, ...next },
          ConditionExpression: '#rev = :rev',
          ExpressionAttributeNames: { '#rev': 'rev' },
          ExpressionAttributeValues: { ':rev': before.rev },
        },
      },
      auditPut(store, tenant, { unitId: next.unitId, at: context.at, actor: context.actor, action: 'review.prompt.answer', target: `${next.unitId}/${next.year}/${next.id}`, before, after: next }),
    ],
    staleError,
  );
  return next;
}
