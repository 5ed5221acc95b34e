import { DomainError, openMassesReview, type Caller, type MassesReview, type OpenMassesReviewBody } from '@kd/domain';
import { createMassesReview } from '@kd/data';
import type { ServiceDeps } from '../deps';
import { unitInScope } from '../access/scope';
import { changeBy } from '../actor';
import { requireOpenCampaign } from '../campaigns/campaign-admin';
import { massesSettingsOf } from './masses-access';

/**
 * `POST /campaigns/{year}/masses`: the province or the bloc that issues the plan opens the year's
 * review with its three dates (Kế hoạch 03-KH/ĐUK mục IV). The issuing unit is the caller's own
 * unless `issuerId` names one of its subtree. The year's campaign must be open.
 */
export async function openReview(deps: ServiceDeps, caller: Caller, year: number, body: OpenMassesReviewBody, issuerId?: string): Promise<MassesReview> {
  const issuer = await unitInScope(deps.store, caller, issuerId ?? caller.unit, 'masses.open');
  const settings = await massesSettingsOf(deps.store, caller.tenant);
  if (issuer.kind !== 'province' && issuer.kind !== 'bloc') {
    throw new DomainError('NOT_A_MASSES_BOARD', 'Chỉ Tỉnh ủy hoặc Đảng ủy Khối (đảng bộ cấp trên cơ sở) ban hành kế hoạch và mở đợt tự phê bình trước quần chúng.', { kind: issuer.kind });
  }
  await requireOpenCampaign(deps.store, caller.tenant, year);
  return createMassesReview(deps.store, caller.tenant, issuer.id, openMassesReview(settings, year, body), changeBy(deps, caller));
}
