import type { Store } from '@kd/data';
import type { UploadStore } from '@kd/files';
import type { ReportDelivery } from './reports/report-deps';
import type { NationalIdKeys } from './reconciliation/national-id-keys';
import type { UploadSlots } from './uploads/upload-slots';

/**
 * What every use case runs against: the store, the one clock (tests set it) and the optional
 * adapters of the runtime. The HTTP app, the pages, the jobs and the tests all pass one of these.
 */
export interface ServiceDeps {
  store: Store;
  clock: () => Date;
  /** In AWS only: the bucket browsers upload spreadsheets to through pre-signed URLs. */
  uploads?: UploadStore;
  /**
   * The key that signs pagination cursors (cursor.ts): CURSOR_KEY in AWS, `.local/cursor-key` for
   * `npm start`; without it, a key drawn once per process.
   */
  cursorKey?: string;
  /** How "Lập báo cáo ngay" sends: SES in AWS, the outbox locally. Without it the report is kept and its mail left for the next scheduled run. */
  reports?: ReportDelivery;
  /**
   * Starts a tree job right away in this process (`npm start`, tests). In AWS nothing is passed: the
   * job record's stream event starts the tree-job function (infra/constructs/tree-jobs.ts).
   */
  treeJobs?: { start(tenant: string, jobId: string): void };
  /** The keyed hash of national ids (reconciliation with the central database); absent: those features answer NOT_CONFIGURED. */
  nationalIdKeys?: NationalIdKeys;
  /** Uploads of one tenant processed at once (default: the process's own, `DEFAULT_UPLOAD_SLOTS`). */
  uploadSlots?: UploadSlots;
}
