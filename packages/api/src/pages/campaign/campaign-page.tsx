import { formatVietnameseDate, unitKindLabels, isCell, isPartyOrganisation, roleMay, type Campaign, type MilestoneStatus, type Caller } from '@kd/domain';
import type { StoredUnit } from '@kd/data';
import { Page as Layout } from './page';
import { when } from './labels';

export function CampaignLinks(props: { caller: Caller; unit: StoredUnit; year: number }) {
  const { unit, year } = props;
  return (
    <p class="links">
      <a href={`/campaigns/${year}/units/${unit.id}`}>Kế hoạch, mốc thời gian</a>
      {isPartyOrganisation(unit.kind) ? <> · <a href={`/campaigns/${year}/units/${unit.id}/review`} data-testid="link-review">Hồ sơ kiểm điểm, xếp loại</a></> : null}
      {!isCell(unit.kind) && roleMay(props.caller.role, 'review.appraise') ? <> · <a href={`/campaigns/${year}/units/${unit.id}/appraisal`} data-testid="link-appraisal">Thẩm định</a></> : null}
      {isPartyOrganisation(unit.kind) ? <> · <a href={`/campaigns/${year}/units/${unit.id}/rewards`} data-testid="link-rewards">Đề nghị khen thưởng</a></> : null}
      {' · '}
      <a href={`/units/${unit.id}/audit-trail`}>Nhật ký thay đổi</a>
    </p>
  );
}

function statusText(s: MilestoneStatus): string {
  if (!s.applies) return '';
  if (s.completedAt) return `Hoàn thành lúc ${when(s.completedAt)} (${s.onTime ? 'đúng hạn' : 'trễ hạn'})`;
  return s.overdue ? 'Quá hạn, chưa hoàn thành' : 'Chưa hoàn thành';
}

/** The campaign as a unit sees it: rulebook, rating date, the cascade of plans, the milestones and where the unit stands. */
export function CampaignPage(props: { caller: Caller; unit: StoredUnit; campaign: Campaign; statuses: MilestoneStatus[] }) {
  const { caller, unit, campaign, statuses } = props;
  return (
    <Layout title={`Đợt kiểm điểm năm ${campaign.year}`} caller={caller}>
      <div class="crumbs">
        <a href={`/units/${unit.id}`}>{unit.name}</a> ›
      </div>
      <h1 data-testid="campaign-title">Kiểm điểm, đánh giá, xếp loại chất lượng năm {campaign.year}</h1>
      <CampaignLinks caller={caller} unit={unit} year={campaign.year} />
      <div class="card">
        <p>
          Bộ quy tắc: <strong>{[campaign.rulebookId, ...campaign.overlayIds].join(' + ')}</strong> · Ngày họp xếp loại mặc định:{' '}
          <strong data-testid="rating-date">{formatVietnameseDate(campaign.ratingDate)}</strong> (đơn vị có thể ghi nhận ngày họp của mình)
        </p>
      </div>
      <h2>Các văn bản hướng dẫn, kế hoạch</h2>
      {campaign.plans.length === 0 ? (
        <p class="muted">Chưa có văn bản.</p>
      ) : (
        <table data-testid="plans">
          <thead>
            <tr><th>Số, ký hiệu</th><th>Ngày ban hành</th><th>Cơ quan ban hành</th><th>Trích yếu</th></tr>
          </thead>
          <tbody>
            {campaign.plans.map((p) => (
              <tr><td>{p.number}</td><td>{formatVietnameseDate(p.date)}</td><td>{p.issuer}</td><td>{p.title}</td></tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Tiến độ thực hiện</h2>
      {statuses.length === 0 ? (
        <p class="muted">Chưa có mốc thời gian.</p>
      ) : (
        <table data-testid="milestones">
          <thead>
            <tr><th>Nội dung</th><th>Thời hạn</th><th>Đơn vị thực hiện</th><th>Tình trạng của {unit.name}</th></tr>
          </thead>
          <tbody>
            {statuses.map((s) => (
              <tr class={s.overdue ? 'late' : ''}>
                <td>{s.milestone.title}</td>
                <td>{s.deadline}</td>
                <td>{s.milestone.actorKinds.map((k) => unitKindLabels[k]).join(', ')}</td>
                <td>{statusText(s)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

/** The tenant's campaigns, from a unit's home. */
export function CampaignListPage(props: { caller: Caller; unit: StoredUnit; campaigns: Campaign[] }) {
  return (
    <Layout title="Các đợt kiểm điểm" caller={props.caller}>
      <div class="crumbs">
        <a href={`/units/${props.unit.id}`}>{props.unit.name}</a> ›
      </div>
      <h1>Các đợt kiểm điểm, xếp loại</h1>
      {props.campaigns.length === 0 ? <p class="muted">Chưa có đợt kiểm điểm nào.</p> : null}
      {[...props.campaigns].reverse().map((c) => (
        <div class="card">
          <h2>Năm {c.year}</h2>
          <CampaignLinks caller={props.caller} unit={props.unit} year={c.year} />
        </div>
      ))}
    </Layout>
  );
}
