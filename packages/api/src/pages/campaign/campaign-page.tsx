import { PostForm } from '../post-form';
import { baseRulebook, campaignState, campaignStateLabels, formatVietnameseDate, unitKindLabels, isCell, isPartyOrganisation, roleMay, type Campaign, type MilestoneStatus, type Caller } from '@kd/domain';
import type { UnitSchedule } from '@kd/services';
import type { StoredUnit } from '@kd/data';
import { Page as Layout } from './page';
import { when } from './labels';
import { ClosedBanner } from './closed-banner';
import { PlanForm } from './plan-form';
import { YearSelector } from './year-selector';
import { WEB_API_BASE } from '../../base-paths';

/** The links of a unit's year; a closed year offers its results as a file to read, no upload. */
export function CampaignLinks(props: { caller: Caller; unit: StoredUnit; year: number; closed: boolean; masses?: boolean }) {
  const { unit, year } = props;
  const mayWrite = roleMay(props.caller.role, 'results.write');
  return (
    <p class="links">
      <a href={`/campaigns/${year}/units/${unit.id}`}>Kế hoạch, mốc thời gian</a>
      {isPartyOrganisation(unit.kind) ? <> · <a href={`/campaigns/${year}/units/${unit.id}/review`} data-testid="link-review">Hồ sơ kiểm điểm, xếp loại</a></> : null}
      {isCell(unit.kind) && mayWrite && !props.closed ? <> · <a href={`/campaigns/${year}/units/${unit.id}/results-upload`} data-testid="link-upload">Tải kết quả kiểm điểm lên</a></> : null}
      {isCell(unit.kind) ? <> · <a href={`${WEB_API_BASE}/campaigns/${year}/units/${unit.id}/results-template`} data-testid="link-results-file">Tệp kết quả năm {year} (.xlsx)</a></> : null}
      {!isCell(unit.kind) && roleMay(props.caller.role, 'review.appraise') ? <> · <a href={`/campaigns/${year}/units/${unit.id}/appraisal`} data-testid="link-appraisal">Thẩm định</a></> : null}
      {isPartyOrganisation(unit.kind) ? <> · <a href={`/campaigns/${year}/units/${unit.id}/rewards`} data-testid="link-rewards">Đề nghị khen thưởng</a></> : null}
      {props.masses && isPartyOrganisation(unit.kind) ? <> · <a href={`/campaigns/${year}/units/${unit.id}/masses`} data-testid="link-masses">Tự phê bình trước quần chúng</a></> : null}
      {' · '}
      <a href={`/campaigns/${year}/units/${unit.id}/rulebook`} data-testid="link-rulebook">Bộ quy tắc</a>
      {roleMay(props.caller.role, 'scoring.manage') && (unit.kind === 'province' || unit.kind === 'bloc') ? <> · <a href={`/campaigns/${year}/units/${unit.id}/scoring/4`} data-testid="link-scoring">Điểm từng tiêu chí</a></> : null}
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

export interface CampaignPageData {
  caller: Caller;
  unit: StoredUnit;
  campaign: Campaign;
  statuses: MilestoneStatus[];
  years: number[];
  schedule: UnitSchedule;
  /** The year has a masses review: the unit's masses page is linked. */
  masses?: boolean;
  flash: { error?: string | undefined; ok?: string | undefined };
}

/** The campaign as a unit sees it: rulebook, rating date, the cascade of plans, the unit's own plan, the milestones and where the unit stands. */
export function CampaignPage(props: CampaignPageData) {
  const { caller, unit, campaign, statuses, schedule, flash } = props;
  const open = campaignState(campaign) === 'open';
  const base = `/campaigns/${campaign.year}/units/${unit.id}`;
  const adopting = ['bloc', 'baseCommittee', 'baseCell', 'subCommittee', 'cell'].includes(unit.kind);
  const mayClose = open && unit.parentId === null && unit.id === caller.unit && roleMay(caller.role, 'campaign.manage');
  return (
    <Layout title={`Đợt kiểm điểm năm ${campaign.year}`} caller={caller}>
      <div class="crumbs">
        <a href={`/units/${unit.id}`}>{unit.name}</a> › <a href={`/units/${unit.id}/campaigns`}>Các đợt kiểm điểm</a> ›
      </div>
      <h1 data-testid="campaign-title">Kiểm điểm, đánh giá, xếp loại chất lượng năm {campaign.year}</h1>
      <YearSelector years={props.years} current={campaign.year} href={(y) => `/campaigns/${y}/units/${unit.id}`} />
      <ClosedBanner year={campaign.year} closed={!open} />
      <CampaignLinks caller={caller} unit={unit} year={campaign.year} closed={campaign.closedAt !== null} masses={props.masses ?? false} />
      {flash.error ? <p class="error" data-testid="flash-error">{flash.error}</p> : null}
      {flash.ok ? <p class="ok" data-testid="flash-ok">{flash.ok}</p> : null}
      <div class="card">
        <p>
          Trạng thái: <strong data-testid="campaign-state" data-state={campaignState(campaign)}>{campaignStateLabels[campaignState(campaign)]}</strong>
        </p>
        <p>
          Bộ quy tắc: <strong>{baseRulebook(campaign.rulebookId).title}</strong> ({[campaign.rulebookId, ...campaign.overlayIds].join(' + ')}) · Ngày họp xếp loại mặc định:{' '}
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
      <h2>Kế hoạch của {unit.name}</h2>
      {schedule.plan ? (
        <p data-testid="own-plan">
          Kế hoạch số {schedule.plan.number} ngày {formatVietnameseDate(schedule.plan.date)} của {schedule.plan.issuer}: {schedule.plan.title}
        </p>
      ) : (
        <p class="muted" data-testid="own-plan">
          {schedule.followsUnitId ? 'Đơn vị chưa ban hành kế hoạch riêng: thực hiện theo kế hoạch của cấp trên.' : 'Đơn vị chưa ban hành kế hoạch riêng: thực hiện theo các mốc của đợt kiểm điểm.'}
        </p>
      )}
      {open && adopting && roleMay(caller.role, 'plan.adopt') ? (
        <details open={!schedule.plan}>
          <summary>{schedule.plan ? 'Sửa kế hoạch của đơn vị' : 'Ban hành kế hoạch của đơn vị'}</summary>
          <PlanForm action={`${base}/plan`} plan={schedule.plan} milestones={schedule.milestones} parentWindows={schedule.parentMilestones} parentName={schedule.parentName} />
        </details>
      ) : null}
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
      {mayClose ? (
        <PostForm action={`${base}/close`} class="card" testid="close-form">
          <h2>Kết thúc đợt kiểm điểm</h2>
          <p>Sau khi kết thúc, mọi trang của năm {campaign.year} chỉ để xem: không đơn vị nào sửa, gửi hay thẩm định được nữa.</p>
          <label><input type="checkbox" name="confirm" value="yes" required /> Tôi xác nhận kết thúc đợt kiểm điểm năm {campaign.year}</label>{' '}
          <button type="submit" data-testid="close-campaign">Kết thúc đợt kiểm điểm</button>
        </PostForm>
      ) : null}
    </Layout>
  );
}

/** The tenant's campaigns, from a unit's home. */
export function CampaignListPage(props: { caller: Caller; unit: StoredUnit; campaigns: Campaign[]; flash: { error?: string | undefined; ok?: string | undefined } }) {
  const { caller, unit } = props;
  const mayOpen = unit.parentId === null && unit.id === caller.unit && roleMay(caller.role, 'campaign.manage');
  const next = Math.max(0, ...props.campaigns.map((c) => c.year)) + 1;
  return (
    <Layout title="Các đợt kiểm điểm" caller={caller}>
      <div class="crumbs">
        <a href={`/units/${unit.id}`}>{unit.name}</a> ›
      </div>
      <h1>Các đợt kiểm điểm, xếp loại</h1>
      {props.flash.error ? <p class="error" data-testid="flash-error">{props.flash.error}</p> : null}
      {props.campaigns.length === 0 ? <p class="muted">Chưa có đợt kiểm điểm nào.</p> : null}
      {[...props.campaigns].sort((a, b) => b.year - a.year).map((c) => (
        <div class="card" data-testid="campaign" data-year={String(c.year)}>
          <h2>
            Năm {c.year} — <span data-state={campaignState(c)}>{campaignStateLabels[campaignState(c)]}</span>
          </h2>
          <p class="muted">{baseRulebook(c.rulebookId).title} · Ngày xếp loại mặc định {formatVietnameseDate(c.ratingDate)}</p>
          <CampaignLinks caller={caller} unit={unit} year={c.year} closed={c.closedAt !== null} />
        </div>
      ))}
      {mayOpen ? (
        <PostForm action={`/units/${unit.id}/campaigns`} class="card" testid="open-form">
          <h2>Mở đợt kiểm điểm</h2>
          <p class="muted">Bộ quy tắc, ngày xếp loại và khung mốc thời gian mặc định theo quy định áp dụng cho năm; các cấp cụ thể hóa trong kế hoạch của mình.</p>
          <label>Năm <input name="year" type="number" min={2000} max={2100} required value={String(props.campaigns.length > 0 ? next : '')} /></label>{' '}
          <label>Ngày xếp loại (để trống: theo quy định) <input name="ratingDate" type="date" /></label>{' '}
          <button type="submit" data-testid="open-campaign">Mở đợt kiểm điểm</button>
        </PostForm>
      ) : null}
    </Layout>
  );
}
