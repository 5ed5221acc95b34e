import { Hono, type Context } from 'hono';
import { DomainError, RemediationStatus, Responsibility, type Caller } from '@kd/domain';
import {
  addComment, addRemediation, classifyMassesComment, copyWorkplacesForward, issueMassesCodes, loadMassesRollup, massesOverview, membersOfSubtree, planMassesSession,
  recordMassesSession, remediationOf, saveWorkplace, sendMassesReport, sessionPageData, setRemediation, signMassesSession, unitInScope,
} from '@kd/services';
import type { AppDeps } from '../../deps';
import type { AppEnv } from '../../env';
import { toDomainError } from '../../errors';
import { commentFormUrl } from '../../base-paths';
import { pageHandler } from '../page-handler';
import { Bieu5Page, CodesPage } from './bieu5-page';
import { commentFromForm, recordFromForm, remediationFromForm, formText, workplaceFromForm, type Form } from './masses-forms';
import { MassesOverviewPage } from './masses-overview-page';
import { MassesSessionPage } from './masses-session-page';
import { RemediationPage } from './remediation-page';

function yearOf(c: Context): number {
  const year = Number(c.req.param('year'));
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new DomainError('MASSES_REVIEW_NOT_FOUND', 'Không có đợt tự phê bình trước quần chúng năm này.');
  return year;
}
const flash = (c: Context) => ({ error: c.req.query('error'), ok: c.req.query('ok') });
const massesPath = (year: number, unitId: string) => `/campaigns/${year}/units/${encodeURIComponent(unitId)}/masses`;

type Work = (c: Context<AppEnv>, caller: Caller, year: number, form: Form) => Promise<{ back: string; ok: string } | Response>;

/**
 * A form post of the masses pages: the scope answers first (403/404 page) before the form is read,
 * then the work and back to the page (POST-redirect-GET). A refusal the user can act on (400, 409,
 * 422) goes back with its message. Plain form posts, so a CSRF middleware can cover them.
 */
function action(deps: AppDeps, work: Work) {
  return pageHandler(deps, async (c, caller) => {
    const year = yearOf(c);
    const unitId = c.req.param('unitId')!;
    await unitInScope(deps.store, caller, unitId, 'masses.write');
    const form = (await c.req.parseBody({ all: true })) as Form;
    const back = formText(form.back).startsWith(massesPath(year, unitId)) ? formText(form.back) : c.req.param('sessionId') ? `${massesPath(year, unitId)}/sessions/${encodeURIComponent(c.req.param('sessionId')!)}` : massesPath(year, unitId);
    try {
      const done = await work(c, caller, year, form);
      if (done instanceof Response) return done;
      return c.redirect(`${done.back}?ok=${encodeURIComponent(done.ok)}`, 303);
    } catch (error) {
      const e = toDomainError(error);
      if (e.kind !== 'conflict' && e.kind !== 'unprocessable' && e.kind !== 'badRequest') throw e;
      const detail = e.code === 'VALIDATION_FAILED' && Array.isArray(e.details) ? ` (${(e.details as { path: string; message: string }[]).map((d) => `${d.path}: ${d.message}`).join('; ')})` : '';
      return c.redirect(`${back}?error=${encodeURIComponent(e.message + detail)}`, 303);
    }
  });
}

