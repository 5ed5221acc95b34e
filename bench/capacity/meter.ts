/**
 * Counts what one store's client asks of DynamoDB (a middleware on `store.raw`, which the document
 * client shares): commands, items written and read, the capacity DynamoDB Local reports for each
 * (`ReturnConsumedCapacity: INDEXES` — table and index units, transactions at twice the rate), and
 * every write to the roll-up keys, by partition key — the base table's item and the GSI partitions
 * it lands in — with its moment, for the hottest key's rate.
 */
import type { Store } from '@kd/data';

export interface KeyWrites {
  /** Wall-clock moments (ms, performance.now) of each write. */
  at: number[];
  /** Write units, counted at 1 KB an item (2 in a transaction) — the sizes are measured apart. */
  units: number;
}

export interface Meter {
  commands: Map<string, number>;
  itemsWritten: number;
  itemsRead: number;
  /**
   * Read units as DynamoDB Local reports them (table + GSIs). Write units are counted here, item by
   * item, by DynamoDB's rules (1 a KB, twice in a transaction, once more per GSI holding the item):
   * DynamoDB Local under-reports transactions of many items. A roll-up item's update carries no
   * size: it is counted in `rollupUpdates` and priced at the item's measured size (`writeUnits`).
   */
  wcu: number;
  rcu: number;
  /** Updates of roll-up items (not sized here), transactional or not. */
  rollupUpdates: { transactional: number; plain: number };
  /** Writes per partition key value: base table keys as `T:<pk>`, GSI keys as `gsi1:<pk>`, `gsi2:<pk>`. */
  keys: Map<string, KeyWrites>;
  reset(): void;
}

type Item = Record<string, unknown>;
type Capacity = { CapacityUnits?: number };

/** Roll-up partitions: the OWN and ROLLUP items of every unit and campaign year (ratings and Biểu 5). */
const rollupPk = /^T#(.+)#(M?ROLLUP)#Y#(\d{4})#U#(.+)$/;

/**
 * The GSI keys a roll-up item's write lands in (both GSIs project ALL, so every change of the item
 * is a write there too): GSI2 holds every roll-up item of the tenant's year under one key; GSI1 a
 * unit's OWN item and its children's ROLLUP items (a ROLLUP item is listed under its parent).
 */
function rollupGsiKeys(pk: string, sk: string, parentOf: (unitId: string) => string | null): string[] {
  const m = rollupPk.exec(pk);
  if (!m) return [];
  const [, tenant, kind, year, unit] = m as unknown as [string, string, string, string, string];
  const prefix = kind === 'ROLLUP' ? 'ROLLUP' : 'MROLLUP';
  const listedUnder = sk === 'OWN' ? unit : (parentOf(unit) ?? '-');
  return [`gsi2:T#${tenant}#${prefix}S#Y#${year}`, `gsi1:T#${tenant}#${prefix}CHILDREN#Y#${year}#${listedUnder}`];
}

const keyOf = (k: unknown): { pk: string; sk: string } | null => {
  const o = k as { pk?: unknown; sk?: unknown } | undefined;
  const s = (v: unknown) => (typeof v === 'string' ? v : ((v as { S?: string } | undefined)?.S ?? null));
  const pk = s(o?.pk);
  const sk = s(o?.sk);
  return pk && sk ? { pk, sk } : null;
};

/** The items a write command changes, with whether it is transactional. */
function writesOf(name: string, input: Item): { key: { pk: string; sk: string }; item?: Item; transactional: boolean }[] {
  const out: { key: { pk: string; sk: string }; item?: Item; transactional: boolean }[] = [];
  const push = (k: unknown, transactional: boolean, item?: Item) => {
    const key = keyOf(k);
    if (key) out.push({ key, transactional, ...(item ? { item } : {}) });
  };
  if (name === 'PutItemCommand') push(input.Item, false, input.Item as Item);
  else if (name === 'UpdateItemCommand' || name === 'DeleteItemCommand') push(input.Key, false);
  else if (name === 'TransactWriteItemsCommand') {
    for (const t of (input.TransactItems as Item[] | undefined) ?? []) {
      const op = (t.Put ?? t.Update ?? t.Delete) as Item | undefined;
      if (op && !t.ConditionCheck) push(t.Put ? (op.Item as Item) : op.Key, true, t.Put ? (op.Item as Item) : undefined);
    }
  } else if (name === 'BatchWriteItemCommand') {
    for (const list of Object.values((input.RequestItems as Record<string, Item[]>) ?? {})) {
      for (const r of list) {
        const put = (r.PutRequest as Item | undefined)?.Item as Item | undefined;
        push(put ?? (r.DeleteRequest as Item | undefined)?.Key, false, put);
      }
    }
  }
  return out;
}

