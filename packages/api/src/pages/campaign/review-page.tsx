import { disciplineLabels, formatVietnameseDate, memberStatus, memberStatusLabels, partyPositionLabels, availableActions, dossierStateLabels as workflowStateLabels, isEditable, isCell, roleMay, overrideCircumstanceLabels, overrideCircumstances, scoreText, type MemberEvaluation, type MemberFacts, type UnitYearEvaluation, type Violation, type Caller, type AppraisalStanding, commentChannelLabels, commentPlace, remediationStatusLabels, type MemberMasses } from '@kd/domain';

import type { StoredUnitYear, StoredUnit } from '@kd/data';
import { Page as Layout } from './page';
import { CampaignLinks } from './campaign-page';
import { ClosedBanner } from './closed-banner';
import { YearSelector } from './year-selector';
import { full, notRatedLabels, short, when } from './labels';
import { MemberForm } from './member-form';
import { RatingSelect } from './rating-select';
import { ruleHref } from './rule-labels';
import { PostForm } from '../post-form';
import { WEB_API_BASE } from '../../base-paths';
import { ConfirmLockField, TakeOverField } from './appraise-fields';

export interface ReviewPageData {
  caller: Caller;
  unit: StoredUnit;
  year: number;
  stored: StoredUnitYear;
  evaluation: UnitYearEvaluation;
  /** What the masses said about each member that year and the remediation (R-MASS-12); empty without the rule. */
  masses?: ReadonlyMap<string, MemberMasses>;
  flash: { error?: string | undefined; ok?: string | undefined };
  /** The year's rules score on 100 (r2025): scores, sheets and the collective's scores are shown. */
  scored?: boolean;
  /** The campaign is closed: the page only shows. */
  closed: boolean;
  years: number[];
  /** Where the caller stands towards this dossier's appraisal (the approval form shows only to the appraiser or, with a reason, the province). */
  standing?: AppraisalStanding;
}

/** The comments of the masses about a member and the remediation that answers them (R-MASS-12). */
function MassesAbout(props: { about: MemberMasses | undefined }) {
  const a = props.about;
  if (!a) return null;
  return (
    <details data-testid="member-masses">
      <summary>Ý kiến quần chúng ({a.comments.length}) · khắc phục ({a.remediationItems.length})</summary>
      <ul class="reasons">
        {a.comments.map((c) => (
          <li>{commentPlace(c)}: {c.text}{c.dissenting ? ' (trái chiều)' : ''} <span class="muted">— {commentChannelLabels[c.channel]}</span></li>
        ))}
      </ul>
      {a.remediationItems.length > 0 ? (
        <ul class="reasons">
          {a.remediationItems.map((r) => (
            <li>Khắc phục: {r.text} — hạn {formatVietnameseDate(r.deadline)} — {remediationStatusLabels[r.status]}{r.overdue ? ' (quá hạn)' : ''}</li>
          ))}
        </ul>
      ) : null}
    </details>
  );
}

/** A rule id as a link to its explanation on the campaign's rulebook page. */
export function RuleLink(props: { year: number; unitId: string; ruleId: string }) {
  return <a class="rule muted" href={ruleHref(props.year, props.unitId, props.ruleId)} data-rule-link={props.ruleId}>{props.ruleId}</a>;
}

function factsSummary(f: MemberFacts): string {
  const parts = [
    f.absences ? `vắng ${f.absences} kỳ` : '',
    f.silentMeetings ? `${f.silentMeetings} kỳ không phát biểu` : '',
    f.sickLeaveDays ? `nghỉ ốm ${f.sickLeaveDays} ngày` : '',
    f.maternityLeave ? 'nghỉ thai sản' : '',
    f.discipline ? `kỷ luật ${disciplineLabels[f.discipline].toLocaleLowerCase('vi')}` : '',
    f.degradationConcluded ? 'có kết luận suy thoái' : '',
    f.taskCompletionPercent !== null ? `hoàn thành ${f.taskCompletionPercent}% nhiệm vụ` : '',
    f.civilServantRating ? `CBCCVC: ${short(f.civilServantRating)}` : '',
    f.absentFromRatingMeeting ? 'vắng họp xếp loại' : '',
  ];
  return parts.filter(Boolean).join('; ');
}

