import { rewardDocument, type Caller } from '@kd/domain';
import { filesModule } from '../files-module';
import type { ServiceDeps } from '../deps';
import { rewardList } from './reward-list';

/** The rewards list of a unit's year as an .xlsx, for its rating meeting and its dossier. */
export async function rewardListFile(deps: ServiceDeps, caller: Caller, year: number, unitId: string): Promise<{ bytes: Buffer; fileName: string }> {
  const list = await rewardList(deps, caller, year, unitId);
  const bytes = await (await filesModule()).sectionsXlsx(rewardDocument(list), deps.clock(), 'Đề nghị khen thưởng');
  return { bytes, fileName: `de-nghi-khen-thuong-${year}-${list.unitId.replace(/[^\w.-]+/g, '_')}.xlsx` };
}
