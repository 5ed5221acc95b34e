import { Hono, type Context } from 'hono';
import { DomainError, assertNoControlCharacters, MemberFacts, UnitPlanInput, Rating, Adjustments, ReturnReason, rulebookFor, type Caller, type Action } from '@kd/domain';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import { pageHandler } from './page-handler';
import { toDomainError } from '../errors';
import { adoptPlan, appraisalList, approve, campaignsOf, closeCampaign, openCampaign, unitSchedule, evaluatedUnit, auditTrail, readCampaign, returnDossier, saveMemberFacts, setCollective, setQuotaException, submitDossier, unitInScope, massesAboutMembers, appraisalStandingOf, hasMassesReview } from '@kd/services';
import { CampaignListPage, CampaignPage } from './campaign/campaign-page';
import { ReviewPage } from './campaign/review-page';
import { AppraisalPage } from './campaign/appraisal-page';
import { AuditPage } from './campaign/audit-page';
import { factsFromForm } from './campaign/member-form';
import { planFromForm } from './campaign/plan-form';

type Handler = (c: Context<AppEnv>, caller: Caller, year: number) => Promise<Response>;

function yearOf(c: Context<AppEnv>): number {
  const year = Number(c.req.param('year'));
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new DomainError('CAMPAIGN_NOT_FOUND', 'Không có đợt kiểm điểm của năm này.');
  return year;
}

/** Resolves the caller (no token → the login page) and renders errors as pages with their status. */
export function page(deps: AppDeps, handler: Handler) {
  return pageHandler(deps, (c, caller) => handler(c, caller, c.req.param('year') === undefined ? 0 : yearOf(c)));
}

/**
 * A form post: the work, then back to the page it came from (POST-redirect-GET). A refusal the
 * user can act on (409 stale or locked, 422 blocked) goes back with its message; a scope error
 * (403, 404) is a page of its own, like any other page.
 */
export function action(
  deps: AppDeps,
  /** What the caller must be allowed on the unit — or, for a member's own record, the check itself. */
  scope: Action | ((c: Context<AppEnv>, caller: Caller) => Promise<unknown>),
  work: (c: Context<AppEnv>, caller: Caller, year: number, form: Record<string, unknown>) => Promise<{ back: string; ok: string }>,
  /** Where a refusal goes back to (default: the form's `back`, else the unit's review of the year). */
  fallbackOf?: (c: Context<AppEnv>) => string,
) {
  return page(deps, async (c, caller, year) => {
    // The scope answers first (403/404 page), before the form is read.
    await (typeof scope === 'function' ? scope(c, caller) : unitInScope(deps.store, caller, c.req.param('unitId')!, scope));
    const form = (await c.req.parseBody()) as Record<string, unknown>;
    const fallback =
      typeof form.back === 'string' && form.back.startsWith('/campaigns/')
        ? form.back
        : (fallbackOf?.(c) ?? `/campaigns/${year}/units/${encodeURIComponent(c.req.param('unitId') ?? '')}/review`);
    try {
      assertNoControlCharacters(form);
      const { back, ok } = await work(c, caller, year, form);
      return c.redirect(`${back}${back.includes('?') ? '&' : '?'}ok=${encodeURIComponent(ok)}`, 303);
    } catch (error) {
      const e = toDomainError(error);
      if (e.kind !== 'conflict' && e.kind !== 'unprocessable' && e.kind !== 'badRequest') throw e;
      return c.redirect(`${fallback}${fallback.includes('?') ? '&' : '?'}error=${encodeURIComponent(e.message)}`, 303);
    }
  });
}

export const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
export const int = (v: unknown) => Number.parseInt(str(v), 10);
export const flash = (c: Context<AppEnv>) => ({ error: c.req.query('error'), ok: c.req.query('ok') });

