import { ratingLabels, dossierStateLabels, type Campaign, type Caller, type RuleInForce, type RulePatch, type AffectedDossier } from '@kd/domain';
import type { OverlayVersion, StoredUnit } from '@kd/data';
import { Page as Layout } from './page';
import { ClosedBanner } from './closed-banner';
import { CampaignLinks } from './campaign-page';
import { when } from './labels';
import { effectLabels, paramLabels, paramText, scopeLabels, severityLabels } from './rule-labels';
import { OverlayForm } from './overlay-form';
import { PostForm } from '../post-form';

const stateLabel = (s: string) => dossierStateLabels[s as keyof typeof dossierStateLabels] ?? s;

export interface RulebookPageData {
  caller: Caller;
  unit: StoredUnit;
  campaign: Campaign;
  rules: readonly RuleInForce[];
  versions: readonly OverlayVersion[];
  /** The province board at the province: the overlay form is shown. */
  editable: boolean;
  flash: { error?: string | undefined; ok?: string | undefined };
}

/** One rule's row: every field the brief of the page names, with its anchor (violations link to `#rule-<id>`). */
function RuleRow({ r, first }: { r: RuleInForce; first: boolean }) {
  const { rule } = r;
  const local = r.changes.filter((c) => c.local);
  return (
    <tr id={first ? `rule-${rule.id}` : undefined} data-rule={r.key} class={[rule.enabled ? '' : 'off', local.length > 0 ? 'local' : ''].filter(Boolean).join(' ')}>
      <td>
        <strong id={`rule-${r.key}`}>{rule.id}</strong>
        {rule.clause ? <div class="muted">khoản {rule.clause}</div> : null}
        {rule.enabled ? null : <div class="tag off" data-testid="rule-off">Không áp dụng</div>}
      </td>
      <td>{effectLabels[rule.effect]}{rule.level ? <div class="muted">{ratingLabels[rule.level]}</div> : null}</td>
      <td>{scopeLabels[r.scope]}<div class="muted">{severityLabels[rule.severity]}</div></td>
      <td>
        {rule.explanation}
        {Object.keys(rule.params).length > 0 ? (
          <ul class="params">
            {Object.entries(rule.params).map(([k, v]) => <li data-param={k}>{paramLabels[k] ?? k}: {paramText(k, v)}</li>)}
          </ul>
        ) : null}
      </td>
      <td>{rule.source}{rule.provisional ? <div class="tag" title="Cần đối chiếu văn bản gốc">Tạm thời, cần đối chiếu văn bản gốc</div> : null}</td>
      <td data-testid="interpretation">{rule.interpretation ? <><span class="tag interp">Cách hiểu của hệ thống</span> {rule.interpretation}</> : ''}</td>
      <td data-testid="changes">
        {r.changes.map((c) => (
          <div class={c.local ? 'local-change' : ''}>
            <strong>{c.local ? 'Tỉnh sửa' : 'Bổ sung của địa phương'}</strong> ({c.title}): {c.added ? 'thêm quy tắc' : c.fields.map((f) => (f.startsWith('params.') ? paramLabels[f.slice(7)] ?? f : fieldLabel(f))).join(', ')}
          </div>
        ))}
      </td>
    </tr>
  );
}

const fieldLabel = (f: string) => ({ enabled: 'bật/tắt', severity: 'mức độ', level: 'mức', interpretation: 'cách hiểu' })[f] ?? f;

