/**
 * The December of one province as a list of events in simulated time, and its replay through the
 * real services. The calendar is this simulator's assumption (docs/capacity.md, "The December"):
 * 21 working days up to the rating date; cells upload on a day drawn by `DAY_SHARES` (the heaviest,
 * the last, 12 % of the month), between 07:30 and 17:00; a quarter upload a corrected file later
 * the same day (an edit), then set the cell's collective rating and submit; the base committee
 * appraises the next working day. Boards read their dashboards as they go; every 20th cell holds a
 * session before the masses whose comments come in over the month.
 */
import { Readable } from 'node:stream';
import { Adjustments, type Caller } from '@kd/domain';
import { addComment, approve, loadRollup, setCollective, submitDossier, uploadResults, type ServiceDeps } from '@kd/services';
import { resultsCsv, type Province } from './province';

/** Share of the month's work per working day, in %: a slow start, a ramp, the deadline. */
export const DAY_SHARES = [2, 2, 2, 2, 2, 2, 2, 4, 4, 4, 4, 4, 4, 4, 6, 7, 7, 8, 8, 10, 12] as const;
export const DAY_SECONDS = 86_400;
const WORK_START = 7.5 * 3600;
const WORK_SPAN = 9.5 * 3600;

export type EventKind = 'upload' | 'edit' | 'submit' | 'appraise' | 'read' | 'comment';

export interface DecemberEvent {
  at: number;
  kind: EventKind;
  unitId: string;
  /** The cell the event belongs to: a cell's events run one after the other. */
  chain: string;
  /** For reads: the board's unit. For comments: the session. */
  ref?: string;
}

/** A deterministic pseudo-random stream (the same December every run). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

function dayOf(r: number): number {
  let acc = 0;
  for (let d = 0; d < DAY_SHARES.length; d++) {
    acc += DAY_SHARES[d]! / 100;
    if (r < acc) return d;
  }
  return DAY_SHARES.length - 1;
}

export function december(p: Province, sessions: Map<string, string>): DecemberEvent[] {
  const rnd = random(2026);
  const events: DecemberEvent[] = [];
  const time = (day: number) => Math.min(day, DAY_SHARES.length - 1) * DAY_SECONDS + WORK_START + rnd() * WORK_SPAN;
  for (const cell of p.cells) {
    const day = dayOf(rnd());
    const upload = time(day);
    const chain = cell.id;
    events.push({ at: upload, kind: 'upload', unitId: cell.id, chain });
    let last = upload;
    if (rnd() < 0.25) events.push({ at: (last += 1800), kind: 'edit', unitId: cell.id, chain });
    events.push({ at: (last += 900), kind: 'submit', unitId: cell.id, chain });
    const appraise = Math.max(last + 600, time(day + 1));
    events.push({ at: appraise, kind: 'appraise', unitId: cell.id, chain });
    // The appraiser looks at its base organisation's roll-up; one bloc board in five looks too.
    events.push({ at: appraise + 60, kind: 'read', unitId: p.baseOf.get(cell.id)!, chain: `read:${cell.id}`, ref: p.baseOf.get(cell.id)! });
    if (rnd() < 0.2) events.push({ at: appraise + 120, kind: 'read', unitId: cell.path[1]!, chain: `read:${cell.id}`, ref: cell.path[1]! });
    if (rnd() < 0.05) events.push({ at: appraise + 180, kind: 'read', unitId: 'p', chain: `read:${cell.id}`, ref: 'p' });
    const session = sessions.get(cell.id);
    if (session) for (let k = 0; k < 5; k++) events.push({ at: time(dayOf(rnd())), kind: 'comment', unitId: cell.id, chain: `masses:${cell.id}`, ref: session });
  }
  return events.sort((a, b) => a.at - b.at);
}

export interface ReplayCounters {
  committedRows: number;
  excellent: Map<string, number>;
  done: Map<EventKind, number>;
  failed: Map<string, number>;
  /** Wall-clock ms of each event, by kind. */
  latency: Map<EventKind, number[]>;
  /** Wall-clock moment a cell's latest change was committed (the stream's lag is measured from it). */
  committedAt: Map<string, number>;
}

