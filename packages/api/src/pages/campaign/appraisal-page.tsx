import { dossierStateLabels as workflowStateLabels, compareText, foldVietnamese, pageOf, unitKindLabels, roleMay, isBaseOrganisation, scoreText, quotaParamsOf, rulebookFor, type AppraisalStanding, type Caller, type Campaign } from '@kd/domain';
import { ClosedBanner } from './closed-banner';
import type { Dossier, StoredUnit } from '@kd/data';
import { Page as Layout } from './page';
import { CampaignLinks } from './campaign-page';
import { full, when } from './labels';
import { RatingSelect } from './rating-select';
import { PostForm } from '../post-form';
import { listHref, Pager } from '../list-view';
import { ConfirmLockField, TakeOverField, standingLabels } from './appraise-fields';

export interface AppraisalPageData {
  caller: Caller;
  unit: StoredUnit;
  year: number;
  entries: { unit: StoredUnit; dossier: Dossier; parentName: string | null; standing: AppraisalStanding }[];
  flash: { error?: string | undefined; ok?: string | undefined };
  /** For the flags of the province's overlay (dossiers it re-evaluated) and the quota exception forms. */
  campaign?: Campaign;
  /** What the list shows: one workflow state, names containing a text (diacritics or not), a page. */
  view?: AppraisalView;
}

export interface AppraisalView {
  state?: string | undefined;
  q?: string | undefined;
  page?: number | undefined;
}

/** Dossiers listed at once: a bloc appraises a few hundred organisations. */
export const APPRAISAL_PAGE_SIZE = 50;

