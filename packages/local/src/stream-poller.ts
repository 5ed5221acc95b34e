import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record,
  type Shard,
} from '@aws-sdk/client-dynamodb-streams';
import { applyStreamBatch, reconcileAll } from '@kd/jobs';
import type { StartJob } from './background';

/** Where each shard was read up to: restarts resume there (reprocessing would be harmless anyway). */
export interface StreamCheckpoint {
  streamArn: string | null;
  shards: Record<string, string>;
}

interface ShardState {
  shard: Shard;
  iterator: string | undefined;
  /** The shard is closed and read to its end. */
  done: boolean;
}

/**
 * Reads a table's DynamoDB Streams the way the Lambda event source does: shards in order (a child
 * after its parent is read to its end), from the checkpoint or `start`, following new shards as
 * DynamoDB opens them. `next()` returns the records of one shard; `ack` moves the checkpoint past
 * them, `retryFrom` rewinds the shard to a record (the batch item failure).
 */
export class TableStreamReader {
  private readonly streams: DynamoDBStreamsClient;
  private readonly dynamo: DynamoDBClient;
  private streamArn: string | null = null;
  private readonly shards = new Map<string, ShardState>();
  private turn = 0;

  constructor(
    readonly options: { endpoint: string; tableName: string; region?: string; start?: 'TRIM_HORIZON' | 'LATEST'; checkpoint?: StreamCheckpoint | null },
    readonly checkpoint: StreamCheckpoint = { streamArn: null, shards: {} },
  ) {
    const config = { endpoint: options.endpoint, region: options.region ?? 'ap-southeast-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };
    this.streams = new DynamoDBStreamsClient(config);
    this.dynamo = new DynamoDBClient(config);
    if (options.checkpoint) this.checkpoint = structuredClone(options.checkpoint);
  }

  /** Finds the table's stream and its shards (again, to follow splits). */
  async refresh(): Promise<void> {
    if (!this.streamArn) {
      const table = await this.dynamo.send(new DescribeTableCommand({ TableName: this.options.tableName }));
      this.streamArn = table.Table?.LatestStreamArn ?? null;
      if (!this.streamArn) throw new Error(`Bảng ${this.options.tableName} chưa bật DynamoDB Streams.`);
      if (this.checkpoint.streamArn !== this.streamArn) this.checkpoint.shards = {};
      this.checkpoint.streamArn = this.streamArn;
    }
    let ExclusiveStartShardId: string | undefined;
    do {
      const out = await this.streams.send(new DescribeStreamCommand({ StreamArn: this.streamArn, ExclusiveStartShardId }));
      for (const shard of out.StreamDescription?.Shards ?? []) {
        if (shard.ShardId && !this.shards.has(shard.ShardId)) this.shards.set(shard.ShardId, { shard, iterator: undefined, done: false });
        else if (shard.ShardId) this.shards.get(shard.ShardId)!.shard = shard;
      }
      ExclusiveStartShardId = out.StreamDescription?.LastEvaluatedShardId;
    } while (ExclusiveStartShardId);
  }

  private async iteratorFor(state: ShardState, at?: { type: 'AT_SEQUENCE_NUMBER' | 'AFTER_SEQUENCE_NUMBER'; seq: string }): Promise<string | undefined> {
    const shardId = state.shard.ShardId!;
    const seq = this.checkpoint.shards[shardId];
    const position = at ?? (seq ? { type: 'AFTER_SEQUENCE_NUMBER' as const, seq } : undefined);
    // A shard that opened after the reader started is read from its start, whatever `start` says.
    const type = position?.type ?? (state.shard.ParentShardId && this.shards.has(state.shard.ParentShardId) ? 'TRIM_HORIZON' : this.options.start ?? 'TRIM_HORIZON');
    try {
      const out = await this.streams.send(
        new GetShardIteratorCommand({ StreamArn: this.streamArn!, ShardId: shardId, ShardIteratorType: type, SequenceNumber: position?.seq }),
      );
      return out.ShardIterator;
    } catch (error) {
      if ((error as { name?: string }).name === 'TrimmedDataAccessException') {
        const out = await this.streams.send(new GetShardIteratorCommand({ StreamArn: this.streamArn!, ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' }));
        return out.ShardIterator;
      }
      throw error;
    }
  }

  private readable(): ShardState[] {
    return [...this.shards.values()].filter((s) => {
      if (s.done) return false;
      const parent = s.shard.ParentShardId ? this.shards.get(s.shard.ParentShardId) : undefined;
      return !parent || parent.done;
    });
  }

  /** One GetRecords on the next readable shard (round robin); empty when nothing is new. */
  async next(limit = 100): Promise<{ shardId: string; records: _Record[] } | null> {
    if (this.shards.size === 0 || this.readable().length === 0) await this.refresh();
    const readable = this.readable();
    if (readable.length === 0) return null;
    const state = readable[this.turn++ % readable.length]!;
    state.iterator ??= await this.iteratorFor(state);
    if (!state.iterator) {
      state.done = true;
      return null;
    }
    let out;
    try {
      out = await this.streams.send(new GetRecordsCommand({ ShardIterator: state.iterator, Limit: limit }));
    } catch (error) {
      if ((error as { name?: string }).name === 'ExpiredIteratorException') {
        state.iterator = undefined;
        return null;
      }
      throw error;
    }
    state.iterator = out.NextShardIterator;
    if (!out.NextShardIterator) {
      state.done = true;
      await this.refresh();
    }
    return { shardId: state.shard.ShardId!, records: out.Records ?? [] };
  }

  /** Takes the position of every readable shard now, so that nothing written from here on is missed. */
  async pin(): Promise<void> {
    await this.refresh();
    for (const state of this.readable()) state.iterator ??= await this.iteratorFor(state);
  }

  /** Everything up to and including `seq` on the shard is processed. */
  ack(shardId: string, seq: string): void {
    this.checkpoint.shards[shardId] = seq;
  }

  /** Read the shard again from `seq` (a failed record) on the next turn. */
  async retryFrom(shardId: string, seq: string): Promise<void> {
    const state = this.shards.get(shardId);
    if (!state) return;
    state.done = false;
    state.iterator = await this.iteratorFor(state, { type: 'AT_SEQUENCE_NUMBER', seq });
  }

  /** Reads every shard until no record is left: tests drain the stream with it. */
  async drain(handle: (records: _Record[], shardId: string) => Promise<void>, limit = 100): Promise<number> {
    await this.refresh();
    let total = 0;
    for (let idle = 0; idle < Math.max(2, this.readable().length * 2); ) {
      const batch = await this.next(limit);
      if (!batch || batch.records.length === 0) {
        idle++;
        continue;
      }
      idle = 0;
      await handle(batch.records, batch.shardId);
      total += batch.records.length;
    }
    return total;
  }
}

function loadCheckpoint(file: string): StreamCheckpoint | null {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as StreamCheckpoint;
  } catch {
    return null;
  }
}

function saveCheckpoint(file: string, checkpoint: StreamCheckpoint): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, JSON.stringify(checkpoint));
  renameSync(`${file}.tmp`, file);
}

/**
 * `npm start`'s roll-up consumer: polls DynamoDB Local's stream for the table and hands each
 * shard's batch to the same core as the Lambda handler. A batch item failure rewinds the shard to
 * that record; the checkpoint file (`<data>/stream-checkpoint.json`) survives restarts.
 */
export function streamPoller(options: { start?: 'TRIM_HORIZON' | 'LATEST'; idleMs?: number; reconcileWhenFresh?: boolean } = {}): StartJob {
  return async (context) => {
    const file = join(context.dataDir, 'stream-checkpoint.json');
    const checkpoint = loadCheckpoint(file);
    // No checkpoint: read from now on, after a reconcile of everything written before (below).
    const fresh = !checkpoint && options.reconcileWhenFresh !== false;
    const reader = new TableStreamReader({ endpoint: context.endpoint, tableName: context.store.tableName, checkpoint, start: options.start ?? (fresh ? 'LATEST' : 'TRIM_HORIZON') });
    if (fresh) await reader.pin();
    let stopped = false;
    const idleDelay = options.idleMs ?? 100;
    const loop = (async () => {
      if (fresh) {
        await reconcileAll(context.store).catch((error) => console.error('Không đối soát được số liệu tổng hợp:', error));
      }
      while (!stopped) {
        let batch: Awaited<ReturnType<TableStreamReader['next']>> = null;
        try {
          batch = await reader.next(100);
          if (!batch || batch.records.length === 0) {
            await new Promise((r) => setTimeout(r, idleDelay));
            continue;
          }
          const result = await applyStreamBatch(context.store, batch.records, { now: context.clock });
          const failure = result.batchItemFailures[0]?.itemIdentifier;
          if (failure) {
            await reader.retryFrom(batch.shardId, failure);
            await new Promise((r) => setTimeout(r, 500));
          } else {
            reader.ack(batch.shardId, batch.records.at(-1)!.dynamodb!.SequenceNumber!);
            saveCheckpoint(file, reader.checkpoint);
          }
        } catch (error) {
          if (stopped) break;
          console.error('Luồng cập nhật số liệu tổng hợp gặp lỗi, sẽ thử lại:', error);
          const first = batch?.records[0]?.dynamodb?.SequenceNumber;
          if (batch && first) await reader.retryFrom(batch.shardId, first).catch(() => undefined);
          await new Promise((r) => setTimeout(r, 1000));
        }
      }
    })();
    return {
      name: 'rollup-stream',
      async stop() {
        stopped = true;
        await loop;
      },
    };
  };
}

/** `npm start`'s poller: resumes from its checkpoint; without one, reconciles once and reads from then on. */
export const startStreamPoller: StartJob = streamPoller();