/** The committee's masses pages: the year's overview, a session, remediation; and the board's Biểu 5. */
export function massesPages(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  const base = '/campaigns/:year/units/:unitId/masses';

  r.get(base, pageHandler(deps, async (c, caller) => {
    const year = yearOf(c);
    const o = await massesOverview(deps, caller, year, c.req.param('unitId')!);
    return c.html(<MassesOverviewPage caller={caller} unit={o.unit} year={year} review={o.review} workplace={o.workplace} sessions={o.sessions} flash={flash(c)} />);
  }));

  r.post(`${base}/workplace`, action(deps, async (c, caller, year, form) => {
    await saveWorkplace(deps, caller, year, c.req.param('unitId')!, workplaceFromForm(form));
    return { back: massesPath(year, c.req.param('unitId')!), ok: 'Đã lưu nơi làm việc và số quần chúng.' };
  }));

  r.post(`${base}/copy-forward`, action(deps, async (c, caller, year) => {
    const { copied } = await copyWorkplacesForward(deps, caller, year, c.req.param('unitId')!);
    return { back: massesPath(year, c.req.param('unitId')!), ok: `Đã chép ${copied} nơi làm việc của năm ${year - 1}.` };
  }));

  r.post(`${base}/plan`, action(deps, async (c, caller, year, form) => {
    const s = await planMassesSession(deps, caller, year, c.req.param('unitId')!, { startsAt: formText(form.startsAt), endsAt: formText(form.endsAt) || null, place: formText(form.place) || null });
    return { back: `${massesPath(year, c.req.param('unitId')!)}/sessions/${s.id}`, ok: 'Đã lên kế hoạch buổi tự phê bình.' };
  }));

  r.post(`${base}/report`, action(deps, async (c, caller, year) => {
    await sendMassesReport(deps, caller, year, c.req.param('unitId')!);
    return { back: massesPath(year, c.req.param('unitId')!), ok: 'Đã ghi nhận gửi báo cáo.' };
  }));

  r.get(`${base}/sessions/:sessionId`, pageHandler(deps, async (c, caller) => {
    const year = yearOf(c);
    const d = await sessionPageData(deps, caller, year, c.req.param('unitId')!, c.req.param('sessionId')!);
    return c.html(<MassesSessionPage caller={caller} unit={d.unit} year={year} session={d.session} comments={d.comments} codes={d.codes} remediation={d.remediation} members={d.members} names={d.names} flash={flash(c)} />);
  }));

  r.post(`${base}/sessions/:sessionId/record`, action(deps, async (c, caller, year, form) => {
    const unitId = c.req.param('unitId')!;
    const unit = await unitInScope(deps.store, caller, unitId, 'masses.write');
    const members = await membersOfSubtree(deps.store, caller.tenant, unit);
    const s = await recordMassesSession(deps, caller, year, unitId, recordFromForm(form, members.map((m) => m.id)), c.req.param('sessionId')!);
    return { back: `${massesPath(year, unitId)}/sessions/${s.id}`, ok: 'Đã lưu biên bản buổi tự phê bình.' };
  }));

  r.post(`${base}/sessions/:sessionId/comments`, action(deps, async (c, caller, year, form) => {
    const unitId = c.req.param('unitId')!;
    const sessionId = c.req.param('sessionId')!;
    await addComment(deps, caller, year, unitId, sessionId, commentFromForm(form));
    return { back: `${massesPath(year, unitId)}/sessions/${sessionId}`, ok: 'Đã ghi ý kiến.' };
  }));

  r.post(`${base}/sessions/:sessionId/comments/:commentId`, action(deps, async (c, caller, year, form) => {
    const unitId = c.req.param('unitId')!;
    const sessionId = c.req.param('sessionId')!;
    const responsibility = formText(form.responsibility) === '' ? null : Responsibility.parse(formText(form.responsibility));
    await classifyMassesComment(deps, caller, year, unitId, sessionId, c.req.param('commentId')!, { responsibility, dissenting: formText(form.dissenting) === 'on' });
    return { back: `${massesPath(year, unitId)}/sessions/${sessionId}`, ok: 'Đã phân loại ý kiến.' };
  }));

  r.post(`${base}/sessions/:sessionId/codes`, action(deps, async (c, caller, year) => {
    const unitId = c.req.param('unitId')!;
    const sessionId = c.req.param('sessionId')!;
    const { codes } = await issueMassesCodes(deps, caller, year, unitId, sessionId);
    const formUrl = new URL(commentFormUrl(caller.tenant, sessionId), c.req.url).toString();
    return c.html(<CodesPage caller={caller} title={`Mã phiếu góp ý (${codes.length} mã)`} codes={codes} formUrl={formUrl} back={`${massesPath(year, unitId)}/sessions/${sessionId}`} />);
  }));

  r.post(`${base}/sessions/:sessionId/signatures`, action(deps, async (c, caller, year, form) => {
    const unitId = c.req.param('unitId')!;
    const sessionId = c.req.param('sessionId')!;
    const s = await signMassesSession(deps, caller, year, unitId, sessionId, { role: formText(form.role) as 'chair', name: formText(form.name) });
    return { back: `${massesPath(year, unitId)}/sessions/${sessionId}`, ok: s.state === 'complete' ? 'Biên bản đã đủ ba chữ ký: buổi tự phê bình hoàn thành.' : 'Đã ký biên bản.' };
  }));

  r.get(`${base}/remediation`, pageHandler(deps, async (c, caller) => {
    const year = yearOf(c);
    const unitId = c.req.param('unitId')!;
    const items = await remediationOf(deps, caller, year, unitId);
    const unit = await unitInScope(deps.store, caller, unitId, 'unit.read');
    return c.html(<RemediationPage caller={caller} unit={unit} year={year} items={items} flash={flash(c)} />);
  }));

  r.post(`${base}/remediation`, action(deps, async (c, caller, year, form) => {
    const unitId = c.req.param('unitId')!;
    await addRemediation(deps, caller, year, unitId, remediationFromForm(form));
    const back = formText(form.back).startsWith(massesPath(year, unitId)) ? formText(form.back) : `${massesPath(year, unitId)}/remediation`;
    return { back, ok: 'Đã giao nội dung khắc phục.' };
  }));

  r.post(`${base}/remediation/:id`, action(deps, async (c, caller, year, form) => {
    const unitId = c.req.param('unitId')!;
    await setRemediation(deps, caller, year, unitId, c.req.param('id')!, RemediationStatus.parse(formText(form.status)));
    return { back: `${massesPath(year, unitId)}/remediation`, ok: 'Đã cập nhật trạng thái khắc phục.' };
  }));

  r.get('/dashboard/:year/units/:unitId/masses', pageHandler(deps, async (c, caller) => {
    const year = yearOf(c);
    const rollup = await loadMassesRollup(deps, caller, year, c.req.param('unitId')!);
    return c.html(<Bieu5Page caller={caller} rollup={rollup} year={year} />);
  }));

  return r;
}
