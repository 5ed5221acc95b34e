import { MemberFacts } from '../member-facts';
import { columnsFromData } from './column-data';
import type { ColumnDef } from './column';
import data from './columns/results.json';

/** Field keys of a results row (docs/spreadsheets.md, "The results"): the member, then one key per MemberFacts field. */
export type ResultsKey = 'memberId' | 'fullName' | keyof MemberFacts;
const keys = ['memberId', 'fullName', ...(Object.keys(MemberFacts.shape) as (keyof MemberFacts)[])] as const;

/** The results columns (docs/spreadsheets.md, "The results"), in template order. */
export const resultsColumns: readonly ColumnDef<ResultsKey>[] = columnsFromData(data.member, keys);

/** The 100-point regime (QĐ 366-QĐ/TW Điều 10): the two group scores and the member's own total (the 100-point regime only). */
export const scoreColumns: readonly ColumnDef<ResultsKey>[] = columnsFromData(data.scores, keys);

/** The task figures of QĐ 366-QĐ/TW Điều 11 (also read by r2023's conditions for excellent). */
export const taskColumns: readonly ColumnDef<ResultsKey>[] = columnsFromData(data.tasks, keys);
