import { z } from 'zod';
import { disciplineLabels, disciplines, parseDiscipline } from '../discipline';
import { parsePartyPosition, partyPositionLabels, partyPositions } from '../party-position';
import type { ColumnDef, EnumOption } from './column';

/**
 * The spreadsheets' columns are data (`columns/*.json`, docs/spreadsheets.md): header, accepted
 * spellings, type and bounds, width and the instructions line. An enumerated column names its
 * vocabulary; the options offered in the template and the reading of a cell come from it.
 */
const vocabularies = {
  discipline: { options: disciplines.map((d) => ({ value: d, label: disciplineLabels[d] })), parse: parseDiscipline },
  partyPosition: { options: partyPositions.map((p) => ({ value: p, label: partyPositionLabels[p] })), parse: parsePartyPosition },
} satisfies Record<string, { options: readonly EnumOption[]; parse: (text: string) => string | undefined }>;

const base = {
  key: z.string().min(1),
  header: z.string().min(1),
  aliases: z.array(z.string().min(1)).optional(),
  required: z.boolean(),
  help: z.string().min(1),
  width: z.number().int().positive().optional(),
};

export const ColumnData = z.discriminatedUnion('type', [
  z.strictObject({ ...base, type: z.literal('text'), maxLength: z.number().int().positive() }),
  z.strictObject({ ...base, type: z.literal('date') }),
  z.strictObject({ ...base, type: z.literal('int'), min: z.number(), max: z.number().optional() }),
  z.strictObject({ ...base, type: z.literal('number'), min: z.number(), max: z.number() }),
  z.strictObject({ ...base, type: z.literal('bool') }),
  z.strictObject({ ...base, type: z.literal('rating') }),
  z.strictObject({ ...base, type: z.literal('enum'), vocabulary: z.enum(Object.keys(vocabularies) as [keyof typeof vocabularies]) }),
]);
export type ColumnData = z.infer<typeof ColumnData>;

/** Parses a column list from its data file; a key outside `keys` is an error of the data, not of an upload. */
export function columnsFromData<K extends string>(data: unknown, keys: readonly K[]): ColumnDef<K>[] {
  return z.array(ColumnData).parse(data).map((c) => {
    if (!(keys as readonly string[]).includes(c.key)) throw new Error(`Cột "${c.key}" không thuộc tệp dữ liệu này.`);
    if (c.type !== 'enum') return c as ColumnDef<K>;
    const { vocabulary, ...rest } = c;
    return { ...rest, ...vocabularies[vocabulary] } as unknown as ColumnDef<K>;
  });
}
