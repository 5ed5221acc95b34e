import { ratingLabels, ratings, reviewFormInfo, reviewForms, scoreText, type Caller, type Framework, type FrameworkNode, type Points } from '@kd/domain';
import type { StoredScheme, StoredUnit } from '@kd/data';
import type { SheetView } from '@kd/services';
import { Page as Layout } from './page';
import { ClosedBanner } from './closed-banner';
import { CampaignLinks } from './campaign-page';
import { when } from './labels';
import { PostForm } from '../post-form';
import { WEB_API_BASE } from '../../base-paths';

type Flash = { error?: string | undefined; ok?: string | undefined };
const pointsText = (p: Points | undefined) => (p === undefined ? '' : typeof p === 'number' ? scoreText(p) : `${scoreText(p.min)}-${scoreText(p.max)}`);

/** The points of a province's frame or a bloc's scheme, one input per criterion and per item (items: to split a criterion). */
export function SchemePage(props: { caller: Caller; unit: StoredUnit; year: number; framework: Framework; own: StoredScheme | null; province: StoredScheme | null; editable: boolean; closed?: boolean; flash: Flash }) {
  const { caller, unit, year, framework: f, own, province, editable } = props;
  const base = `/campaigns/${year}/units/${unit.id}/scoring`;
  const variantOf = (n: FrameworkNode) => (n.variant ? f.variants?.options.find((o) => o.key === n.variant)?.label : undefined);
  const row = (n: FrameworkNode, depth: number) => (
    <tr data-code={n.code} class={depth > 0 ? 'item' : ''}>
      <td>{n.code}</td>
      <td>{n.text}{variantOf(n) ? <div class="muted">{variantOf(n)}</div> : null}{n.open ? <div class="muted">Khung để ngỏ: tỉnh cụ thể hóa nội dung</div> : null}</td>
      {province ? <td class="num">{pointsText(province.scheme.points[n.code])}</td> : null}
      <td>
        {editable
          ? <input type="text" name={`pt:${n.code}`} value={pointsText(own?.scheme.points[n.code])} size={7} inputmode="decimal" aria-label={`Điểm tiêu chí ${n.code}`} data-testid={`points-${n.code}`} />
          : pointsText(own?.scheme.points[n.code])}
      </td>
    </tr>
  );
  return (
    <Layout title={`Điểm từng tiêu chí — Phụ lục ${f.appendix} — ${year}`} caller={caller}>
      <div class="crumbs"><a href={`/units/${unit.id}`}>{unit.name}</a> › <a href={`/campaigns/${year}/units/${unit.id}`}>Đợt kiểm điểm năm {year}</a> ›</div>
      <h1>Điểm từng tiêu chí năm {year}: {f.title}</h1>
      <ClosedBanner year={year} closed={props.closed ?? false} />
      <CampaignLinks caller={caller} unit={unit} year={year} closed={props.closed ?? false} />
      <p class="links">{[1, 2, 3, 4, 5].map((n) => <>{n > 1 ? ' · ' : ''}<a href={`${base}/${n}`}>Phụ lục {n}</a></>)}</p>
      {props.flash.error ? <p class="error" data-testid="flash-error">{props.flash.error}</p> : null}
      {props.flash.ok ? <p class="ok" data-testid="flash-ok">{props.flash.ok}</p> : null}
      <div class="card">
        <p>{f.source}. Nhóm I tổng 30 điểm, nhóm II tổng 70 điểm{f.variants ? ` cho mỗi ${f.variants.label.toLocaleLowerCase('vi')}` : ''} (HD 43-HD/BTCTW mục 7.12: cấp ủy cấp trên cụ thể hóa).</p>
        <p>
          {own ? <>Đã đặt: phiên bản {own.rev}, {when(own.updatedAt)}; căn cứ {own.scheme.source}.</> : 'Chưa đặt điểm cho khung này.'}
          {unit.kind === 'bloc' ? (province ? ' Khối chọn điểm trong khung của tỉnh (cột “Khung của tỉnh”).' : ' Tỉnh chưa đặt khung: khối chưa đặt được.') : ' Tỉnh có thể để một khoảng (ví dụ 8-12) cho khối chọn.'}
        </p>
      </div>
      <PostForm action={`${base}/${f.appendix}`}>
        <input type="hidden" name="rev" value={String(own?.rev ?? 0)} />
        <input type="hidden" name="back" value={`${base}/${f.appendix}`} />
        <table data-testid="scheme">
          <thead><tr><th>Mã</th><th>Tiêu chí</th>{province ? <th>Khung của tỉnh</th> : null}<th>Điểm</th></tr></thead>
          <tbody>
            {f.groups.map((g) => (
              <>
                <tr class="group"><td>{g.code}</td><td colspan={province ? 2 : 1}><strong>{g.title}</strong> ({g.maxPoints} điểm)</td><td></td></tr>
                {g.criteria.flatMap((c) => [row(c, 0), ...(c.items ?? []).map((i) => row(i, 1))])}
              </>
            ))}
          </tbody>
        </table>
        {editable ? (
          <p>
            <label>Văn bản quy định điểm <input type="text" name="source" required maxlength={500} size={50} value={own?.scheme.source ?? ''} data-testid="scheme-source" /></label>{' '}
            <button type="submit" data-testid="save-scheme">Lưu điểm từng tiêu chí</button>
          </p>
        ) : null}
      </PostForm>
    </Layout>
  );
}

