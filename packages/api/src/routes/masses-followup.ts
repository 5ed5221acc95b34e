import { createRoute } from '@hono/zod-openapi';
import { addRemediation, commentFormDocx, loadMassesRollup, bieuXlsx, readSelfCriticism, remediationOf, selfCriticismDocx, setRemediation, writeSelfCriticism } from '@kd/services';
import type { AppDeps } from '../deps';
import { newRouter } from '../router';
import { bearer, commonErrors, conflictError, json, refusedError } from '../openapi';
import { MassesRollupView, MemberParam, RemediationBodySchema, RemediationList, RemediationParam, RemediationPatch, RemediationView, RollupFormatQuery, SelfCriticismBodySchema, SelfCriticismView, YearUnit } from './masses-schemas';
import { jsonBody } from './masses';
import { docxFile, docxResponse, xlsxResponse } from './masses-files';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Remediation (R-MASS-11), Biểu 5, the self-criticism forms and the blank comment form. */
export function massesFollowupRoutes(deps: AppDeps) {
  const r = newRouter();
  const unit = '/campaigns/{year}/units/{unitId}';

  r.openapi(
    createRoute({
      method: 'post',
      path: `${unit}/remediation-items`,
      summary: 'Giao một nội dung khắc phục: các ý kiến nó trả lời, người chịu trách nhiệm, thời hạn (R-MASS-11)',
      security: bearer,
      request: { params: YearUnit, ...jsonBody(RemediationBodySchema) },
      responses: { 201: json(RemediationView, 'Nội dung khắc phục'), ...commonErrors, ...refusedError },
    }),
    async (c) => {
      const { year, unitId } = c.req.valid('param');
      return c.json(await addRemediation(deps, c.get('caller'), year, unitId, c.req.valid('json')), 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: `${unit}/remediation-items`,
      summary: 'Các nội dung khắc phục của đơn vị trong năm (quá hạn tính theo ngày đọc)',
      security: bearer,
      request: { params: YearUnit },
      responses: { 200: json(RemediationList, 'Nội dung khắc phục'), ...commonErrors },
    }),
    async (c) => {
      const { year, unitId } = c.req.valid('param');
      return c.json({ items: await remediationOf(deps, c.get('caller'), year, unitId) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'patch',
      path: `${unit}/remediation-items/{id}`,
      summary: 'Đánh dấu đã khắc phục, hoặc mở lại',
      security: bearer,
      request: { params: RemediationParam, ...jsonBody(RemediationPatch) },
      responses: { 200: json(RemediationView, 'Nội dung khắc phục'), ...commonErrors, ...conflictError },
    }),
    async (c) => {
      const { year, unitId, id } = c.req.valid('param');
      return c.json(await setRemediation(deps, c.get('caller'), year, unitId, id, c.req.valid('json').status), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: `${unit}/masses-rollup`,
      summary: 'Biểu 5 — Tự phê bình và phê bình trước quần chúng, của đơn vị và từng đơn vị trực thuộc (?format=xlsx: tệp)',
      security: bearer,
      request: { params: YearUnit, query: RollupFormatQuery },
      responses: { 200: { content: { 'application/json': { schema: MassesRollupView }, [XLSX]: { schema: MassesRollupView } }, description: 'Biểu 5' }, ...commonErrors },
    }),
    async (c) => {
      const { year, unitId } = c.req.valid('param');
      if (c.req.valid('query').format === 'xlsx') return xlsxResponse(c, await bieuXlsx(deps, c.get('caller'), year, unitId, 5));
      return c.json(await loadMassesRollup(deps, c.get('caller'), year, unitId), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: `${unit}/members/{memberId}/self-criticism`,
      summary: 'Bản tự phê bình trước quần chúng của đảng viên (R-MASS-06); null khi chưa có',
      security: bearer,
      request: { params: MemberParam },
      responses: { 200: json(SelfCriticismView.nullable(), 'Bản tự phê bình'), ...commonErrors },
    }),
    async (c) => {
      const { year, unitId, memberId } = c.req.valid('param');
      return c.json(await readSelfCriticism(deps, c.get('caller'), year, unitId, memberId), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'put',
      path: `${unit}/members/{memberId}/self-criticism`,
      summary: 'Ghi bản tự phê bình (đảng viên tự điền, hoặc chi bộ nhập từ bản giấy)',
      security: bearer,
      request: { params: MemberParam, ...jsonBody(SelfCriticismBodySchema) },
      responses: { 200: json(SelfCriticismView, 'Đã ghi'), ...commonErrors, ...conflictError },
    }),
    async (c) => {
      const { year, unitId, memberId } = c.req.valid('param');
      const { body, rev } = c.req.valid('json');
      return c.json(await writeSelfCriticism(deps, c.get('caller'), year, unitId, memberId, body as never, rev), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: `${unit}/members/{memberId}/self-criticism.docx`,
      summary: 'Bản tự phê bình trước quần chúng (.docx), mẫu có chức vụ hoặc không có chức vụ',
      security: bearer,
      request: { params: MemberParam },
      responses: { 200: docxFile('Bản tự phê bình'), ...commonErrors },
    }),
    async (c) => {
      const { year, unitId, memberId } = c.req.valid('param');
      return docxResponse(c, await selfCriticismDocx(deps, c.get('caller'), year, unitId, memberId));
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: `${unit}/comment-form.docx`,
      summary: 'Phiếu ghi ý kiến đóng góp (mẫu trắng để in, không có chỗ ghi tên)',
      security: bearer,
      request: { params: YearUnit },
      responses: { 200: docxFile('Phiếu ghi ý kiến'), ...commonErrors },
    }),
    async (c) => {
      const { year, unitId } = c.req.valid('param');
      return docxResponse(c, await commentFormDocx(deps, c.get('caller'), year, unitId));
    },
  );

  return r;
}
