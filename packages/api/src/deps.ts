import type { Store } from '@kd/data/client';
import type { UploadStore } from '@kd/files/spreadsheet/upload-source';
import type { Context } from 'hono';
import type { ReportDeps } from '@kd/jobs/reports/report-deps';
import type { LocalSigner } from './auth/local-signer';
import type { Caller } from '@kd/domain/access/index';

/** A demo login (contract §2, `/dev/identities`). */
export interface Identity {
  tenant: string;
  unit: string;
  role: Caller['role'];
  name: string;
  sub: string;
}

/** Where verified claims come from: the local key, or API Gateway's JWT authorizer in AWS. */
export type ClaimsSource = (c: Context, token: string | undefined) => Promise<Record<string, unknown> | undefined>;

export interface AppDeps {
  store: Store;
  /** The one clock of the app (tests set it). */
  clock: () => Date;
  claims: ClaimsSource;
  /** Present only in local runs: enables `/api/v1/dev/*` and the demo login page. */
  local?: { signer: LocalSigner; identities: () => Promise<Identity[]> | Identity[] };
  /** In AWS only: the bucket browsers upload spreadsheets to through pre-signed URLs. */
  uploads?: UploadStore;
  /** Deadline reports: how "Lập báo cáo ngay" sends (SES in AWS, the outbox locally). Without it, the report is kept and its mail left pending for the next scheduled run. */
  reports?: ReportDeps;
}
