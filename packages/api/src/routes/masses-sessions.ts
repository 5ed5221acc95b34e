import { createRoute } from '@hono/zod-openapi';
import { addComment, classifyMassesComment, issueMassesCodes, massesMinutesDocx, planMassesSession, recordMassesSession, sessionComments, sessionOf, sessionView, signMassesSession } from '@kd/services';
import type { AppDeps } from '../deps';
import { newRouter } from '../router';
import { commentFormUrl } from '../base-paths';
import { bearer, commonErrors, conflictError, json, refusedError } from '../openapi';
import { CodesBody, CodesView, CommentBodySchema, CommentList, CommentParam, CommentPatchSchema, CommentView, SessionParam, SessionPlanSchema, SessionRecordSchema, SessionView, SignatureSchema, YearUnit } from './masses-schemas';
import { jsonBody } from './masses';
import { docxFile, docxResponse } from './masses-files';

/** The public form's address for a session's codes: the session in the query, never in the logged path. */

/** Sessions from plan to signed minutes, their comments and single-use codes (R-MASS-04…11). */
export function massesSessionRoutes(deps: AppDeps) {
  const r = newRouter();
  const base = '/campaigns/{year}/units/{unitId}/masses-sessions';

  r.openapi(
    createRoute({
      method: 'post',
      path: `${base}/plan`,
      summary: 'Lên kế hoạch một buổi tự phê bình trước quần chúng (thời gian, địa điểm)',
      security: bearer,
      request: { params: YearUnit, ...jsonBody(SessionPlanSchema) },
      responses: { 201: json(SessionView, 'Buổi đã lên kế hoạch'), ...commonErrors, ...refusedError },
    }),
    async (c) => {
      const { year, unitId } = c.req.valid('param');
      return c.json(sessionView(await planMassesSession(deps, c.get('caller'), year, unitId, c.req.valid('json'))), 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: base,
      summary: 'Ghi nhận một buổi tự phê bình đã tổ chức (R-MASS-02, 04, 07, 09)',
      description: '422 MASSES_BELOW_THRESHOLD khi số quần chúng được tính dưới ngưỡng; 422 SESSION_TOO_LONG khi kết thúc sau cuối ngày bắt đầu; 422 ABSENCE_REASON_REQUIRED.',
      security: bearer,
      request: { params: YearUnit, ...jsonBody(SessionRecordSchema) },
      responses: { 201: json(SessionView, 'Buổi đã ghi nhận'), ...commonErrors, ...conflictError, ...refusedError },
    }),
    async (c) => {
      const { year, unitId } = c.req.valid('param');
      return c.json(sessionView(await recordMassesSession(deps, c.get('caller'), year, unitId, c.req.valid('json'))), 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: `${base}/{sessionId}`,
      summary: 'Một buổi tự phê bình',
      security: bearer,
      request: { params: SessionParam },
      responses: { 200: json(SessionView, 'Buổi tự phê bình'), ...commonErrors },
    }),
    async (c) => {
      const { year, unitId, sessionId } = c.req.valid('param');
      return c.json(sessionView((await sessionOf(deps, c.get('caller'), year, unitId, sessionId)).session), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'put',
      path: `${base}/{sessionId}`,
      summary: 'Ghi nhận buổi đã lên kế hoạch, hoặc sửa biên bản chưa đủ chữ ký (chữ ký đã có bị xóa)',
      security: bearer,
      request: { params: SessionParam, ...jsonBody(SessionRecordSchema) },
      responses: { 200: json(SessionView, 'Buổi đã ghi nhận'), ...commonErrors, ...conflictError, ...refusedError },
    }),
    async (c) => {
      const { year, unitId, sessionId } = c.req.valid('param');
      return c.json(sessionView(await recordMassesSession(deps, c.get('caller'), year, unitId, c.req.valid('json'), sessionId)), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: `${base}/{sessionId}/comments`,
      summary: 'Một ý kiến đóng góp của quần chúng: trực tiếp (thư ký ghi) hoặc bằng văn bản (ẩn danh)',
      description: 'Ý kiến bằng văn bản là ẩn danh: không lưu người viết, địa chỉ IP, trình duyệt hay thời điểm (chỉ ngày của buổi); trường khác các trường trong mẫu bị từ chối (400).',
      security: bearer,
      request: { params: SessionParam, ...jsonBody(CommentBodySchema) },
      responses: { 201: json(CommentView, 'Ý kiến đã ghi'), ...commonErrors, ...conflictError, ...refusedError },
    }),
    async (c) => {
      const { year, unitId, sessionId } = c.req.valid('param');
      return c.json(await addComment(deps, c.get('caller'), year, unitId, sessionId, c.req.valid('json')), 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: `${base}/{sessionId}/comments`,
      summary: 'Các ý kiến của buổi, theo thứ tự không liên quan đến thứ tự nhận',
      security: bearer,
      request: { params: SessionParam },
      responses: { 200: json(CommentList, 'Ý kiến'), ...commonErrors },
    }),
    async (c) => {
      const { year, unitId, sessionId } = c.req.valid('param');
      const { session, comments } = await sessionComments(deps, c.get('caller'), year, unitId, sessionId);
      return c.json({ sessionId: session.id, comments }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'patch',
      path: `${base}/{sessionId}/comments/{commentId}`,
      summary: 'Cấp ủy phân loại ý kiến: trách nhiệm tập thể hay cá nhân, ý kiến trái chiều (R-MASS-11)',
      security: bearer,
      request: { params: CommentParam, ...jsonBody(CommentPatchSchema) },
      responses: { 200: json(CommentView, 'Ý kiến'), ...commonErrors, ...conflictError },
    }),
    async (c) => {
      const { year, unitId, sessionId, commentId } = c.req.valid('param');
      return c.json(await classifyMassesComment(deps, c.get('caller'), year, unitId, sessionId, commentId, c.req.valid('json')), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: `${base}/{sessionId}/signatures`,
      summary: 'Ký biên bản: chủ trì, thư ký, đại diện quần chúng (đủ ba chữ ký: buổi hoàn thành, biên bản không đổi nữa)',
      security: bearer,
      request: { params: SessionParam, ...jsonBody(SignatureSchema) },
      responses: { 201: json(SessionView, 'Buổi sau khi ký'), ...commonErrors, ...conflictError },
    }),
    async (c) => {
      const { year, unitId, sessionId } = c.req.valid('param');
      return c.json(sessionView(await signMassesSession(deps, c.get('caller'), year, unitId, sessionId, c.req.valid('json'))), 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: `${base}/{sessionId}/codes`,
      summary: 'Phát mã dùng một lần cho phiếu góp ý trên điện thoại (bằng số quần chúng tham dự)',
      description: 'Mã chỉ trả về một lần để in và phát ngẫu nhiên; hệ thống chỉ lưu giá trị băm của mã, không gắn mã với người nào.',
      security: bearer,
      request: { params: SessionParam, ...jsonBody(CodesBody) },
      responses: { 201: json(CodesView, 'Các mã'), ...commonErrors, ...conflictError, ...refusedError },
    }),
    async (c) => {
      const { year, unitId, sessionId } = c.req.valid('param');
      const caller = c.get('caller');
      const out = await issueMassesCodes(deps, caller, year, unitId, sessionId, c.req.valid('json').count);
      return c.json({ ...out, formUrl: commentFormUrl(caller.tenant, sessionId) }, 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: `${base}/{sessionId}/minutes.docx`,
      summary: 'Biên bản buổi tự phê bình trước quần chúng (.docx)',
      security: bearer,
      request: { params: SessionParam },
      responses: { 200: docxFile('Biên bản'), ...commonErrors, ...conflictError },
    }),
    async (c) => {
      const { year, unitId, sessionId } = c.req.valid('param');
      return docxResponse(c, await massesMinutesDocx(deps, c.get('caller'), year, unitId, sessionId));
    },
  );

  return r;
}