/** The upper level's appraisal: the dossiers of its subtree, submitted ones first, each with approve / return. */
export function AppraisalPage({ caller, unit, year, entries, flash, campaign, closed, view = {} }: AppraisalPageData & { closed: boolean }) {
  const local = campaign?.localOverlay ?? null;
  const reevaluated = new Map((local?.affected ?? []).map((a) => [a.unitId, a] as const));
  // The rulebook lets the competent level raise a base organisation's cap (r2025).
  const exceptions = campaign ? quotaParamsOf(rulebookFor(campaign)).exceptionMaxPercent !== undefined : false;
  const order = { submitted: 0, returned: 1, draft: 2, approved: 3 } as const;
  // The caller's own dossiers first, then the ones it may only take over or see.
  const rank = { appraiser: 0, takeOver: 1, outside: 2 } as const;
  const text = foldVietnamese(view.q ?? '');
  const matching = entries
    .filter((e) => (!view.state || e.dossier.state === view.state) && (!text || foldVietnamese(e.unit.name).includes(text)))
    .sort((a, b) => rank[a.standing] - rank[b.standing] || order[a.dossier.state] - order[b.dossier.state] || compareText(a.unit.name, b.unit.name));
  const { items: sorted, page, pages } = pageOf(matching, view.page, APPRAISAL_PAGE_SIZE);
  const mine = entries.filter((e) => e.standing === 'appraiser');
  const submitted = mine.filter((e) => e.dossier.state === 'submitted').length;
  const mayAppraise = !closed && roleMay(caller.role, 'review.appraise');
  const base = `/campaigns/${year}/units/${unit.id}/appraisal`;
  const query = (p: number) => listHref(base, { state: view.state, q: view.q }, p);
  // After a decision the appraiser comes back to the same filtered page.
  const back = query(page);
  return (
    <Layout title={`Thẩm định ${year} — ${unit.name}`} caller={caller}>
      <div class="crumbs">
        <a href={`/units/${unit.id}`}>{unit.name}</a> › <a href={`/campaigns/${year}/units/${unit.id}`}>Đợt kiểm điểm năm {year}</a> ›
      </div>
      <h1>Thẩm định kết quả xếp loại năm {year}</h1>
      <ClosedBanner year={year} closed={closed} />
      <CampaignLinks caller={caller} unit={unit} year={year} closed={closed} />
      {flash.error ? <p class="error" data-testid="flash-error">{flash.error}</p> : null}
      {flash.ok ? <p class="ok" data-testid="flash-ok">{flash.ok}</p> : null}
      <p>
        Hồ sơ chờ cấp mình thẩm định: <strong data-testid="submitted-count">{submitted}</strong> / {mine.length} tổ chức đảng do cấp mình thẩm định theo kế hoạch
        {entries.length > mine.length ? <> (và {entries.length - mine.length} tổ chức do cấp dưới thẩm định)</> : null}.
      </p>
      <form method="get" action={base} class="filters" data-testid="appraisal-filter">
        <label>Trạng thái{' '}
          <select name="state">
            <option value="">Tất cả ({entries.length})</option>
            {(['submitted', 'returned', 'draft', 'approved'] as const).map((s) => (
              <option value={s} selected={view.state === s}>{workflowStateLabels[s]} ({entries.filter((e) => e.dossier.state === s).length})</option>
            ))}
          </select>
        </label>
        <label>Tên tổ chức đảng <input type="search" name="q" value={view.q ?? ''} maxlength={100} /></label>
        <button type="submit">Lọc</button>
      </form>
      {matching.length === 0 ? <p>Không có hồ sơ nào khớp với bộ lọc.</p> : null}
      <table data-testid="appraisals">
        <thead>
          <tr><th>Tổ chức đảng</th><th>Trực thuộc</th><th>Cấp thẩm định</th><th>Trạng thái</th><th>Xếp loại tập thể</th><th>Gửi lúc</th><th>Thẩm định</th></tr>
        </thead>
        <tbody>
          {sorted.map(({ unit: u, dossier: d, parentName, standing }) => (
            <tr data-unit={u.id} data-state={d.state} data-standing={standing}>
              <td>
                <a href={`/campaigns/${year}/units/${u.id}/review`}>{u.name}</a>
                <br />
                <span class="muted">{unitKindLabels[u.kind]}</span>
              </td>
              <td data-testid="parent">{parentName ?? '—'}</td>
              <td>{standingLabels[standing]}</td>
              <td>
                {workflowStateLabels[d.state]}
                {d.state === 'returned' && d.returnReason ? <div class="muted">Lý do trả lại: {d.returnReason}</div> : null}
                {reevaluated.has(u.id) && local ? (
                  <div class="error" data-testid={`reevaluated-${u.id}`}>
                    Kết quả đánh giá thay đổi do <a href={`/campaigns/${year}/units/${caller.unit}/rulebook`}>bộ quy tắc của tỉnh phiên bản {local.version}</a>: {reevaluated.get(u.id)!.changes.join('; ')}
                  </div>
                ) : null}
              </td>
              <td>
                {full(d.adjustedCollective?.rating ?? d.collective.decided)}
                {isBaseOrganisation(u.kind) && d.quotaException ? (
                  <div class="muted" data-testid={`quota-exception-${u.id}`}>Tỷ lệ Hoàn thành xuất sắc nâng lên {scoreText(d.quotaException.percent)}% ({d.quotaException.byName}: {d.quotaException.reason})</div>
                ) : null}
                {exceptions && isBaseOrganisation(u.kind) && mayAppraise && u.id !== caller.unit ? (
                  <details>
                    <summary>Nâng tỷ lệ Hoàn thành xuất sắc (tối đa 25%)</summary>
                    <PostForm action={`/campaigns/${year}/units/${u.id}/appraisal/quota-exception`} testid={`quota-form-${u.id}`}>
                      <input type="hidden" name="back" value={back} />
                      <label>Tỷ lệ (% số Hoàn thành tốt; để trống là bỏ) <input type="text" name="percent" inputmode="decimal" size={5} value={d.quotaException ? scoreText(d.quotaException.percent) : ''} /></label>
                      <label>Lý do (thành tích nổi trội, đột phá, vượt kế hoạch) <input type="text" name="reason" maxlength={2000} size={40} value={d.quotaException?.reason ?? ''} /></label>
                      <button type="submit">Ghi</button>
                    </PostForm>
                  </details>
                ) : null}
              </td>
              <td>{d.submittedAt ? when(d.submittedAt) : '—'}</td>
              <td>
                {d.state === 'submitted' && mayAppraise && u.id !== caller.unit && standing !== 'outside' ? (
                  <div class="appraise">
                    <PostForm action={`/campaigns/${year}/units/${u.id}/appraisal/approve`}>
                      <input type="hidden" name="rev" value={String(d.rev)} />
                      <input type="hidden" name="back" value={back} />
                      <details>
                        <summary>Điều chỉnh xếp loại tập thể (nếu có)</summary>
                        <RatingSelect name="unitRating" value={null} label="Xếp loại sau điều chỉnh" empty="— giữ nguyên —" />
                        <label>Lý do điều chỉnh <input type="text" name="unitReason" maxlength={2000} /></label>
                      </details>
                      <TakeOverField standing={standing} testid={`takeover-${u.id}`} />
                      <ConfirmLockField testid={`confirm-${u.id}`} />
                      <button type="submit" data-testid={`approve-${u.id}`}>Duyệt</button>
                    </PostForm>
                    <PostForm action={`/campaigns/${year}/units/${u.id}/appraisal/return`}>
                      <input type="hidden" name="rev" value={String(d.rev)} />
                      <input type="hidden" name="back" value={back} />
                      <label>
                        Lý do trả lại <textarea name="reason" required minlength={3} maxlength={2000} data-testid={`return-reason-${u.id}`}></textarea>
                      </label>
                      <TakeOverField standing={standing} testid={`return-takeover-${u.id}`} />
                      <button type="submit" data-testid={`return-${u.id}`}>Trả lại</button>
                    </PostForm>
                  </div>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager page={page} pages={pages} total={matching.length} noun="hồ sơ" href={query} testid="appraisal-pager" />
    </Layout>
  );
}