/** The dossiers a change re-evaluates, with what changes in each. */
export function AffectedList({ affected, testId }: { affected: readonly AffectedDossier[]; testId: string }) {
  if (affected.length === 0) return <p class="ok" data-testid={testId}>Không hồ sơ nào đã gửi lên thay đổi kết quả đánh giá.</p>;
  return (
    <table data-testid={testId}>
      <thead><tr><th>Tổ chức đảng</th><th>Trạng thái hồ sơ</th><th>Thay đổi</th></tr></thead>
      <tbody>
        {affected.map((a) => (
          <tr data-unit={a.unitId}>
            <td>{a.name}</td>
            <td>{stateLabel(a.state)}</td>
            <td><ul class="reasons">{a.changes.map((c) => <li>{c}</li>)}</ul></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A patch in words, for the preview and the history. */
export function patchText(p: RulePatch): string {
  const parts: string[] = [];
  if (p.enabled !== undefined) parts.push(p.enabled ? 'áp dụng' : 'không áp dụng');
  if (p.severity) parts.push(`mức độ: ${severityLabels[p.severity]}`);
  for (const [k, v] of Object.entries(p.params ?? {})) parts.push(`${paramLabels[k] ?? k}: ${paramText(k, v)}`);
  if (p.interpretation !== undefined) parts.push(p.interpretation === null ? 'bỏ cách hiểu của hệ thống' : `cách hiểu: ${p.interpretation}`);
  return `${p.id}${p.clause ? `.${p.clause}` : ''}: ${parts.join('; ')}`;
}

/** The rules of a campaign, readable by anyone in the tenant; the province board edits its overlay here. */
export function RulebookPage({ caller, unit, campaign, rules, versions, editable, flash }: RulebookPageData) {
  const local = campaign.localOverlay;
  const groups = new Map<string, RuleInForce[]>();
  for (const r of rules) groups.set(r.rule.id, [...(groups.get(r.rule.id) ?? []), r]);
  return (
    <Layout title={`Bộ quy tắc năm ${campaign.year}`} caller={caller}>
      <div class="crumbs"><a href={`/units/${unit.id}`}>{unit.name}</a> › <a href={`/campaigns/${campaign.year}/units/${unit.id}`}>Đợt kiểm điểm năm {campaign.year}</a> ›</div>
      <h1>Bộ quy tắc đánh giá, xếp loại năm {campaign.year}</h1>
      <ClosedBanner year={campaign.year} closed={campaign.closedAt !== null} />
      <CampaignLinks caller={caller} unit={unit} year={campaign.year} closed={campaign.closedAt !== null} />
      {flash.error ? <p class="error" data-testid="flash-error">{flash.error}</p> : null}
      {flash.ok ? <p class="ok" data-testid="flash-ok">{flash.ok}</p> : null}
      <div class="card">
        <p>
          Bộ quy tắc quốc gia: <strong data-testid="rulebook-id">{campaign.rulebookId}</strong>
          {campaign.overlayIds.length > 0 ? <> · Bổ sung của địa phương đi kèm hệ thống: {campaign.overlayIds.join(', ')}</> : null}
        </p>
        <p data-testid="local-overlay">
          {local
            ? <>Bộ quy tắc của tỉnh: phiên bản <strong>{local.version}</strong>, {local.overlay.patches.length} thay đổi, căn cứ {local.overlay.sources.join('; ')} — {local.by}, {when(local.at)}.</>
            : 'Tỉnh chưa sửa quy tắc nào của năm này.'}
        </p>
        <p class="muted">
          “Cách hiểu của hệ thống” đánh dấu điểm văn bản chưa quy định rõ; tỉnh có thể sửa. “Tạm thời” đánh dấu quy tắc lấy từ nguồn trích dẫn, cần đối chiếu văn bản gốc.
        </p>
      </div>
      <table data-testid="rules" class="rules">
        <thead>
          <tr><th>Mã</th><th>Tác động</th><th>Đối tượng, mức độ</th><th>Giải thích, tham số</th><th>Căn cứ</th><th>Cách hiểu</th><th>Thay đổi của địa phương</th></tr>
        </thead>
        <tbody>
          {[...groups.values()].flatMap((list) => list.map((r, i) => <RuleRow r={r} first={i === 0} />))}
        </tbody>
      </table>
      {local ? (
        <>
          <h2>Hồ sơ đã gửi lên có kết quả thay đổi do phiên bản {local.version}</h2>
          <AffectedList affected={local.affected} testId="overlay-affected" />
        </>
      ) : null}
      {versions.length > 0 ? (
        <>
          <h2>Các phiên bản bộ quy tắc của tỉnh</h2>
          <table data-testid="overlay-versions">
            <thead><tr><th>Phiên bản</th><th>Lúc</th><th>Người sửa</th><th>Thay đổi</th></tr></thead>
            <tbody>
              {versions.map((v) => (
                <tr>
                  <td>{v.version}</td>
                  <td>{when(v.at)}</td>
                  <td>{v.by}</td>
                  <td><ul class="reasons">{v.overlay.patches.map((p) => <li>{patchText(p)}</li>)}</ul></td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {editable ? (
        <>
          <h2>Sửa bộ quy tắc của tỉnh</h2>
          <p class="muted">
            Bấm “Xem trước” để xem các thay đổi và các hồ sơ đã gửi lên có kết quả thay đổi; thay đổi chỉ có hiệu lực sau khi xác nhận, và các hồ sơ đó được đánh dấu trên trang thẩm định.
          </p>
          <OverlayForm action={`/campaigns/${campaign.year}/units/${unit.id}/rulebook/preview`} rules={rules} version={local?.version ?? 0} source={local?.overlay.sources[0] ?? ''} />
        </>
      ) : null}
    </Layout>
  );
}

/** The preview of a change: what it changes, which dossiers already sent up it re-evaluates, and the confirmation. */
export function OverlayPreviewPage(props: {
  caller: Caller;
  unit: StoredUnit;
  year: number;
  patches: readonly RulePatch[];
  affected: readonly AffectedDossier[];
  checked: number;
  confirm: { edits: string; source: string; expectedVersion: number };
}) {
  const { caller, unit, year } = props;
  return (
    <Layout title={`Xem trước thay đổi bộ quy tắc năm ${year}`} caller={caller}>
      <div class="crumbs"><a href={`/campaigns/${year}/units/${unit.id}/rulebook`}>Bộ quy tắc năm {year}</a> ›</div>
      <h1>Xem trước thay đổi bộ quy tắc của tỉnh năm {year}</h1>
      <h2>Thay đổi so với bộ quy tắc quốc gia</h2>
      {props.patches.length === 0 ? <p class="muted">Không có thay đổi: giữ nguyên bộ quy tắc quốc gia.</p> : (
        <ul data-testid="preview-patches">{props.patches.map((p) => <li>{patchText(p)}</li>)}</ul>
      )}
      <h2>Hồ sơ đã gửi lên có kết quả đánh giá thay đổi ({props.affected.length}/{props.checked})</h2>
      <AffectedList affected={props.affected} testId="preview-affected" />
      <PostForm action={`/campaigns/${year}/units/${unit.id}/rulebook/confirm`}>
        <input type="hidden" name="back" value={`/campaigns/${year}/units/${unit.id}/rulebook`} />
        <input type="hidden" name="edits" value={props.confirm.edits} />
        <input type="hidden" name="source" value={props.confirm.source} />
        <input type="hidden" name="expectedVersion" value={String(props.confirm.expectedVersion)} />
        <button type="submit" data-testid="overlay-confirm">Xác nhận áp dụng</button>{' '}
        <a href={`/campaigns/${year}/units/${unit.id}/rulebook`}>Hủy, quay lại</a>
      </PostForm>
    </Layout>
  );
}
