import { createRoute, z } from '@hono/zod-openapi';
import { Rating, UnitKind, rewardAwards, rewardIssuers } from '@kd/domain';
import { rewardList, rewardListFile } from '@kd/services';
import type { AppDeps } from '../deps';
import { newRouter } from '../router';
import { bearer, commonErrors, json, UnitIdParam } from '../openapi';
import { YearParam } from './campaign-schemas';
import { xlsxDownload, xlsxResponseDoc } from './file-bodies';

const Year = z.object({ year: z.number().int(), rating: Rating.nullable(), imported: z.boolean() });
const Proposal = z.object({
  ruleId: z.string(), clause: z.string().nullable(), award: z.enum(rewardAwards), issuer: z.enum(rewardIssuers), text: z.string(),
  years: z.array(z.number().int()), passedOver: z.array(z.number().int()), importedYears: z.array(z.number().int()), interpretation: z.string().nullable(),
});
const Flag = z.object({ ruleId: z.string(), text: z.string(), years: z.array(z.number().int()), interpretation: z.string().nullable() });
const RewardListView = z
  .object({
    year: z.number().int(),
    unitId: z.string(),
    unitName: z.string(),
    members: z.array(z.object({ memberId: z.string(), fullName: z.string(), unitId: z.string(), unitName: z.string(), history: z.array(Year), proposals: z.array(Proposal), flags: z.array(Flag) })),
    organisations: z.array(z.object({ unitId: z.string(), name: z.string(), kind: UnitKind, history: z.array(Year), proposals: z.array(Proposal) })),
    interpretations: z.array(z.object({ ruleId: z.string(), note: z.string() })),
  })
  .openapi('RewardList');

const YearUnit = YearParam.merge(UnitIdParam);

/** The rewards list of a unit's year (docs/api.md, "Rewards"). */
export function rewardRoutes(deps: AppDeps) {
  const r = newRouter();

  r.openapi(
    createRoute({
      method: 'get', path: '/campaigns/{year}/units/{unitId}/rewards', security: bearer,
      summary: 'Danh sách đề nghị khen thưởng: đảng viên, tổ chức đảng Hoàn thành xuất sắc nhiệm vụ trong năm và 5 năm liền; đảng viên Không hoàn thành nhiệm vụ 2 năm liền',
      description: 'Xếp loại các năm lấy từ kết quả trong hệ thống và số liệu nhập từ các năm trước (`imported`). Đây là danh sách để cấp ủy xem xét, không phải quyết định khen thưởng.',
      request: { params: YearUnit },
      responses: { 200: json(RewardListView, 'Danh sách'), ...commonErrors },
    }),
    async (c) => {
      const { year, unitId } = c.req.valid('param');
      const { units: _units, ...list } = await rewardList(deps, c.get('caller'), year, unitId);
      return c.json(list, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get', path: '/campaigns/{year}/units/{unitId}/rewards.xlsx', security: bearer,
      summary: 'Danh sách đề nghị khen thưởng (.xlsx), cho hội nghị xếp loại và hồ sơ',
      request: { params: YearUnit },
      responses: { 200: xlsxResponseDoc('Danh sách .xlsx'), ...commonErrors },
    }),
    async (c) => {
      const { year, unitId } = c.req.valid('param');
      return xlsxDownload(c, await rewardListFile(deps, c.get('caller'), year, unitId));
    },
  );

  return r;
}
