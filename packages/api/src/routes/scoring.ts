import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import { newRouter } from '../router';
import { bearer, commonErrors, conflictError, json, MemberIdParam, refusedError, UnitIdParam } from '../openapi';
import { YearParam } from './campaign-schemas';
import { AppendixParam, SchemeBody, SchemeView, SheetBody, SheetView } from './scoring-schemas';
import { readSchemes, readSheet, saveSheet, setScheme, sheetDocx, type SheetView as Sheet } from '@kd/services';

const YearUnit = YearParam.merge(UnitIdParam);
const YearUnitMember = YearUnit.merge(MemberIdParam);
const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function docx(c: Context<AppEnv>, file: { bytes: Buffer; fileName: string }) {
  return c.body(new Uint8Array(file.bytes), 200, { 'content-type': DOCX, 'content-disposition': `attachment; filename="${file.fileName}"` });
}

/** A sheet as the API shows it: the lines of its form with the points entered and the totals. */
export function sheetJson(v: Sheet, year: number) {
  return {
    unitId: v.unit.id,
    year,
    memberId: v.member?.id ?? null,
    form: v.form,
    suggestedForm: v.suggestedForm,
    appendix: v.appendix,
    variant: v.variant,
    variants: v.variants,
    lines: v.lines.map((l) => ({ group: l.group, code: l.code, text: l.text, max: l.max, score: v.sheet?.scores[l.code] ?? null })),
    general: v.sheet?.general ?? null,
    tasks: v.sheet?.tasks ?? null,
    total: v.sheet?.total ?? null,
    proposed: v.sheet?.proposed ?? null,
    rev: v.sheet?.rev ?? 0,
  };
}

/**
 * Scoring under the 100-point regime (QĐ 366-QĐ/TW Điều 10, Phụ lục 1–5; HD 43-HD/BTCTW mục 7.12):
 * the points per criterion a province or a bloc sets, and the sheets of members (Mẫu 2A/2B/2C) and
 * collectives (Mẫu 01), as JSON and as Word files.
 */
export function scoringRoutes(deps: AppDeps) {
  const r = newRouter();
  const schemePath = '/campaigns/{year}/units/{unitId}/scoring-schemes/{appendix}';

  r.openapi(
    createRoute({
      method: 'get', path: schemePath, security: bearer,
      summary: 'Điểm từng tiêu chí của một khung (Phụ lục) do tỉnh hoặc khối đặt cho năm',
      request: { params: YearUnit.merge(AppendixParam) },
      responses: { 200: json(SchemeView, 'Thang điểm'), ...commonErrors },
    }),
    async (c) => {
      const { year, unitId, appendix } = c.req.valid('param');
      const s = await readSchemes(deps, c.get('caller'), year, unitId, appendix);
      return c.json({ unitId: s.unit.id, year, appendix, scheme: s.own?.scheme ?? null, rev: s.own?.rev ?? 0, province: s.province?.scheme ?? null }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'put', path: schemePath, security: bearer,
      summary: 'Đặt điểm từng tiêu chí (tỉnh; khối trong khung của tỉnh), tổng nhóm I bằng 30, nhóm II bằng 70',
      description: 'Sai: 422 SCORING_SCHEME_INVALID, từng vấn đề trong `details.issues`. Chỉ Tỉnh ủy và đảng ủy cấp trên cơ sở (422 SCORING_LEVEL_NOT_ALLOWED). Ghi nhật ký (trước, sau).',
      request: { params: YearUnit.merge(AppendixParam), ...body(SchemeBody) },
      responses: { 200: json(SchemeView, 'Thang điểm đã ghi'), ...commonErrors, ...conflictError, ...refusedError },
    }),
    async (c) => {
      const { year, unitId, appendix } = c.req.valid('param');
      const { rev, ...rest } = c.req.valid('json');
      const stored = await setScheme(deps, c.get('caller'), year, unitId, { ...rest, appendix, rev });
      return c.json({ unitId: stored.unitId, year, appendix, scheme: stored.scheme, rev: stored.rev, province: null }, 200);
    },
  );

  for (const who of ['collective', 'member'] as const) {
    const base = who === 'member' ? '/campaigns/{year}/units/{unitId}/members/{memberId}/score-sheet' : '/campaigns/{year}/units/{unitId}/score-sheet';
    const params = who === 'member' ? YearUnitMember : YearUnit;
    const memberOf = (p: Record<string, unknown>) => (who === 'member' ? String(p.memberId) : null);
    const what = who === 'member' ? 'Phiếu tự chấm điểm của đảng viên (Mẫu 2A, 2B, 2C)' : 'Phiếu chấm điểm của tập thể (Mẫu 01)';
    r.openapi(
      createRoute({
        method: 'get', path: base, security: bearer, summary: `${what}: các dòng của bảng chấm điểm và điểm đã nhập`,
        request: { params, query: z.object({ form: z.enum(['2A', '2B', '2C']).optional(), variant: z.string().max(60).optional() }) },
        responses: { 200: json(SheetView, 'Phiếu chấm điểm (rev 0: chưa có)'), ...commonErrors, ...refusedError },
      }),
      async (c) => {
        const p = c.req.valid('param') as Record<string, unknown> & { year: number; unitId: string };
        const q = c.req.valid('query');
        return c.json(sheetJson(await readSheet(deps, c.get('caller'), p.year, p.unitId, memberOf(p), q), p.year), 200);
      },
    );
    r.openapi(
      createRoute({
        method: 'put', path: base, security: bearer,
        summary: `Ghi ${what.toLocaleLowerCase('vi')}; tổng điểm thành điểm của năm`,
        description: 'Tổng nhóm I, nhóm II (và tổng điểm tự chấm) thành điểm của đảng viên trong kết quả (hoặc điểm của tập thể), trong cùng một giao dịch. Phiếu là nguồn điểm của năm: tệp kết quả tải lên có thể để trống hoặc ghi lại đúng điểm này, không được khác. Sai: 422 SCORE_SHEET_INVALID; hồ sơ đã khóa: 409.',
        request: { params, ...body(SheetBody) },
        responses: { 200: json(SheetView, 'Phiếu đã ghi'), ...commonErrors, ...conflictError, ...refusedError },
      }),
      async (c) => {
        const p = c.req.valid('param') as Record<string, unknown> & { year: number; unitId: string };
        const caller = c.get('caller');
        await saveSheet(deps, caller, p.year, p.unitId, memberOf(p), c.req.valid('json'));
        return c.json(sheetJson(await readSheet(deps, caller, p.year, p.unitId, memberOf(p)), p.year), 200);
      },
    );
    r.openapi(
      createRoute({
        method: 'get', path: `${base}.docx`, security: bearer, summary: `${what}, tệp Word theo mẫu của Hướng dẫn 43-HD/BTCTW`,
        request: { params },
        responses: { 200: { content: { [DOCX]: { schema: z.string().openapi({ format: 'binary' }) } }, description: 'Tệp .docx' }, ...commonErrors, ...refusedError },
      }),
      async (c) => {
        const p = c.req.valid('param') as Record<string, unknown> & { year: number; unitId: string };
        return docx(c, await sheetDocx(deps, c.get('caller'), p.year, p.unitId, memberOf(p)));
      },
    );
  }
  return r;
}
