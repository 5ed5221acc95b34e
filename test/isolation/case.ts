import type { Identity } from '@kd/api';

/** What a route needs to be called against a target: its path parameters come from here. */
export interface Target {
  unitId: string;
  memberId: string;
  year: string;
  jobId?: string;
  /** The former province an archive route reads. */
  tenant?: string;
  /** A framework of QĐ 366-QĐ/TW (Phụ lục 1–5), for the scoring routes. */
  appendix: string;
  /** A review prompt (gợi ý kiểm điểm), for the answer route. */
  promptId?: string;
}

export interface IsolationCase {
  /** A valid body, so that validation passes and the scope check is what answers. */
  body?: (target: Target) => unknown;
  contentType?: string;
  query?: string;
  /** Pages answer with HTML and redirect to the login page instead of 401. */
  page?: boolean;
  /** Who calls from outside the subtree when the cell secretary is not the right probe. */
  outsideCaller?: Identity;
}

