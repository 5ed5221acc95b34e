import { randomUUID } from 'node:crypto';
import { DomainError, planSession, recordSession, signSession, SessionPlanBody, massesOf, type Caller, type MassesSession, type SessionRecordBody, type SignatureBody } from '@kd/domain';
import { countCodes, getMembers, listSessions, listSubtree, requireSession, saveSession, type StoredSession, type StoredUnit, type Store } from '@kd/data';
import type { ServiceDeps } from '../deps';
import { changeBy } from '../actor';
import { massesUnit, type MassesUnit } from './masses-access';
import { workplaceViewOf, type WorkplaceView } from './workplaces';

/** A session as the API answers it (the stored one without its bookkeeping). */
export function sessionView(s: StoredSession) {
  const { rev, orderKey: _key, ...session } = s;
  return {
    ...session,
    rev,
    startsAt: s.record?.startsAt ?? s.plan?.startsAt ?? null,
    endsAt: s.record?.endsAt ?? s.plan?.endsAt ?? null,
  };
}
export type SessionView = ReturnType<typeof sessionView>;

/** `GET …/masses`: the unit's counted masses, whether a session is required, its sessions. */
export async function massesOverview(deps: ServiceDeps, caller: Caller, year: number, unitId: string): Promise<MassesUnit & { workplace: WorkplaceView; sessions: StoredSession[] }> {
  const access = await massesUnit(deps.store, caller, year, unitId, 'unit.read');
  const [workplace, sessions] = await Promise.all([
    workplaceViewOf(deps.store, caller.tenant, access.unit, year, access.settings),
    listSessions(deps.store, caller.tenant, access.unit.id, year),
  ]);
  return { ...access, workplace, sessions };
}

/** A session of the unit (404 for a session of another unit or year). */
export async function sessionOf(deps: ServiceDeps, caller: Caller, year: number, unitId: string, sessionId: string, action: 'unit.read' | 'masses.write' = 'unit.read') {
  const access = await massesUnit(deps.store, caller, year, unitId, action);
  const session = await requireSession(deps.store, caller.tenant, access.unit.id, year, sessionId);
  return { ...access, session };
}

/** The unit's counted masses must reach the threshold before a session is planned or recorded. */
async function requiredWorkplace(store: Store, tenant: string, access: MassesUnit, year: number) {
  const view = await workplaceViewOf(store, tenant, access.unit, year, access.settings);
  if (!view.workplace) throw new DomainError('WORKPLACE_MISSING', 'Chưa khai báo cơ quan, đơn vị, doanh nghiệp và số quần chúng của đơn vị trong năm.');
  return massesOf(view.workplace.staff, access.settings);
}

/** The members a session lists must be members of the unit's subtree. */
async function checkMembers(store: Store, tenant: string, unit: StoredUnit, body: SessionRecordBody): Promise<void> {
  const ids = [...new Set(body.members.map((m) => m.memberId))];
  const subtree = new Set((await listSubtree(store, tenant, unit)).map((u) => u.id));
  const found = await getMembers(store, tenant, ids);
  const unknown = ids.filter((id) => !subtree.has(found.get(id)?.unitId ?? ''));
  if (unknown.length > 0) throw new DomainError('SESSION_MEMBER_UNKNOWN', 'Danh sách tự phê bình có đảng viên không thuộc đơn vị.', { memberIds: unknown });
}

/** Planning a session before it is held (the team's design): when and where; below the threshold, none. */
export async function planMassesSession(deps: ServiceDeps, caller: Caller, year: number, unitId: string, plan: SessionPlanBody): Promise<StoredSession> {
  const access = await massesUnit(deps.store, caller, year, unitId, 'masses.write');
  const workplace = await requiredWorkplace(deps.store, caller.tenant, access, year);
  if (!workplace.sessionRequired) {
    throw new DomainError('MASSES_BELOW_THRESHOLD', `Cơ quan, đơn vị có ${workplace.countedMasses} quần chúng được tính, dưới ${access.settings.threshold.value}: không tổ chức tự phê bình trước quần chúng.`, {
      countedMasses: workplace.countedMasses,
      threshold: access.settings.threshold.value,
    });
  }
  const session = planSession({ id: randomUUID(), unitId: access.unit.id, year, plan: SessionPlanBody.parse(plan) });
  return saveSession(deps.store, caller.tenant, session, null, 'masses.session.plan', changeBy(deps, caller));
}

/**
 * `POST …/masses-sessions` records a session held (a new one), `sessionId` a planned or recorded
 * one (a correction drops the signatures given so far). R-MASS-02/04/09 are the domain's checks.
 */
export async function recordMassesSession(deps: ServiceDeps, caller: Caller, year: number, unitId: string, body: SessionRecordBody, sessionId?: string): Promise<StoredSession> {
  const access = await massesUnit(deps.store, caller, year, unitId, 'masses.write');
  const existing = sessionId ? await requireSession(deps.store, caller.tenant, access.unit.id, year, sessionId) : null;
  const view = await workplaceViewOf(deps.store, caller.tenant, access.unit, year, access.settings);
  const next = recordSession(existing, {
    id: randomUUID(),
    unitId: access.unit.id,
    year,
    body,
    workplace: view.workplace ? massesOf(view.workplace.staff, access.settings) : null,
    settings: access.settings,
  });
  await checkMembers(deps.store, caller.tenant, access.unit, body);
  if (existing && next.record && existing.record === null) {
    const codes = await countCodes(deps.store, caller.tenant, existing.id);
    if (codes.issued > next.record.massesPresent) throw new DomainError('CODES_EXCEED_MASSES', 'Đã phát nhiều mã góp ý hơn số quần chúng tham dự.', codes);
  }
  return saveSession(deps.store, caller.tenant, next, existing, existing ? 'masses.session.record' : 'masses.session.recordNew', changeBy(deps, caller));
}

/** `POST …/signatures` (R-MASS-10): chair, clerk and masses representative; the third makes it complete. */
export async function signMassesSession(deps: ServiceDeps, caller: Caller, year: number, unitId: string, sessionId: string, body: SignatureBody): Promise<StoredSession> {
  const { session } = await sessionOf(deps, caller, year, unitId, sessionId, 'masses.write');
  const { rev: _rev, orderKey: _key, ...plain } = session;
  const next: MassesSession = signSession(plain, body, deps.clock());
  return saveSession(deps.store, caller.tenant, next, session, 'masses.session.sign', changeBy(deps, caller));
}
