import type { ColumnDef } from './column';
import { columnsFromData } from './column-data';
import data from './columns/roster.json';

/** Field keys of a roster row (docs/spreadsheets.md, "The roster"); `groupName` names the Tổ đảng, created if new. */
const rosterKeys = ['id', 'fullName', 'birthDate', 'admittedOn', 'officialOn', 'groupName', 'partyPosition', 'governmentPosition', 'civilServant', 'exempt', 'suspended', 'transferredInOn', 'temporaryAttachmentAt'] as const;
export type RosterKey = (typeof rosterKeys)[number];

/** The roster's columns (docs/spreadsheets.md, "The roster"), in template order. */
export const rosterColumns: readonly ColumnDef<RosterKey>[] = columnsFromData(data.columns, rosterKeys);
