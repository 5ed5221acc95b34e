import { disciplineLabels, formatVietnameseDate, memberStatus, memberStatusLabels, partyPositionLabels, availableActions, dossierStateLabels as workflowStateLabels, isEditable, isCell, roleMay, type MemberEvaluation, type MemberFacts, type UnitYearEvaluation, type Violation, type Caller } from '@kd/domain';

import type { StoredUnitYear, StoredUnit } from '@kd/data';
import { Page as Layout } from './page';
import { CampaignLinks } from './campaign-page';
import { ClosedBanner } from './closed-banner';
import { YearSelector } from './year-selector';
import { full, notRatedLabels, short, when } from './labels';
import { MemberForm } from './member-form';
import { RatingSelect } from './rating-select';
import { PostForm } from '../post-form';
import { WEB_API_BASE } from '../../base-paths';

export interface ReviewPageData {
  caller: Caller;
  unit: StoredUnit;
  year: number;
  stored: StoredUnitYear;
  evaluation: UnitYearEvaluation;
  flash: { error?: string | undefined; ok?: string | undefined };
  /** The campaign is closed: the page only shows. */
  closed: boolean;
  years: number[];
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

function ViolationList(props: { items: readonly Violation[]; names: Map<string, string>; testId: string }) {
  return (
    <ul data-testid={props.testId}>
      {props.items.map((v) => (
        <li>
          {v.memberId ? <strong>{props.names.get(v.memberId) ?? v.memberId}: </strong> : null}
          {v.message} <span class="muted">({v.ruleId})</span>
        </li>
      ))}
    </ul>
  );
}

function reasonsOf(e: MemberEvaluation, f: MemberFacts | undefined): string[] {
  // A forced level (discipline, a state rating of incomplete, degradation) needs no vote: say why it stands.
  const forced = e.forced && e.decided === null && f ? [`Xếp loại ${full(e.forced)} theo quy định${f.discipline ? ` (bị kỷ luật ${disciplineLabels[f.discipline].toLocaleLowerCase('vi')} trong năm, không đưa vào danh sách biểu quyết)` : ''}.`] : [];
  return [...(e.notRatedReason ? [notRatedLabels[e.notRatedReason]] : []), ...forced, ...e.violations.map((v) => v.message)];
}

/** A unit's review for a year: members with facts, proposals, decision, final and the reasons; forms; the workflow. */
export function ReviewPage({ caller, unit, year, stored, evaluation, flash, closed, years }: ReviewPageData) {
  const { dossier } = stored;
  const names = new Map(stored.members.map((m) => [m.id, m.fullName] as const));
  const editable = !closed && isEditable(dossier.state) && roleMay(caller.role, 'results.write');
  const canSubmit = !closed && availableActions(dossier.state).includes('submit') && roleMay(caller.role, 'review.submit');
  const base = `/campaigns/${year}/units/${unit.id}`;
  const evaluations = new Map(evaluation.members.map((e) => [e.memberId, e] as const));
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
        {evaluation.unit?.quota ? (
          <p class="muted" data-testid="quota">
            Chỉ tiêu Hoàn thành xuất sắc: {evaluation.unit.quota.excellent}/{evaluation.unit.quota.cap} (tối đa 20% của {evaluation.unit.quota.good} đảng viên Hoàn thành tốt)
          </p>
        ) : null}
        {editable ? (
          <PostForm action={`${base}/review/collective`} class="inline-form">
            <input type="hidden" name="rev" value={String(dossier.rev)} />
            <RatingSelect name="proposed" value={dossier.collective.proposed} label="Đề xuất" />{' '}
            <RatingSelect name="decided" value={dossier.collective.decided} label="Chi bộ quyết định" />{' '}
            <button type="submit" data-testid="save-collective">Lưu xếp loại tập thể</button>
          </PostForm>
        ) : null}
      </div>

      <h2>Vi phạm cần xử lý trước khi gửi ({evaluation.blocking.length})</h2>
      {evaluation.blocking.length === 0 ? <p class="ok" data-testid="no-blocking">Không có vi phạm chặn việc gửi hồ sơ.</p> : <ViolationList items={evaluation.blocking} names={names} testId="blocking" />}
      {evaluation.warnings.length > 0 ? (
        <details>
          <summary>Lưu ý ({evaluation.warnings.length})</summary>
          <ViolationList items={evaluation.warnings} names={names} testId="warnings" />
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
            <th>STT</th><th>Họ và tên</th><th>Số liệu</th><th>Tự xếp loại</th><th>Tổ đề xuất</th><th>Chi bộ xếp loại</th><th>Cấp trên điều chỉnh</th><th>Mức cao nhất</th><th>Kết quả</th><th>Lý do, vi phạm</th>
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
                  <td>{short(f.selfProposed)}</td>
                  <td>{short(f.groupProposed)}</td>
                  <td data-testid="decided">{short(f.decided)}</td>
                  <td>{e.adjusted ? <>{short(e.adjusted)}{row?.adjustReason ? <span class="muted"> ({row.adjustReason})</span> : null}</> : ''}</td>
                  <td>{short(e.maxAllowed)}</td>
                  <td data-testid="final"><strong>{short(e.final)}</strong></td>
                  <td data-testid="reasons">
                    {reasons.length > 0 ? (
                      <ul class="reasons">
                        {reasons.map((r) => <li>{r}</li>)}
                      </ul>
                    ) : null}
                    <a class="muted" href={`${WEB_API_BASE}${base}/members/${encodeURIComponent(m.id)}/self-review.docx`}>Bản tự kiểm điểm (.docx)</a>
                  </td>
                </tr>
                {editable ? (
                  <tr class="edit-row">
                    <td></td>
                    <td colspan={9}>
                      <details data-testid={`edit-${m.id}`}>
                        <summary>Sửa số liệu, xếp loại của đồng chí {m.fullName}</summary>
                        <MemberForm action={`${base}/review/members/${encodeURIComponent(m.id)}`} facts={row?.facts ?? emptyOf(e)} rowRev={row?.rev ?? null} dossierRev={dossier.rev} />
                      </details>
                    </td>
                  </tr>
                ) : null}
              </>
            );
          })}
        </tbody>
      </table>
      {isCell(unit.kind) ? (
        <p>
          <a href={`${WEB_API_BASE}${base}/rating-minutes.docx`}>Biên bản họp chi bộ xếp loại (.docx)</a> <span class="muted">(cần ghi nhận cuộc họp chi bộ)</span>
        </p>
      ) : null}
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
