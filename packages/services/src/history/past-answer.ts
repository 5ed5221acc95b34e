import { z } from 'zod';
import { rowErrorCodes } from '@kd/domain';

const RowErrorView = z.object({ row: z.number().int(), column: z.string(), code: z.enum(rowErrorCodes), message: z.string() });

/** The answer to an import of earlier years' results, dry run or commit (docs/api.md, "Results of earlier years"). */
export const PastImportAnswer = z.object({
  year: z.number().int(),
  kind: z.enum(['members', 'units']),
  rows: z.number().int().describe('Dòng dữ liệu trong tệp (không kể dòng trống)'),
  accepted: z.number().int().describe('Dòng không có lỗi'),
  committed: z.boolean(),
  errorCount: z.number().int(),
  errors: z.array(RowErrorView),
  /** The year's campaign: `exists` already (closed), or `created` by this commit, or `toCreate` on commit. */
  campaign: z.enum(['exists', 'created', 'toCreate']),
  units: z.array(z.object({ unitId: z.string(), name: z.string(), rows: z.number().int(), changed: z.boolean().nullable() })),
  /** Rows naming members no longer in the system (kept with the file's name for that year). */
  unknownMembers: z.number().int(),
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }).optional(),
});
export type PastImportAnswer = z.infer<typeof PastImportAnswer>;
