import { z } from '@hono/zod-openapi';
import { unitKindLabels, UnitKind, Sector, Member, memberStatus, PartyPosition } from '@kd/domain';
import type { StoredUnit } from '@kd/data';

export const UnitView = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: UnitKind,
    kindLabel: z.string(),
    parentId: z.string().nullable(),
    path: z.array(z.string()),
    foundedOn: z.string().nullable(),
    closedOn: z.string().nullable(),
    sector: Sector.nullable(),
    memberCount: z.number().int(),
    version: z.number().int(),
    predecessorIds: z.array(z.string()),
    successorIds: z.array(z.string()),
  })
  .openapi('Unit');
export type UnitView = z.infer<typeof UnitView>;

export function unitView(u: StoredUnit): UnitView {
  return {
    id: u.id,
    name: u.name,
    kind: u.kind,
    kindLabel: unitKindLabels[u.kind],
    parentId: u.parentId,
    path: u.path,
    foundedOn: u.foundedOn,
    closedOn: u.closedOn,
    sector: u.sector,
    memberCount: u.memberCount,
    version: u.version,
    predecessorIds: u.predecessorIds ?? [],
    successorIds: u.successorIds ?? [],
  };
}

export const MemberView = z
  .object({
    id: z.string(),
    unitId: z.string(),
    fullName: z.string(),
    birthDate: z.string().nullable(),
    admittedOn: z.string(),
    officialOn: z.string().nullable(),
    status: z.enum(['official', 'probationary']),
    groupId: z.string().nullable(),
    partyPosition: PartyPosition.nullable(),
    governmentPosition: z.string().nullable(),
    civilServant: z.boolean(),
    exempt: z.boolean(),
    suspended: z.boolean(),
    transferredInOn: z.string().nullable(),
    temporaryAttachmentAt: z.string().nullable(),
    /** The cells the member was registered at, with dates (empty: always at `unitId`). */
    cells: z.array(z.object({ unitId: z.string(), from: z.string().nullable(), to: z.string().nullable(), via: z.string().nullable() })),
    attachments: z.array(z.object({ at: z.string(), unitId: z.string().nullable(), from: z.string(), to: z.string().nullable() })),
    version: z.number().int(),
  })
  .openapi('Member');
export type MemberView = z.infer<typeof MemberView>;

export function memberView(m: Member): MemberView {
  return { ...m, status: memberStatus(m), cells: m.cells ?? [], attachments: m.attachments ?? [] };
}
