import { createRoute, z } from '@hono/zod-openapi';
import { RuleEdit, effects, type RuleInForce } from '@kd/domain';
import type { AppDeps } from '../deps';
import { newRouter } from '../router';
import { bearer, commonErrors, conflictError, json, refusedError, UnitIdParam } from '../openapi';
import { YearParam } from './campaign-schemas';
import { applyOverlay, previewOverlay, readRulebook } from '@kd/services';

const YearUnit = YearParam.merge(UnitIdParam);

const RuleView = z
  .object({
    key: z.string().openapi({ description: 'Mã quy tắc và khoản (R-QUOTA-01.base): khóa để bộ quy tắc của tỉnh sửa' }),
    id: z.string(),
    clause: z.string().nullable(),
    check: z.string(),
    scope: z.enum(['member', 'unit', 'group']),
    effect: z.enum(effects),
    level: z.string().nullable(),
    severity: z.enum(['blocking', 'warning']),
    enabled: z.boolean(),
    params: z.record(z.string(), z.unknown()),
    explanation: z.string(),
    source: z.string(),
    provisional: z.boolean(),
    interpretation: z.string().nullable().openapi({ description: 'Cách hiểu của hệ thống ở điểm văn bản chưa quy định rõ' }),
    changes: z.array(z.object({ overlayId: z.string(), title: z.string(), local: z.boolean(), added: z.boolean(), fields: z.array(z.string()) })),
  })
  .openapi('RuleInForce');

const AffectedView = z.object({ unitId: z.string(), name: z.string(), state: z.string(), changes: z.array(z.string()) }).openapi('AffectedDossier');

const RulebookView = z
  .object({
    year: z.number().int(),
    rulebookId: z.string(),
    overlayIds: z.array(z.string()),
    localOverlay: z
      .object({ version: z.number().int(), at: z.string(), by: z.string(), sources: z.array(z.string()), affected: z.array(AffectedView) })
      .nullable(),
    rules: z.array(RuleView),
    versions: z.array(z.object({ version: z.number().int(), at: z.string(), by: z.string(), patches: z.number().int() })),
  })
  .openapi('Rulebook');

export const OverlayBody = z
  .object({
    source: z.string().min(1).max(500).openapi({ description: 'Văn bản của tỉnh quyết định các thay đổi (số, ngày, cơ quan ban hành)' }),
    edits: z.array(RuleEdit.extend({})).max(200).openapi({ description: 'Mỗi quy tắc muốn đặt: bật/tắt, mức độ, tham số, cách hiểu; quy tắc không gửi giữ như bộ quy tắc quốc gia' }),
    expectedVersion: z.number().int().nonnegative().openapi({ description: 'Phiên bản bộ quy tắc của tỉnh đang xem (0: chưa có)' }),
  })
  .openapi('OverlayChange');

const OverlayAnswer = z
  .object({
    dryRun: z.boolean(),
    version: z.number().int().nullable().openapi({ description: 'Phiên bản mới (null khi chạy thử)' }),
    patches: z.array(z.record(z.string(), z.unknown())),
    checked: z.number().int().openapi({ description: 'Số hồ sơ đã gửi lên được đánh giá lại' }),
    affected: z.array(AffectedView).openapi({ description: 'Hồ sơ đã gửi lên (chờ thẩm định, đã duyệt) có kết quả đánh giá thay đổi' }),
  })
  .openapi('OverlayAnswer');

export function ruleView(r: RuleInForce) {
  const { rule } = r;
  return {
    key: r.key, id: rule.id, clause: rule.clause ?? null, check: rule.check, scope: r.scope, effect: rule.effect, level: rule.level ?? null,
    severity: rule.severity, enabled: rule.enabled, params: rule.params, explanation: rule.explanation, source: rule.source,
    provisional: rule.provisional, interpretation: rule.interpretation ?? null, changes: [...r.changes].map((c) => ({ ...c, fields: [...c.fields] })),
  };
}

/** The rules of a campaign, readable, and the province's own overlay (docs/rulebooks.md, "Local overlays"). */
export function rulebookRoutes(deps: AppDeps) {
  const r = newRouter();

  r.openapi(
    createRoute({
      method: 'get', path: '/campaigns/{year}/units/{unitId}/rulebook', security: bearer,
      summary: 'Các quy tắc đang áp dụng của đợt kiểm điểm: mã, tác động, mức, giải thích, căn cứ, cách hiểu; thay đổi của bộ quy tắc địa phương',
      request: { params: YearUnit },
      responses: { 200: json(RulebookView, 'Bộ quy tắc'), ...commonErrors },
    }),
    async (c) => {
      const { year, unitId } = c.req.valid('param');
      const { campaign, rules, versions } = await readRulebook(deps, c.get('caller'), year, unitId);
      const local = campaign.localOverlay;
      return c.json(
        {
          year, rulebookId: campaign.rulebookId, overlayIds: campaign.overlayIds,
          localOverlay: local ? { version: local.version, at: local.at, by: local.by, sources: local.overlay.sources, affected: local.affected } : null,
          rules: rules.map(ruleView),
          versions: versions.map((v) => ({ version: v.version, at: v.at, by: v.by, patches: v.overlay.patches.length })),
        },
        200,
      );
    },
  );

  r.openapi(
    createRoute({
      method: 'post', path: '/campaigns/{year}/units/{unitId}/rulebook/overlay', security: bearer,
      summary: 'Sửa bộ quy tắc của tỉnh: chạy thử (liệt kê hồ sơ đã gửi có kết quả thay đổi) hoặc áp dụng (phiên bản mới, ghi nhật ký)',
      description:
        'Chỉ Ban Tổ chức Tỉnh ủy tại Tỉnh ủy (403 PROVINCE_ONLY). Kiểm tra theo lược đồ bộ quy tắc và tham số của từng quy tắc (422 RULEBOOK_INVALID). `dryRun=true` không ghi gì; `dryRun=false` áp dụng khi phiên bản đang xem vẫn là phiên bản hiện hành (409 VERSION_CONFLICT), lưu danh sách hồ sơ bị ảnh hưởng để trang thẩm định đánh dấu.',
      request: { params: YearUnit, query: z.object({ dryRun: z.enum(['true', 'false']).default('true') }), body: { content: { 'application/json': { schema: OverlayBody } }, required: true } },
      responses: { 200: json(OverlayAnswer, 'Kết quả'), ...commonErrors, ...conflictError, ...refusedError },
    }),
    async (c) => {
      const { year, unitId } = c.req.valid('param');
      const dryRun = c.req.valid('query').dryRun === 'true';
      const change = c.req.valid('json');
      if (dryRun) {
        const p = await previewOverlay(deps, c.get('caller'), year, unitId, change);
        return c.json({ dryRun, version: null, patches: p.overlay.patches, checked: p.checked, affected: p.affected }, 200);
      }
      const { localOverlay, checked } = await applyOverlay(deps, c.get('caller'), year, unitId, change);
      return c.json({ dryRun, version: localOverlay.version, patches: localOverlay.overlay.patches, checked, affected: localOverlay.affected }, 200);
    },
  );
  return r;
}