function ViolationList(props: { items: readonly Violation[]; names: Map<string, string>; testId: string; year: number; unitId: string }) {
  return (
    <ul data-testid={props.testId}>
      {props.items.map((v) => (
        <li>
          {v.memberId ? <strong>{props.names.get(v.memberId) ?? v.memberId}: </strong> : null}
          {v.message} (<RuleLink year={props.year} unitId={props.unitId} ruleId={v.ruleId} />)
        </li>
      ))}
    </ul>
  );
}

function reasonsOf(e: MemberEvaluation, f: MemberFacts | undefined): { text: string; ruleId?: string }[] {
  // A forced level (discipline, a state rating of incomplete, degradation) needs no vote: say why it stands.
  const forced = e.forced && e.decided === null && f ? [`Xếp loại ${full(e.forced)} theo quy định${f.discipline ? ` (bị kỷ luật ${disciplineLabels[f.discipline].toLocaleLowerCase('vi')} trong năm, không đưa vào danh sách biểu quyết)` : ''}.`] : [];
  return [...(e.notRatedReason ? [notRatedLabels[e.notRatedReason]] : []), ...forced].map((text) => ({ text })).concat(e.violations.map((v) => ({ text: v.message, ruleId: v.ruleId })));
}

/** A unit's review for a year: members with facts, proposals, decision, final and the reasons; forms; the workflow. */
export function ReviewPage({ caller, unit, year, stored, evaluation, masses, flash, scored = false, closed, years, standing = 'outside' }: ReviewPageData) {
  const { dossier } = stored;
  const names = new Map(stored.members.map((m) => [m.id, m.fullName] as const));
  const editable = !closed && isEditable(dossier.state) && roleMay(caller.role, 'results.write');
  const canSubmit = !closed && availableActions(dossier.state).includes('submit') && roleMay(caller.role, 'review.submit');
  const base = `/campaigns/${year}/units/${unit.id}`;
  const evaluations = new Map(evaluation.members.map((e) => [e.memberId, e] as const));
  const appraiser = !closed && dossier.state === 'submitted' && roleMay(caller.role, 'review.appraise') && unit.id !== caller.unit && standing !== 'outside';
  const quotaException = dossier.quotaException;
  return (
    <Layout title={`Hồ sơ kiểm điểm ${year} — ${unit.name}`} caller={caller}>
      <div class="crumbs">
        <a href={`/units/${unit.id}`}>{unit.name}</a> › <a href={base}>Đợt kiểm điểm năm {year}</a> ›
      </div>
      <h1>Hồ sơ kiểm điểm, xếp loại năm {year} — {unit.name}</h1>
      <YearSelector years={years} current={year} href={(y) => `/campaigns/${y}/units/${unit.id}/review`} />
      <ClosedBanner year={year} closed={closed} />
      <CampaignLinks caller={caller} unit={unit} year={year} closed={closed} />
      {flash.error ? <p class="error" data-testid="flash-error">{flash.error}</p> : null}
      {flash.ok ? <p class="ok" data-testid="flash-ok">{flash.ok}</p> : null}

      <div class="card">
        <p>
          Trạng thái hồ sơ: <strong data-testid="workflow-state" data-state={dossier.state}>{workflowStateLabels[dossier.state]}</strong>
          {dossier.submittedAt ? <> · Gửi lúc {when(dossier.submittedAt)}</> : null}
          {dossier.appraisedAt ? <> · Thẩm định lúc {when(dossier.appraisedAt)}</> : null}
        </p>
        {dossier.state === 'returned' && dossier.returnReason ? (
          <p class="error" data-testid="return-reason">Cấp trên trả lại hồ sơ. Lý do: {dossier.returnReason}</p>
        ) : null}
        <p>
          Ngày xếp loại: <strong>{formatVietnameseDate(evaluation.ratingDate)}</strong>
          {dossier.meetingDate ? ' (ngày họp chi bộ đã ghi nhận)' : ' (ngày mặc định của đợt kiểm điểm)'}
        </p>
      </div>

      <h2>Xếp loại tập thể</h2>
      <div class="card" data-testid="collective">
        <p>
          Đề xuất: <strong>{full(dossier.collective.proposed)}</strong> · Chi bộ quyết định: <strong>{full(dossier.collective.decided)}</strong>
          {dossier.adjustedCollective ? <> · Cấp trên điều chỉnh: <strong>{full(dossier.adjustedCollective.rating)}</strong> ({dossier.adjustedCollective.reason})</> : null}
          {evaluation.unit?.final ? <> · Kết quả: <strong>{full(evaluation.unit.final)}</strong></> : null}
        </p>
        {scored && evaluation.unit ? (
          <p data-testid="collective-score">
            Điểm của tập thể: <strong>{evaluation.unit.score === null ? 'chưa đủ hai nhóm điểm' : `${scoreText(evaluation.unit.score)}/100`}</strong>
            {evaluation.unit.maxAllowed ? <> · Mức cao nhất được phép: <strong>{full(evaluation.unit.maxAllowed)}</strong></> : null}
            {' · '}<a href={`${base}/score-sheet`} data-testid="collective-sheet">Phiếu chấm điểm của tập thể (Mẫu 01)</a>
          </p>
        ) : null}
        {evaluation.unit?.quota ? (
          <p class="muted" data-testid="quota">
            Chỉ tiêu Hoàn thành xuất sắc: {evaluation.unit.quota.excellent}/{evaluation.unit.quota.cap} (tối đa {quotaException ? `${scoreText(quotaException.percent)}% theo ngoại lệ do ${quotaException.byName} quyết định: ${quotaException.reason}` : '20%'} của {evaluation.unit.quota.good} đảng viên Hoàn thành tốt)
          </p>
        ) : null}
        {evaluation.unit?.interpretations.map((i) => <p class="muted" data-testid="unit-interpretation">Cách hiểu của hệ thống (<RuleLink year={year} unitId={unit.id} ruleId={i.ruleId} />): {i.note}</p>)}
        {editable ? (
          <PostForm action={`${base}/review/collective`} class="inline-form member-form">
            <input type="hidden" name="rev" value={String(dossier.rev)} />
            <RatingSelect name="proposed" value={dossier.collective.proposed} label="Đề xuất" />{' '}
            <RatingSelect name="decided" value={dossier.collective.decided} label="Chi bộ quyết định" />{' '}
            {scored ? <CollectiveScoreFields c={dossier.collective} /> : null}
            <button type="submit" data-testid="save-collective">Lưu xếp loại tập thể</button>
          </PostForm>
        ) : null}
      </div>

      <h2>Vi phạm cần xử lý trước khi gửi ({evaluation.blocking.length})</h2>
      {evaluation.blocking.length === 0 ? <p class="ok" data-testid="no-blocking">Không có vi phạm chặn việc gửi hồ sơ.</p> : <ViolationList items={evaluation.blocking} names={names} testId="blocking" year={year} unitId={unit.id} />}
      {evaluation.warnings.length > 0 ? (
        <details>
          <summary>Lưu ý ({evaluation.warnings.length})</summary>
          <ViolationList items={evaluation.warnings} names={names} testId="warnings" year={year} unitId={unit.id} />
        </details>
      ) : null}

      {canSubmit ? (
        <PostForm action={`${base}/review/submit`} class="submit-form">
          <input type="hidden" name="rev" value={String(dossier.rev)} />
          <button type="submit" data-testid="submit-dossier">{dossier.state === 'returned' ? 'Gửi lại hồ sơ lên cấp trên' : 'Gửi hồ sơ lên cấp trên'}</button>
        </PostForm>
      ) : null}

      <h2>Đảng viên ({stored.members.length})</h2>
      <table data-testid="review-members" class="review">
        <thead>
          <tr>
            <th>STT</th><th>Họ và tên</th><th>Số liệu</th>{scored ? <th>Điểm</th> : null}<th>Tự xếp loại</th><th>Tổ đề xuất</th><th>Chi bộ xếp loại</th><th>Cấp trên điều chỉnh</th><th>Mức cao nhất</th><th>Kết quả</th><th>Lý do, vi phạm</th>
          </tr>
        </thead>
        <tbody>
          {stored.members.map((m, i) => {
            const e = evaluations.get(m.id)!;
            const row = stored.rows.get(m.id);
            const f = row?.facts ?? e;
            const reasons = reasonsOf(e, row?.facts);
            return (
              <>
                <tr data-member={m.id} class={e.violations.some((v) => v.severity === 'blocking') ? 'blocked' : ''}>
                  <td class="num">{i + 1}</td>
                  <td>
                    <strong>{m.fullName}</strong>
                    <br />
                    <span class="muted">
                      {[memberStatusLabels[memberStatus(m)], m.partyPosition ? partyPositionLabels[m.partyPosition] : ''].filter(Boolean).join(' · ')}
                    </span>
                  </td>
                  <td>{row ? factsSummary(row.facts) : <span class="muted">chưa có số liệu</span>}</td>
                  {scored ? (
                    <td data-testid="score">
                      {e.score === null ? <span class="muted">chưa đủ điểm</span> : <strong>{scoreText(e.score)}</strong>}
                      <br />
                      <a class="muted" href={`${base}/members/${encodeURIComponent(m.id)}/score-sheet`} data-testid={`sheet-${m.id}`}>Phiếu chấm điểm</a>
                    </td>
                  ) : null}
                  <td>{short(f.selfProposed)}</td>
                  <td>{short(f.groupProposed)}</td>
                  <td data-testid="decided">{short(f.decided)}</td>
                  <td data-testid="adjusted">
                    {e.adjusted ? <>{short(e.adjusted)}{row?.adjustReason && !e.override ? <span class="muted"> ({row.adjustReason})</span> : null}</> : ''}
                    {e.override ? (
                      <div class="override" data-testid="override">
                        Xếp loại vượt mức quy định — {overrideCircumstanceLabels[e.override.circumstance]}: {e.override.reason} <span class="muted">({e.override.by}; <RuleLink year={year} unitId={unit.id} ruleId="R-IND25-OVERRIDE" />)</span>
                      </div>
                    ) : null}
                  </td>
                  <td>{short(e.maxAllowed)}</td>
                  <td data-testid="final"><strong>{short(e.final)}</strong></td>
                  <td data-testid="reasons">
                    {reasons.length > 0 ? (
                      <ul class="reasons">
                        {reasons.map((r) => <li>{r.text}{r.ruleId ? <> (<RuleLink year={year} unitId={unit.id} ruleId={r.ruleId} />)</> : null}</li>)}
                      </ul>
                    ) : null}
                    <MassesAbout about={masses?.get(m.id)} />
                    {e.interpretations.map((i) => <div class="muted" data-testid="interpretation">Cách hiểu của hệ thống (<RuleLink year={year} unitId={unit.id} ruleId={i.ruleId} />)</div>)}
                    <a class="muted" href={`${base}/members/${encodeURIComponent(m.id)}/self-review`} data-testid={`self-review-${m.id}`}>Bản tự kiểm điểm</a>
                    {' · '}<a class="muted" href={`${WEB_API_BASE}${base}/members/${encodeURIComponent(m.id)}/self-review.docx`}>(.docx)</a>
                  </td>
                </tr>
                {editable ? (
                  <tr class="edit-row">
                    <td></td>
                    <td colspan={scored ? 10 : 9}>
                      <details data-testid={`edit-${m.id}`}>
                        <summary>Sửa số liệu, xếp loại của đồng chí {m.fullName}</summary>
                        <MemberForm action={`${base}/review/members/${encodeURIComponent(m.id)}`} facts={row?.facts ?? emptyOf(e)} rowRev={row?.rev ?? null} dossierRev={dossier.rev} scored={scored} />
                      </details>
                    </td>
                  </tr>
                ) : null}
              </>
            );
          })}
        </tbody>
      </table>
      {appraiser ? <AdjustForm standing={standing} base={base} year={year} unitId={unit.id} rev={dossier.rev} members={stored.members.map((m) => ({ id: m.id, name: m.fullName, final: evaluations.get(m.id)?.final ?? null }))} /> : null}
      <p data-testid="review-work-links">
        {isCell(unit.kind) ? (
          <>
            <a href={`${base}/meetings`} data-testid="link-meetings">Cuộc họp tổ đảng, chi bộ</a>
            {' · '}<a href={`${base}/meetings/minutes.docx`} data-testid="link-minutes">Biên bản họp chi bộ xếp loại (.docx)</a>
            {' · '}
          </>
        ) : null}
        <a href={`${base}/collective-review`} data-testid="link-collective-review">Báo cáo kiểm điểm tập thể</a>
      </p>
    </Layout>
  );
}

