import { DomainError, vietnamDateOf, type Caller, type LocalDate, type Sector, type UnitKind } from '@kd/domain';
import { closeUnit, createChildUnit, moveUnit, renameUnit, requireUnit, type StoredUnit, type TreeJob } from '@kd/data';
import { moveAsJob } from './tree-jobs';
import type { ServiceDeps } from '../deps';
import { assertInScope, assertStrictlyBelow, unitInScope } from '../access/scope';
import { actorOf } from '../actor';

export interface NewChildUnit {
  id?: string | undefined;
  name: string;
  kind: UnitKind;
  foundedOn?: LocalDate | null | undefined;
  sector?: Sector | null | undefined;
}

/** A new unit under `parentId`, founded on `foundedOn` (default today; the id is generated when not given). */
export async function createChild(deps: ServiceDeps, caller: Caller, parentId: string, input: NewChildUnit): Promise<StoredUnit> {
  const parent = await unitInScope(deps.store, caller, parentId, 'unit.create');
  const id = input.id ?? `${parent.id}-${crypto.randomUUID().slice(0, 8)}`;
  return createChildUnit(
    deps.store,
    caller.tenant,
    parent,
    { id, name: input.name, kind: input.kind, foundedOn: input.foundedOn, sector: input.sector ?? parent.sector },
    actorOf(caller),
    deps.clock().toISOString(),
  );
}

/** Renames a unit on `on` (default today): a new period with the new name. */
export async function rename(deps: ServiceDeps, caller: Caller, unitId: string, name: string, version?: number, on?: LocalDate): Promise<StoredUnit> {
  const unit = await unitInScope(deps.store, caller, unitId, 'unit.rename');
  return renameUnit(deps.store, caller.tenant, unit, name, version, actorOf(caller), deps.clock().toISOString(), on);
}

/**
 * Moves a unit (from above it) under another parent in the caller's scope, on `on` (default today):
 * at once when its subtree fits one transaction, else as a tree job (docs/tree-history.md).
 */
export async function move(deps: ServiceDeps, caller: Caller, unitId: string, parentId: string, version?: number, on?: LocalDate): Promise<{ unit: StoredUnit } | { job: TreeJob }> {
  const unit = await unitInScope(deps.store, caller, unitId, 'unit.move');
  assertStrictlyBelow(caller, unit);
  const newParent = await requireUnit(deps.store, caller.tenant, parentId).catch(() => {
    throw new DomainError('PARENT_NOT_FOUND', 'Không tìm thấy đơn vị cấp trên mới.');
  });
  assertInScope(caller, newParent, 'unit.move');
  const at = deps.clock().toISOString();
  const moved = await moveUnit(deps.store, caller.tenant, unit, newParent, version, actorOf(caller), at, on);
  if (moved) return { unit: moved };
  return { job: await moveAsJob(deps, caller, unit.id, newParent.id, on ?? vietnamDateOf(new Date(at))) };
}

/** Closes a unit (from above it), keeping its history. */
export async function close(deps: ServiceDeps, caller: Caller, unitId: string, closedOn: LocalDate, version?: number): Promise<StoredUnit> {
  const unit = await unitInScope(deps.store, caller, unitId, 'unit.close');
  assertStrictlyBelow(caller, unit);
  return closeUnit(deps.store, caller.tenant, unit, closedOn, version, actorOf(caller), deps.clock().toISOString());
}
