import { z } from 'zod';

/** Positions in a committee (glossary). `secretary` is the head of the unit (R-HEAD-01). */
export const partyPositions = ['secretary', 'deputySecretary', 'standingCommitteeMember', 'committeeMember'] as const;
export const PartyPosition = z.enum(partyPositions);
export type PartyPosition = z.infer<typeof PartyPosition>;

export const partyPositionLabels: Record<PartyPosition, string> = {
  secretary: 'Bí thư',
  deputySecretary: 'Phó Bí thư',
  standingCommitteeMember: 'Ủy viên Ban Thường vụ',
  committeeMember: 'Cấp ủy viên',
};

/** Other spellings accepted in spreadsheets (docs/spreadsheets.md, "The roster"). */
const aliases: Record<string, PartyPosition> = {
  'chi ủy viên': 'committeeMember',
  'đảng ủy viên': 'committeeMember',
};

export function parsePartyPosition(text: string): PartyPosition | undefined {
  const t = text.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
  for (const p of partyPositions) if (partyPositionLabels[p].toLocaleLowerCase('vi') === t) return p;
  return aliases[t];
}