function emptyOf(e: MemberEvaluation): MemberFacts {
  return {
    absences: 0, silentMeetings: 0, sickLeaveDays: 0, maternityLeave: false, discipline: null, degradationConcluded: false, civilServantRating: null,
    taskCompletionPercent: null, monthsAtPreviousCell: null, previousCellComment: false, temporaryCellComment: false, residenceComment: false,
    absentFromRatingMeeting: false, selfProposed: e.selfProposed, groupProposed: e.groupProposed, decided: e.decided, votesFor: null, note: null,
  };
}

/** The collective's scores and task figures under r2025 (Phụ lục 1), in the collective form. */
function CollectiveScoreFields({ c }: { c: StoredUnitYear['dossier']['collective'] }) {
  const num = (name: string, label: string, value: number | null | undefined, max: number) => (
    <label>{label} <input type="number" name={name} min="0" max={String(max)} step="any" value={value === null || value === undefined ? '' : String(value)} data-testid={`collective-${name}`} /></label>
  );
  return (
    <>
      {num('general', 'Điểm tiêu chí chung (/30)', c.scores?.general, 30)}
      {num('tasks', 'Điểm kết quả thực hiện nhiệm vụ (/70)', c.scores?.tasks, 70)}
      {num('taskCompletionPercent', 'Tỷ lệ hoàn thành nhiệm vụ (%)', c.taskCompletionPercent, 100)}
      {num('latePercent', 'Chậm tiến độ (%)', c.latePercent, 100)}
      {num('exceedingPercent', 'Vượt yêu cầu (%)', c.exceedingPercent, 100)}
      <label><input type="checkbox" name="shortcomingsNotRemedied" value="on" checked={c.shortcomingsRemedied === false} /> Chưa khắc phục hết hạn chế đã chỉ ra</label>
      <label><input type="checkbox" name="disciplined" value="on" checked={c.disciplined} /> Tổ chức bị kỷ luật trong năm</label>
      <label><input type="checkbox" name="leadershipMemberDisciplined" value="on" checked={c.leadershipMemberDisciplined} /> Có thành viên cấp ủy bị kỷ luật trong năm</label>
    </>
  );
}