/** Server-rendered pages of the review campaign: the campaign, a unit's review, the appraisal, the audit trail. */
export function campaignPages(deps: AppDeps) {
  const r = new Hono<AppEnv>();

  r.get('/units/:unitId/campaigns', page(deps, async (c, caller) => {
    const unit = await unitInScope(deps.store, caller, c.req.param('unitId')!, 'unit.read');
    return c.html(<CampaignListPage caller={caller} unit={unit} campaigns={await campaignsOf(deps, caller)} flash={flash(c)} />);
  }));

  r.post('/units/:unitId/campaigns', action(deps, 'campaign.manage', async (c, caller, _year, form) => {
    const ratingDate = str(form.ratingDate);
    const opened = await openCampaign(deps, caller, { year: int(form.year), ...(ratingDate ? { ratingDate } : {}) });
    return { back: `/campaigns/${opened.year}/units/${encodeURIComponent(c.req.param('unitId')!)}`, ok: `Đã mở đợt kiểm điểm năm ${opened.year}.` };
  }, (c) => `/units/${encodeURIComponent(c.req.param('unitId') ?? '')}/campaigns`));

  r.get('/campaigns/:year/units/:unitId', page(deps, async (c, caller, year) => {
    const [{ unit, campaign, statuses }, schedule, campaigns, masses] = await Promise.all([
      readCampaign(deps, caller, year, c.req.param('unitId')!),
      unitSchedule(deps, caller, year, c.req.param('unitId')!),
      campaignsOf(deps, caller),
      hasMassesReview(deps.store, caller, year),
    ]);
    return c.html(<CampaignPage caller={caller} unit={unit!} campaign={campaign} statuses={statuses!} years={campaigns.map((x) => x.year)} schedule={schedule} masses={masses} flash={flash(c)} />);
  }));

  r.post('/campaigns/:year/units/:unitId/plan', action(deps, 'plan.adopt', async (c, caller, year, form) => {
    const unitId = c.req.param('unitId')!;
    const { rev, ...input } = { rev: int(form.rev), ...planFromForm(form) };
    await adoptPlan(deps, caller, year, unitId, UnitPlanInput.parse(input), rev);
    return { back: `/campaigns/${year}/units/${encodeURIComponent(unitId)}`, ok: 'Đã lưu kế hoạch của đơn vị.' };
  }, (c) => `/campaigns/${c.req.param('year')}/units/${encodeURIComponent(c.req.param('unitId') ?? '')}`));

  r.post('/campaigns/:year/units/:unitId/close', action(deps, 'campaign.manage', async (c, caller, year, form) => {
    if (str(form.confirm) !== 'yes') throw new DomainError('VALIDATION_FAILED', 'Hãy đánh dấu xác nhận trước khi kết thúc đợt kiểm điểm.');
    await closeCampaign(deps, caller, year);
    return { back: `/campaigns/${year}/units/${encodeURIComponent(c.req.param('unitId')!)}`, ok: `Đã kết thúc đợt kiểm điểm năm ${year}.` };
  }, (c) => `/campaigns/${c.req.param('year')}/units/${encodeURIComponent(c.req.param('unitId') ?? '')}`));

  r.get('/campaigns/:year/units/:unitId/review', page(deps, async (c, caller, year) => {
    const [{ unit, stored, evaluation, campaign }, campaigns] = await Promise.all([evaluatedUnit(deps, caller, year, c.req.param('unitId')!, 'member.read'), campaignsOf(deps, caller)]);
    const [masses, standing] = await Promise.all([massesAboutMembers(deps, caller, unit, year, stored.members.map((m) => m.id)), appraisalStandingOf(deps, caller, unit, campaign)]);
    return c.html(
      <ReviewPage caller={caller} unit={unit} year={year} stored={stored} evaluation={evaluation} masses={masses} flash={flash(c)} scored={isScored(campaign)} closed={campaign.closedAt !== null} years={campaigns.map((x) => x.year)} standing={standing} />,
    );
  }));

  r.post('/campaigns/:year/units/:unitId/review/members/:memberId', action(deps, 'results.write', async (c, caller, year, form) => {
    const unitId = c.req.param('unitId')!;
    const memberId = c.req.param('memberId')!;
    const facts = MemberFacts.parse(factsFromForm(form));
    const rowRev = str(form.rowRev) === '' ? null : int(form.rowRev);
    await saveMemberFacts(deps, caller, year, unitId, memberId, { facts, rowRev, dossierRev: int(form.dossierRev) });
    return { back: `/campaigns/${year}/units/${encodeURIComponent(unitId)}/review`, ok: 'Đã lưu số liệu, xếp loại của đảng viên.' };
  }));

  r.post('/campaigns/:year/units/:unitId/review/collective', action(deps, 'results.write', async (c, caller, year, form) => {
    const unitId = c.req.param('unitId')!;
    const level = (v: unknown) => (str(v) === '' ? null : Rating.parse(str(v)));
    const num = (v: unknown) => (str(v) === '' ? null : Number(str(v).replace(',', '.')));
    // The 100-point fields come only from the form of a scored year.
    const scores = 'general' in form
      ? {
          scores: { general: num(form.general), tasks: num(form.tasks) },
          taskCompletionPercent: num(form.taskCompletionPercent),
          latePercent: num(form.latePercent),
          exceedingPercent: num(form.exceedingPercent),
          shortcomingsRemedied: str(form.shortcomingsNotRemedied) !== 'on',
          disciplined: str(form.disciplined) === 'on',
          leadershipMemberDisciplined: str(form.leadershipMemberDisciplined) === 'on',
        }
      : {};
    await setCollective(deps, caller, year, unitId, { proposed: level(form.proposed), decided: level(form.decided), rev: int(form.rev), ...scores });
    return { back: `/campaigns/${year}/units/${encodeURIComponent(unitId)}/review`, ok: 'Đã lưu xếp loại tập thể.' };
  }));

  r.post('/campaigns/:year/units/:unitId/review/submit', action(deps, 'review.submit', async (c, caller, year, form) => {
    const unitId = c.req.param('unitId')!;
    await submitDossier(deps, caller, year, unitId, int(form.rev));
    return { back: `/campaigns/${year}/units/${encodeURIComponent(unitId)}/review`, ok: 'Đã gửi hồ sơ lên cấp trên.' };
  }));

  r.get('/campaigns/:year/units/:unitId/appraisal', page(deps, async (c, caller, year) => {
    const { unit, entries, campaign } = await appraisalList(deps, caller, year, c.req.param('unitId')!);
    const pageNo = Number(c.req.query('page') ?? 1);
    const view = { state: c.req.query('state')?.slice(0, 20), q: c.req.query('q')?.slice(0, 100), page: Number.isInteger(pageNo) ? pageNo : 1 };
    return c.html(<AppraisalPage caller={caller} unit={unit} year={year} entries={entries} flash={flash(c)} campaign={campaign} closed={campaign.closedAt !== null} view={view} />);
  }));

  r.post('/campaigns/:year/units/:unitId/appraisal/quota-exception', action(deps, 'review.appraise', async (c, caller, year, form) => {
    const percent = str(form.percent);
    const share = percent === '' ? null : Number(percent.replace(',', '.')) / 100;
    if (share !== null && !Number.isFinite(share)) throw new DomainError('VALIDATION_FAILED', 'Tỷ lệ phải là một số phần trăm, ví dụ 25.');
    await setQuotaException(deps, caller, year, c.req.param('unitId')!, { share, reason: str(form.reason) || null });
    return { back: backOf(form, caller, year), ok: share === null ? 'Đã bỏ tỷ lệ ngoại lệ.' : 'Đã ghi tỷ lệ ngoại lệ.' };
  }));

  r.post('/campaigns/:year/units/:unitId/appraisal/approve', action(deps, 'review.appraise', async (c, caller, year, form) => {
    const unitRating = str(form.unitRating);
    // Member adjustments of the review page's approval form: `adj:<memberId>:rating|circumstance|reason`.
    const members = Object.keys(form)
      .flatMap((k) => /^adj:(.+):rating$/.exec(k)?.[1] ?? [])
      .filter((id) => str(form[`adj:${id}:rating`]) !== '')
      .map((id) => ({ memberId: id, rating: str(form[`adj:${id}:rating`]), reason: str(form[`adj:${id}:reason`]) || null, circumstance: str(form[`adj:${id}:circumstance`]) || null }));
    const adjustments = Adjustments.parse({ members, unit: unitRating ? { rating: unitRating, reason: str(form.unitReason) } : null });
    // A lock is never one click: the form's confirmation is checked here too, not only by the browser.
    if (str(form.confirm) !== 'yes') throw new DomainError('CONFIRMATION_REQUIRED', 'Hãy đánh dấu ô xác nhận trước khi duyệt: sau khi duyệt, hồ sơ bị khóa.');
    await approve(deps, caller, year, c.req.param('unitId')!, int(form.rev), adjustments, { takeOverReason: str(form.takeOverReason) || null });
    return { back: backOf(form, caller, year), ok: 'Đã duyệt hồ sơ.' };
  }));

  r.post('/campaigns/:year/units/:unitId/appraisal/return', action(deps, 'review.appraise', async (c, caller, year, form) => {
    await returnDossier(deps, caller, year, c.req.param('unitId')!, int(form.rev), ReturnReason.parse(str(form.reason)), { takeOverReason: str(form.takeOverReason) || null });
    return { back: backOf(form, caller, year), ok: 'Đã trả lại hồ sơ cho đơn vị.' };
  }));

  r.get('/units/:unitId/audit-trail', page(deps, async (c, caller) => {
    // Only the filter's own parameters, and only those given: an empty box is no filter.
    const asked = Object.fromEntries((['action', 'who', 'from', 'to', 'q'] as const).map((k) => [k, c.req.query(k)?.trim().slice(0, 100)]).filter(([, v]) => v));
    const trail = await auditTrail(deps, caller, c.req.param('unitId')!, { limit: 50, cursor: c.req.query('cursor'), filter: asked });
    return c.html(<AuditPage caller={caller} trail={trail} />);
  }));

  return r;
}

/** The year's rules score on 100 (r2025): the review page shows scores, sheets and the collective's scores. */
function isScored(campaign: Parameters<typeof rulebookFor>[0]): boolean {
  return rulebookFor(campaign).rules.some((r) => r.enabled && r.check === 'scoresOnFile');
}

function backOf(form: Record<string, unknown>, caller: Caller, year: number): string {
  const back = str(form.back);
  return back.startsWith('/campaigns/') ? back : `/campaigns/${year}/units/${encodeURIComponent(caller.unit)}/appraisal`;
}