/** The points of a scheme form back into the scheme's `points` (a range "8-12" for a province's frame). */
export function pointsFromForm(form: Record<string, unknown>): Record<string, Points | string> {
  const out: Record<string, Points | string> = {};
  for (const [k, v] of Object.entries(form)) {
    if (!k.startsWith('pt:') || typeof v !== 'string' || v.trim() === '') continue;
    const text = v.trim().replace(/,/g, '.');
    const range = /^(\d+(?:\.\d+)?)\s*[-–]\s*(\d+(?:\.\d+)?)$/.exec(text);
    out[k.slice(3)] = range ? { min: Number(range[1]), max: Number(range[2]) } : Number.isFinite(Number(text)) ? Number(text) : v;
  }
  return out;
}

/** A member's self-scoring form (Mẫu 2A/2B/2C) or the collective's (Mẫu 01), where the cell keys in the points. */
export function SheetPage(props: { caller: Caller; view: SheetView; year: number; editable: boolean; closed?: boolean; flash: Flash }) {
  const { caller, view, year, editable } = props;
  const { unit, member, sheet } = view;
  const path = member ? `/campaigns/${year}/units/${unit.id}/members/${encodeURIComponent(member.id)}/score-sheet` : `/campaigns/${year}/units/${unit.id}/score-sheet`;
  const who = member ? `đồng chí ${member.fullName}` : unit.name;
  const info = reviewFormInfo[view.form];
  return (
    <Layout title={`Phiếu chấm điểm ${year} — ${member?.fullName ?? unit.name}`} caller={caller}>
      {caller.role === 'member' && member
        ? <div class="crumbs"><a href={`/campaigns/${year}/units/${unit.id}/members/${encodeURIComponent(member.id)}/record`}>Hồ sơ của tôi</a> ›</div>
        : <div class="crumbs"><a href={`/units/${unit.id}`}>{unit.name}</a> › <a href={`/campaigns/${year}/units/${unit.id}/review`}>Hồ sơ kiểm điểm năm {year}</a> ›</div>}
      <h1>{info.code}: tự đánh giá, chấm điểm năm {year} — {who}</h1>
      <ClosedBanner year={year} closed={props.closed ?? false} />
      {props.flash.error ? <p class="error" data-testid="flash-error">{props.flash.error}</p> : null}
      {props.flash.ok ? <p class="ok" data-testid="flash-ok">{props.flash.ok}</p> : null}
      <form method="get" action={path} class="inline-form" data-testid="sheet-choose">
        {member ? (
          <label>
            Mẫu{' '}
            <select name="form" data-testid="sheet-form">
              {reviewForms.filter((f) => f !== '01').map((f) => <option value={f} selected={f === view.form}>{reviewFormInfo[f].code} — {reviewFormInfo[f].subjects}{f === view.suggestedForm ? ' (theo danh sách đảng viên)' : ''}</option>)}
            </select>
          </label>
        ) : null}
        {view.variants.length > 0 ? (
          <label>
            Khối{' '}
            <select name="variant" data-testid="sheet-variant">
              <option value="" selected={view.variant === null}>— chọn —</option>
              {view.variants.map((v) => <option value={v.key} selected={v.key === view.variant}>{v.label}</option>)}
            </select>
          </label>
        ) : null}
        <button type="submit">Đổi mẫu, khối</button>
      </form>
      <p class="muted">Phụ lục {view.appendix} của Quy định 366-QĐ/TW; điểm từng tiêu chí theo thang điểm {view.schemeIds.join(' và ')}.</p>
      {view.lines.length === 0 ? <p class="error">Cần chọn khối của đối tượng để có bảng chấm điểm.</p> : (
        <PostForm action={path} testid="sheet">
          <input type="hidden" name="rev" value={String(sheet?.rev ?? 0)} />
          <input type="hidden" name="back" value={path} />
          <input type="hidden" name="form" value={view.form} />
          <input type="hidden" name="variant" value={view.variant ?? ''} />
          <table data-testid="sheet-lines">
            <thead><tr><th>Mã</th><th>Tiêu chí</th><th>Điểm tối đa</th><th>Điểm</th></tr></thead>
            <tbody>
              {(['I', 'II'] as const).map((g) => (
                <>
                  <tr class="group"><td>{g}</td><td colspan={3}><strong>{g === 'I' ? 'Nhóm tiêu chí chung (30 điểm)' : 'Nhóm tiêu chí về kết quả thực hiện nhiệm vụ (70 điểm)'}</strong></td></tr>
                  {view.lines.filter((l) => l.group === g).map((l) => (
                    <tr data-code={l.code}>
                      <td>{l.code}</td>
                      <td>{l.text}</td>
                      <td class="num">{scoreText(l.max)}</td>
                      <td>
                        {editable
                          ? <input type="number" name={`sc:${l.code}`} aria-label={`Điểm tiêu chí ${l.code}`} min="0" max={String(l.max)} step="any" required value={sheet?.scores[l.code] === undefined ? '' : String(sheet.scores[l.code])} data-testid={`score-${l.code}`} />
                          : (sheet?.scores[l.code] === undefined ? '' : scoreText(sheet.scores[l.code]!))}
                      </td>
                    </tr>
                  ))}
                </>
              ))}
            </tbody>
          </table>
          <p data-testid="sheet-totals">
            {sheet ? <>Nhóm tiêu chí chung: <strong>{scoreText(sheet.general)}</strong>/30 · Kết quả thực hiện nhiệm vụ: <strong>{scoreText(sheet.tasks)}</strong>/70 · Tổng điểm: <strong data-testid="sheet-total">{scoreText(sheet.total)}</strong>/100</> : 'Chưa có điểm.'}
          </p>
          <label>
            Đề xuất xếp loại{' '}
            <select name="proposed" data-testid="sheet-proposed" disabled={!editable}>
              <option value="" selected={!sheet?.proposed}>— chưa có —</option>
              {ratings.map((r) => <option value={r} selected={sheet?.proposed === r}>{ratingLabels[r]}</option>)}
            </select>
          </label>{' '}
          {editable ? <button type="submit" data-testid="save-sheet">Lưu phiếu chấm điểm</button> : null}
        </PostForm>
      )}
      <p>
        <a href={`${WEB_API_BASE}${path}.docx`} data-testid="sheet-docx">Tải {info.code} (.docx)</a>
        <span class="muted"> · Tổng điểm của phiếu là điểm của năm trong kết quả của {member ? 'đảng viên' : 'tập thể'}.</span>
      </p>
    </Layout>
  );
}
