import { buildCommentForm, buildMassesMinutes, buildSelfCriticism, massesOf, minutesInputOf, partyPositionLabels, selfCriticismFormFor, type Caller, type SelfCriticismBody } from '@kd/domain';
import { getMembers, getSelfCriticism, listComments, requireUnit, type StoredUnit, type Store } from '@kd/data';
import { filesModule } from '../files-module';
import type { ServiceDeps } from '../deps';
import { memberOfUnit } from '../access/scope';
import { placeOf } from '../campaigns/documents';
import { massesUnit } from './masses-access';
import { sessionOf } from './sessions';
import { workplaceViewOf } from './workplaces';

export interface DocxFile {
  bytes: Buffer;
  fileName: string;
}

async function headerOf(store: Store, tenant: string, unit: Pick<StoredUnit, 'parentId' | 'path' | 'name'>) {
  const [parent, root] = await Promise.all([unit.parentId ? requireUnit(store, tenant, unit.parentId) : Promise.resolve(null), requireUnit(store, tenant, unit.path[0]!)]);
  return { partyHeader: { upperCommittee: parent?.name ?? root.name, unitName: unit.name }, place: placeOf(root.name), parentName: parent?.name ?? null };
}

/** The minutes of a session (R-MASS-10) from its record: comments in display order, the three signature blocks. */
export async function massesMinutesDocx(deps: ServiceDeps, caller: Caller, year: number, unitId: string, sessionId: string): Promise<DocxFile> {
  const { unit, settings, session } = await sessionOf(deps, caller, year, unitId, sessionId);
  const [comments, header, workplace] = await Promise.all([
    listComments(deps.store, caller.tenant, unit.id, year, session.id),
    headerOf(deps.store, caller.tenant, unit),
    workplaceViewOf(deps.store, caller.tenant, unit, year, settings),
  ]);
  const names = await getMembers(deps.store, caller.tenant, session.record?.members.map((m) => m.memberId) ?? []);
  const model = buildMassesMinutes(
    minutesInputOf({
      session,
      comments,
      names: new Map([...names].map(([id, m]) => [id, m.fullName] as const)),
      partyHeader: header.partyHeader,
      place: header.place,
      workplace: { name: workplace.workplace?.name ?? unit.name, countedMasses: workplace.workplace ? massesOf(workplace.workplace.staff, settings).countedMasses : null },
      orderKey: session.orderKey,
    }),
  );
  return { bytes: await (await filesModule()).renderDocx(model), fileName: `bien-ban-tu-phe-binh-truoc-quan-chung-${year}-${unit.id}.docx` };
}

/**
 * A member's self-criticism before the masses (R-MASS-06) as a Word file: the record the member
 * filled, or a blank form of the right kind (with or without a position) with their identity.
 */
export async function selfCriticismDocx(deps: ServiceDeps, caller: Caller, year: number, unitId: string, memberId: string): Promise<DocxFile> {
  const { unit } = await massesUnit(deps.store, caller, year, unitId, 'member.read');
  const member = await memberOfUnit(deps.store, caller.tenant, unit, memberId);
  const [record, header] = await Promise.all([getSelfCriticism(deps.store, caller.tenant, unit.id, year, member.id), headerOf(deps.store, caller.tenant, unit)]);
  const form = selfCriticismFormFor({ partyPosition: member.partyPosition, governmentPosition: member.governmentPosition });
  const blank: SelfCriticismBody = {
    form,
    identity: {
      fullName: member.fullName,
      birthDate: member.birthDate ?? null,
      ...(form === 'withPosition'
        ? { partyPosition: member.partyPosition ? partyPositionLabels[member.partyPosition] : null, governmentPosition: member.governmentPosition ?? null }
        : {}),
      cellName: unit.name,
    },
  };
  const model = buildSelfCriticism({
    place: header.place,
    date: null,
    year,
    committee: { upperName: header.parentName, unitName: unit.name },
    selfCriticism: record?.body ?? blank,
  });
  return { bytes: await (await filesModule()).renderDocx(model), fileName: `ban-tu-phe-binh-truoc-quan-chung-${year}-${member.id}.docx` };
}

/** The blank comment form (phiếu ghi ý kiến đóng góp) to print and hand out: no name, no signature. */
export async function commentFormDocx(deps: ServiceDeps, caller: Caller, year: number, unitId: string): Promise<DocxFile> {
  const { unit } = await massesUnit(deps.store, caller, year, unitId, 'unit.read');
  return { bytes: await (await filesModule()).renderDocx(buildCommentForm({})), fileName: `phieu-ghi-y-kien-${year}-${unit.id}.docx` };
}
