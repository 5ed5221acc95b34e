import { Hono, type Context } from 'hono';
import { DomainError, formatVietnameseDate, unitKindLabels, type Caller, type RollupNumbers } from '@kd/domain';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import { pageHandler } from './page-handler';
import { Layout } from './layout';
import { readArchivedRollup, readTreeJob } from '@kd/services';
import type { TreeJob } from '@kd/data';

type Handler = (c: Context<AppEnv>, caller: Caller) => Promise<Response>;
const page = (deps: AppDeps, handler: Handler) => pageHandler(deps, handler);

const phaseLabels: Record<TreeJob['phase'], string> = {
  stage: 'Chuẩn bị cây đơn vị mới',
  flip: 'Chuyển sang cây đơn vị mới',
  settle: 'Hoàn tất vị trí các đơn vị',
  members: 'Chuyển sinh hoạt đảng viên',
  finish: 'Ghi nhật ký',
  done: 'Đã xong',
};

/** A tree job's progress; it refreshes itself every two seconds while it runs. */
function TreeJobPage({ caller, job }: { caller: Caller; job: TreeJob }) {
  const p = job.progress;
  return (
    <Layout title="Tiến độ thao tác cây đơn vị" caller={caller}>
      {job.state === 'running' ? <meta http-equiv="refresh" content="2" /> : null}
      <p class="crumbs"><a href={`/units/${encodeURIComponent(job.unitId)}`}>Về trang đơn vị</a></p>
      <h1>{job.summary}</h1>
      <p data-testid="job-state">
        {job.state === 'done' ? 'Đã hoàn tất' : job.state === 'failed' ? 'Thất bại' : 'Đang chạy'} — {phaseLabels[job.phase]}
        {job.flippedAt ? ' · cây đơn vị mới đã có hiệu lực' : ' · mọi người vẫn thấy cây đơn vị cũ'}
      </p>
      <table>
        <tbody>
          <tr><th>Ngày hiệu lực</th><td>{formatVietnameseDate(job.on)}</td></tr>
          <tr><th>Số đơn vị thay đổi</th><td class="num">{job.units}</td></tr>
          <tr><th>Đã chuẩn bị</th><td class="num" data-testid="job-staged">{p.unitsStaged}</td></tr>
          <tr><th>Đã hoàn tất vị trí</th><td class="num" data-testid="job-settled">{p.unitsSettled}</td></tr>
          <tr><th>Đảng viên đã chuyển sinh hoạt</th><td class="num">{p.membersCarried}</td></tr>
          <tr><th>Số bản ghi đã ghi</th><td class="num">{p.itemsWritten}</td></tr>
        </tbody>
      </table>
    </Layout>
  );
}

const count = (n: RollupNumbers) => [n.members.total, n.members.rated, n.members.excellent, n.members.good, n.members.complete, n.members.incomplete, n.units.total, n.units.rated];

/** A former province's roll-up for one of its campaigns (read through its grant). */
function ArchivePage({ caller, tenant, year, rollup }: { caller: Caller; tenant: string; year: number; rollup: RollupNumbers & { children: RollupNumbers[] } }) {
  return (
    <Layout title={`${rollup.name} — lưu trữ năm ${year}`} caller={caller}>
      <p class="muted">Dữ liệu lưu trữ của tỉnh cũ (chỉ xem)</p>
      <h1 data-testid="archive-unit">{rollup.name} — năm {year}</h1>
      <table data-testid="archive-rollup">
        <thead>
          <tr><th>Đơn vị</th><th>Loại hình</th><th class="num">Đảng viên</th><th class="num">Đã xếp loại</th><th class="num">HTXSNV</th><th class="num">HTTNV</th><th class="num">HTNV</th><th class="num">KHTNV</th><th class="num">Tổ chức đảng</th><th class="num">Đã xếp loại</th></tr>
        </thead>
        <tbody>
          {[rollup, ...rollup.children].map((n, i) => (
            <tr>
              <td>{i === 0 ? <strong>{n.name}</strong> : <a href={`/archives/${encodeURIComponent(tenant)}/${year}/units/${encodeURIComponent(n.unitId)}`}>{n.name}</a>}</td>
              <td>{unitKindLabels[n.kind]}</td>
              {count(n).map((v) => <td class="num">{v}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}

/** The progress page of a tree job, and the archived campaigns of former provinces (docs/tree-history.md). */
export function treePages(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  r.get('/units/:unitId/tree-jobs/:jobId', page(deps, async (c, caller) => {
    const job = await readTreeJob(deps, caller, c.req.param('unitId')!, c.req.param('jobId')!);
    return c.html(<TreeJobPage caller={caller} job={job} />);
  }));
  r.get('/archives/:tenant/:year/units/:unitId', page(deps, async (c, caller) => {
    const year = Number(c.req.param('year'));
    if (!Number.isInteger(year)) throw new DomainError('CAMPAIGN_NOT_FOUND', 'Không có đợt kiểm điểm năm này.');
    const tenant = c.req.param('tenant')!;
    const rollup = await readArchivedRollup(deps, caller, tenant, year, c.req.param('unitId')!);
    return c.html(<ArchivePage caller={caller} tenant={tenant} year={year} rollup={rollup} />);
  }));
  return r;
}
