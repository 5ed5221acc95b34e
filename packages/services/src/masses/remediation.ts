import { randomUUID } from 'node:crypto';
import { isOverdue, newRemediationItem, setRemediationStatus, vietnamDateOf, type Caller, type RemediationBody, type RemediationStatus } from '@kd/domain';
import { getRemediation, listComments, listRemediation, remediationNotFound, saveRemediation, type StoredRemediation } from '@kd/data';
import type { ServiceDeps } from '../deps';
import { changeBy } from '../actor';
import { massesUnit } from './masses-access';

export type RemediationView = StoredRemediation & { overdue: boolean };

const view = (item: StoredRemediation, today: string): RemediationView => ({ ...item, overdue: isOverdue(item, today) });

/** `POST …/remediation-items` (R-MASS-11): an item for the comments it answers, with owner and deadline. */
export async function addRemediation(deps: ServiceDeps, caller: Caller, year: number, unitId: string, body: RemediationBody): Promise<RemediationView> {
  const { unit } = await massesUnit(deps.store, caller, year, unitId, 'masses.write');
  const comments = await listComments(deps.store, caller.tenant, unit.id, year);
  const item = newRemediationItem({ id: randomUUID(), unitId: unit.id, year, body }, comments);
  return view(await saveRemediation(deps.store, caller.tenant, item, null, changeBy(deps, caller)), vietnamDateOf(deps.clock()));
}

/** `PATCH …/remediation-items/{id}`: done (on today's date) or reopened. */
export async function setRemediation(deps: ServiceDeps, caller: Caller, year: number, unitId: string, itemId: string, status: RemediationStatus): Promise<RemediationView> {
  const { unit } = await massesUnit(deps.store, caller, year, unitId, 'masses.write');
  const before = await getRemediation(deps.store, caller.tenant, unit.id, year, itemId);
  if (!before) throw remediationNotFound();
  const today = vietnamDateOf(deps.clock());
  const { rev: _rev, ...item } = before;
  return view(await saveRemediation(deps.store, caller.tenant, setRemediationStatus(item, { status }, today), before, changeBy(deps, caller)), today);
}

/** The unit's items of the year, overdue ones flagged as of the deps' clock (never stored). */
export async function remediationOf(deps: ServiceDeps, caller: Caller, year: number, unitId: string): Promise<RemediationView[]> {
  const { unit } = await massesUnit(deps.store, caller, year, unitId, 'unit.read');
  const today = vietnamDateOf(deps.clock());
  return (await listRemediation(deps.store, caller.tenant, unit.id, year)).map((i) => view(i, today));
}
