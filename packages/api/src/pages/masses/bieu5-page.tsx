import { bieu5, type Caller } from '@kd/domain';
import type { MassesRollupView } from '@kd/services';
import { Layout } from '../layout';
import { WEB_API_BASE } from '../../base-paths';

/** Biểu 5 as a table: a row per direct child (drill-down), then the unit's total. */
export function Bieu5Table(props: { rollup: MassesRollupView; year: number }) {
  const table = bieu5(props.rollup);
  const ids = [...props.rollup.children.map((c) => c.unitId), props.rollup.unitId];
  return (
    <table class="masses" data-testid="bieu5">
      <thead><tr>{table.headers.map((h) => <th>{h}</th>)}</tr></thead>
      <tbody>
        {table.rows.map((row, i) => (
          <tr data-unit={ids[i]} class={table.emphasised.includes(i) ? 'total' : ''}>
            {row.map((cell, j) =>
              j === 1 && i < props.rollup.children.length ? (
                <td><a href={`/dashboard/${props.year}/units/${ids[i]}/masses`}>{String(cell)}</a></td>
              ) : (
                <td class={typeof cell === 'number' ? 'num' : ''}>{typeof cell === 'object' ? '' : String(cell)}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The board's Biểu 5 page: the live roll-up of a unit's subtree, its children, the .xlsx. */
export function Bieu5Page(props: { caller: Caller; rollup: MassesRollupView; year: number }) {
  const { rollup, year } = props;
  const api = `${WEB_API_BASE}/campaigns/${year}/units/${rollup.unitId}/masses-rollup?format=xlsx`;
  return (
    <Layout title={`Biểu 5 năm ${year} — ${rollup.name}`} caller={props.caller}>
      <div class="crumbs"><a href={`/dashboard/${year}/units/${rollup.unitId}`}>Bảng điều khiển</a> › <a href={`/campaigns/${year}/units/${rollup.unitId}/masses`}>Tự phê bình trước quần chúng</a></div>
      <h1>Biểu 5 — Tự phê bình và phê bình trước quần chúng năm {year} — {rollup.name}</h1>
      <p class="muted">Số liệu cập nhật trực tiếp từ các đơn vị. Nội dung khắc phục quá hạn tính theo ngày xem, tại trang khắc phục của từng đơn vị.</p>
      <p><a class="button" href={api} data-testid="bieu-5">Tải Biểu 5 (.xlsx)</a></p>
      <Bieu5Table rollup={rollup} year={year} />
    </Layout>
  );
}

/** The codes to print, shown once: the clerk prints and hands them out at random. */
export function CodesPage(props: { caller: Caller; title: string; codes: string[]; formUrl: string; back: string }) {
  return (
    <Layout title={props.title} caller={props.caller}>
      <h1>{props.title}</h1>
      <p>Mỗi mã mở phiếu góp ý một lần, tại <strong>{props.formUrl}</strong>. Phát ngẫu nhiên cho quần chúng tham dự; hệ thống không lưu mã, không biết mã nào đến tay ai. Các mã chỉ hiện một lần: hãy in ngay.</p>
      <div class="codes" data-testid="codes">{props.codes.map((c) => <div>{c}</div>)}</div>
      <p class="no-print"><a href={props.back}>Quay lại buổi tự phê bình</a></p>
    </Layout>
  );
}
