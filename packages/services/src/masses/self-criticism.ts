import { SelfCriticismBody, type Caller } from '@kd/domain';
import { getSelfCriticism, saveSelfCriticism, type StoredSelfCriticism } from '@kd/data';
import type { ServiceDeps } from '../deps';
import { memberOfUnit } from '../access/scope';
import { changeBy } from '../actor';
import { massesUnit } from './masses-access';

/** A member's self-criticism record of the year (R-MASS-06), or null before anything was written. */
export async function readSelfCriticism(deps: ServiceDeps, caller: Caller, year: number, unitId: string, memberId: string): Promise<StoredSelfCriticism | null> {
  const { unit } = await massesUnit(deps.store, caller, year, unitId, 'member.read');
  const member = await memberOfUnit(deps.store, caller.tenant, unit, memberId);
  return getSelfCriticism(deps.store, caller.tenant, unit.id, year, member.id);
}

/** The record a member fills on a page, or the cell keys in from paper, on the revision read. */
export async function writeSelfCriticism(deps: ServiceDeps, caller: Caller, year: number, unitId: string, memberId: string, body: SelfCriticismBody, rev: number): Promise<StoredSelfCriticism> {
  const { unit } = await massesUnit(deps.store, caller, year, unitId, 'masses.write');
  const member = await memberOfUnit(deps.store, caller.tenant, unit, memberId);
  return saveSelfCriticism(deps.store, caller.tenant, { memberId: member.id, unitId: unit.id, year, body: SelfCriticismBody.parse(body) }, rev, changeBy(deps, caller));
}