/**
 * The upper level's approval from the unit's review page, with adjustments of members' ratings:
 * each with its reason; one above what the rules allow (r2025) names the circumstance of QĐ
 * 366-QĐ/TW Điều 11, or the approval is refused (OVERRIDE_REASON_REQUIRED).
 */
function AdjustForm(props: { standing: AppraisalStanding; base: string; year: number; unitId: string; rev: number; members: { id: string; name: string; final: string | null }[] }) {
  return (
    <div class="card appraise" data-testid="adjust-form">
      <h2>Thẩm định: duyệt, có thể điều chỉnh xếp loại đảng viên</h2>
      <PostForm action={`/campaigns/${props.year}/units/${props.unitId}/appraisal/approve`}>
        <input type="hidden" name="rev" value={String(props.rev)} />
        <input type="hidden" name="back" value={`${props.base}/review`} />
        <table>
          <thead><tr><th>Đảng viên</th><th>Xếp loại sau điều chỉnh</th><th>Tình tiết (khi vượt mức quy định)</th><th>Lý do</th></tr></thead>
          <tbody>
            {props.members.map((m) => (
              <tr data-member={m.id}>
                <td>{m.name}</td>
                <td><RatingSelect name={`adj:${m.id}:rating`} value={null} label="" empty="— giữ nguyên —" /></td>
                <td>
                  <select name={`adj:${m.id}:circumstance`} data-testid={`adj:${m.id}:circumstance`}>
                    <option value="">— không —</option>
                    {overrideCircumstances.map((c) => <option value={c}>{overrideCircumstanceLabels[c]}</option>)}
                  </select>
                </td>
                <td><input type="text" name={`adj:${m.id}:reason`} maxlength={2000} size={40} data-testid={`adj:${m.id}:reason`} /></td>
              </tr>
            ))}
          </tbody>
        </table>
        <TakeOverField standing={props.standing} testid="takeover" />
        <ConfirmLockField testid="confirm-approve" />
        <button type="submit" data-testid="approve-with-adjustments">Duyệt hồ sơ</button>
      </PostForm>
    </div>
  );
}
