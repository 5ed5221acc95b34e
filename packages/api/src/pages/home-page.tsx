import { homeDateLine, type Caller, type HomeItem, type HomeItemKind } from '@kd/domain';
import type { Campaign } from '@kd/domain';
import type { StoredUnit } from '@kd/data';
import { Page as Layout } from './campaign/page';

const enc = encodeURIComponent;

/** Where each line of the home page leads: the page where the work is done. */
/** A member's own record (their evaluation, the masses' comments, their self-review). */
export const ownRecordHref = (year: number, caller: Caller) => `/campaigns/${year}/units/${enc(caller.unit)}/members/${enc(caller.sub)}/record`;

function hrefOf(kind: HomeItemKind, year: number, e: HomeItem['entries'][number], caller: Caller): string {
  const base = `/campaigns/${year}/units/${enc(e.unitId)}`;
  switch (kind) {
    case 'toAppraise':
    case 'returned':
      return caller.role === 'member' ? ownRecordHref(year, caller) : `${base}/review`;
    case 'deadline':
      return caller.role === 'member' ? ownRecordHref(year, caller) : base;
    case 'missingMinutes':
      return `${base}/meetings`;
    case 'missingSelfReview':
      return `${base}/members/${enc(e.memberId ?? '')}/self-review`;
  }
}

/** The caller's home: what needs them now, with counts and links, then the ways into the rest. */
export function HomePage(props: { caller: Caller; unit: StoredUnit; campaign: Campaign | null; items: HomeItem[]; now: Date }) {
  const { caller, unit, campaign, items } = props;
  const member = caller.role === 'member';
  return (
    <Layout title="Việc cần làm" caller={caller}>
      <h1 data-testid="home">Việc cần làm — {unit.name}</h1>
      <p class="muted">{homeDateLine(props.now)}{campaign ? ` · Đợt kiểm điểm năm ${campaign.year}` : ''}</p>
      <p>
        {member ? (
          campaign ? <a href={ownRecordHref(campaign.year, caller)} data-testid="link-my-record">Hồ sơ kiểm điểm của tôi</a> : null
        ) : (
          <>
            <a href={`/units/${enc(unit.id)}`} data-testid="link-unit">Trang đơn vị</a>
            {campaign ? <> · <a href={`/campaigns/${campaign.year}/units/${enc(unit.id)}`}>Đợt kiểm điểm năm {campaign.year}</a></> : null}
            {campaign ? <> · <a href={`/campaigns/${campaign.year}/units/${enc(unit.id)}/appraisal`}>Thẩm định</a></> : null}
          </>
        )}
      </p>
      {!campaign ? <p data-testid="home-empty">Chưa có đợt kiểm điểm nào đang mở.</p> : null}
      {campaign && items.length === 0 ? <p data-testid="home-empty">Không có việc nào cần làm ngay.</p> : null}
      {campaign
        ? items.map((item) => (
            <section class="card" data-testid={`home-${item.kind}`}>
              <h2>
                {item.title}: <span data-testid={`home-count-${item.kind}`}>{item.entries.length}</span>
              </h2>
              <ul>
                {item.entries.map((e) => (
                  <li data-unit={e.unitId} data-member={e.memberId} class={e.overdue ? 'error' : undefined}>
                    <a href={hrefOf(item.kind, campaign.year, e, caller)}>{e.label}</a>
                    {e.detail ? <span class="muted"> — {e.detail}</span> : null}
                  </li>
                ))}
              </ul>
            </section>
          ))
        : null}
    </Layout>
  );
}
