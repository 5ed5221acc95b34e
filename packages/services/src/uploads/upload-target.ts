import { DomainError, isCell, type Table } from '@kd/domain';
import type { StoredUnit } from '@kd/data';
import type { UploadSource } from './upload-answer';
import { filesModule } from '../files-module';

/** Members live in cells: a roster or results file goes to a cell (422 NOT_A_CELL otherwise). */
export function assertCellUpload(unit: Pick<StoredUnit, 'kind'>, message: string): void {
  if (!isCell(unit.kind)) throw new DomainError('NOT_A_CELL', message);
}

/** The uploaded table, read as the body streams in (an empty body reads as an empty file). */
export async function tableOf(source: UploadSource): Promise<Table> {
  const { readTable } = await filesModule();
  return readTable(source.stream ? { stream: source.stream } : { bytes: new Uint8Array() }, source.contentType);
}