function itemsReadOf(output: Item): number {
  let n = 0;
  if (output.Item) n++;
  if (Array.isArray(output.Items)) n += output.Items.length;
  for (const list of Object.values((output.Responses as Record<string, unknown[]> | undefined) ?? {})) if (Array.isArray(list)) n += list.length;
  if (Array.isArray(output.Responses)) n += (output.Responses as Item[]).filter((r) => r.Item).length;
  return n;
}

const capacityOf = (c: unknown): number => (Array.isArray(c) ? c.reduce((s: number, x: Capacity) => s + (x.CapacityUnits ?? 0), 0) : ((c as Capacity | undefined)?.CapacityUnits ?? 0));

const writeCommands = new Set(['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'TransactWriteItemsCommand', 'BatchWriteItemCommand']);

export function meter(store: Store, parentOf: (unitId: string) => string | null, name: string): Meter {
  const m: Meter = {
    commands: new Map(),
    itemsWritten: 0,
    itemsRead: 0,
    wcu: 0,
    rcu: 0,
    rollupUpdates: { transactional: 0, plain: 0 },
    keys: new Map(),
    reset() {
      m.commands.clear();
      m.itemsWritten = m.itemsRead = m.wcu = m.rcu = 0;
      m.rollupUpdates = { transactional: 0, plain: 0 };
      m.keys.clear();
    },
  };
  const hit = (key: string, at: number, units: number) => {
    const k = m.keys.get(key) ?? { at: [], units: 0 };
    k.at.push(at);
    k.units += units;
    m.keys.set(key, k);
  };
  store.raw.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as Item;
      input.ReturnConsumedCapacity = 'INDEXES';
      const out = await next(args);
      const command = context.commandName ?? 'unknown';
      m.commands.set(command, (m.commands.get(command) ?? 0) + 1);
      const output = out.output as unknown as Item;
      const units = capacityOf(output.ConsumedCapacity);
      if (writeCommands.has(command)) {
        const now = performance.now();
        for (const w of writesOf(command, input)) {
          m.itemsWritten++;
          const perItem = w.transactional ? 2 : 1;
          const rollup = rollupPk.test(w.key.pk);
          if (w.item) m.wcu += perItem * Math.ceil(itemBytes(w.item) / 1024) * (1 + gsiCount(w.item));
          else if (rollup) m.rollupUpdates[w.transactional ? 'transactional' : 'plain']++;
          // An update or delete of another item: 1 KB and one GSI, the common case of this table.
          else m.wcu += perItem * 2;
          if (rollup) {
            hit(`T:${w.key.pk}#${w.key.sk}`, now, perItem);
            for (const g of rollupGsiKeys(w.key.pk, w.key.sk, parentOf)) hit(g, now, perItem);
          }
        }
      } else {
        m.rcu += units;
        m.itemsRead += itemsReadOf(output);
      }
      return out;
    },
    { step: 'initialize', name: `capacityMeter-${name}` },
  );
  return m;
}

/** DynamoDB's item size: attribute names and values in bytes (numbers ~ half their digits). */
export function itemBytes(item: unknown): number {
  const size = (v: unknown): number => {
    if (v === null || v === undefined || typeof v === 'boolean') return 1;
    if (typeof v === 'string') return Buffer.byteLength(v);
    if (typeof v === 'number') return Math.ceil(String(Math.abs(v)).replace('.', '').length / 2) + 1;
    if (Array.isArray(v)) return 3 + v.reduce((s: number, x) => s + 1 + size(x), 0);
    if (typeof v === 'object') {
      const o = v as Record<string, unknown>;
      // A marshalled value ({ S: … }, { N: … }) counts as its content.
      const keys = Object.keys(o);
      if (keys.length === 1 && ['S', 'N', 'BOOL', 'NULL', 'L', 'M'].includes(keys[0]!)) return keys[0] === 'N' ? Math.ceil(String(o.N).length / 2) + 1 : size(o[keys[0]!]);
      return 3 + keys.reduce((s, k) => s + Buffer.byteLength(k) + size(o[k]), 0);
    }
    return 8;
  };
  return size(item) - 3;
}

const gsiCount = (item: Item) => (item.gsi1pk ? 1 : 0) + (item.gsi2pk ? 1 : 0);

/** Write units of a meter, its roll-up updates priced at `rollupBytes` (in both GSIs). */
export function writeUnits(m: Meter, rollupBytes: number): number {
  const kb = Math.ceil(rollupBytes / 1024);
  return m.wcu + (m.rollupUpdates.transactional * 2 + m.rollupUpdates.plain) * kb * 3;
}

/** The highest number of writes any one-second window saw (wall clock), and the key's mean rate over `spanMs`. */
export function peakPerSecond(at: readonly number[]): number {
  const sorted = [...at].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; j < sorted.length; j++) {
    while (sorted[j]! - sorted[i]! >= 1000) i++;
    best = Math.max(best, j - i + 1);
  }
  return best;
}