const caller = (tenant: string, unit: string, role: Caller['role']): Caller => ({ tenant, unit, role, name: 'Mô phỏng', sub: `sim-${unit}` });

/**
 * Runs the events in December's order, `inFlight` at a time (a cell's own events one after the
 * other), as fast as the services take them: the speed-up is what the machine gave, reported.
 */
export async function replay(
  deps: ServiceDeps,
  tenant: string,
  year: number,
  p: Province,
  events: readonly DecemberEvent[],
  options: { inFlight: number; committedAt: Map<string, number>; onProgress: (done: number) => void },
): Promise<ReplayCounters> {
  const c: ReplayCounters = { committedRows: 0, excellent: new Map(), done: new Map(), failed: new Map(), latency: new Map(), committedAt: options.committedAt };
  const { inFlight, onProgress } = options;
  const revs = new Map<string, number>();
  const chains = new Map<string, Promise<void>>();
  let edits = 0;
  const run = async (e: DecemberEvent) => {
    const t = performance.now();
    const cellCaller = caller(tenant, e.unitId, 'cell_secretary');
    if (e.kind === 'upload' || e.kind === 'edit') {
      const members = p.membersOf.get(e.unitId) ?? [];
      const { csv, excellent } = resultsCsv(members, e.kind === 'edit' ? ++edits : 0);
      const out = await uploadResults(deps, cellCaller, year, e.unitId, { stream: Readable.from([Buffer.from(csv)]), contentType: 'text/csv' }, false);
      if (out.refused || !out.answer.committed) throw new Error(`upload refused: ${JSON.stringify(out.answer).slice(0, 300)}`);
      c.committedRows += members.length;
      c.excellent.set(e.unitId, excellent);
      c.committedAt.set(e.unitId, performance.now());
    } else if (e.kind === 'submit') {
      const collective = await setCollective(deps, cellCaller, year, e.unitId, { proposed: 'good', decided: 'good' });
      c.committedAt.set(e.unitId, performance.now());
      const submitted = await submitDossier(deps, cellCaller, year, e.unitId, collective.rev);
      revs.set(e.unitId, submitted.rev);
    } else if (e.kind === 'appraise') {
      await approve(deps, caller(tenant, p.baseOf.get(e.unitId)!, 'base_committee'), year, e.unitId, revs.get(e.unitId)!, Adjustments.parse({}));
      c.committedAt.set(e.unitId, performance.now());
    } else if (e.kind === 'read') {
      const role = e.ref === 'p' ? 'province_board' : e.ref!.includes('-o') ? 'base_committee' : 'bloc_board';
      await loadRollup(deps.store, caller(tenant, e.ref!, role), year, e.ref!);
    } else {
      await addComment(deps, caller(tenant, e.unitId, 'cell_secretary'), year, e.unitId, e.ref!, { about: null, channel: 'oral', heading: 1, kind: 'strength', text: 'Ý kiến của quần chúng' });
    }
    c.done.set(e.kind, (c.done.get(e.kind) ?? 0) + 1);
    const list = c.latency.get(e.kind) ?? [];
    list.push(performance.now() - t);
    c.latency.set(e.kind, list);
  };
  let next = 0;
  let finished = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < events.length) {
        const e = events[next++]!;
        const before = chains.get(e.chain) ?? Promise.resolve();
        const mine = before.then(() => run(e)).catch((error: unknown) => {
          const key = `${e.kind}: ${(error as { code?: string; message?: string }).code ?? (error as Error).message?.slice(0, 120)}`;
          c.failed.set(key, (c.failed.get(key) ?? 0) + 1);
        });
        chains.set(e.chain, mine);
        await mine;
        if (++finished % 500 === 0) onProgress(finished);
      }
    }),
  );
  return c;
}
