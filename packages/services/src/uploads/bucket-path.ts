import { randomUUID } from 'node:crypto';
import { DomainError, type Action, type Caller } from '@kd/domain';
import type { UploadStore } from '@kd/files';
import { unitInScope } from '../access/scope';
import { uploadResults } from './results-upload';
import { uploadRoster } from './roster-upload';
import type { ServiceDeps } from '../deps';
import { filesModule, XLSX_TYPE } from '../files-module';
import type { Outcome, RosterAnswer, UploadAnswer, UploadSource } from './upload-answer';

/** What an uploaded object is for: a cell's roster, or its results of a year. */
export type UploadTarget = { kind: 'roster'; unitId: string } | { kind: 'results'; unitId: string; year: number };

const purposeOf = (t: UploadTarget) => (t.kind === 'roster' ? 'roster' : `results-${t.year}`);
const actionOf = (t: UploadTarget): Action => (t.kind === 'roster' ? 'member.write' : 'results.write');

/**
 * The S3 path of uploads: API Gateway and Lambda refuse bodies over about 6 MB, so in AWS the
 * browser puts the file in the upload bucket and the same parsing code reads the object as a
 * stream. Object keys carry the tenant and unit, so a key can be used only where it was handed out.
 */
const keyPrefix = (caller: Caller, unitId: string, purpose: string) => `uploads/${caller.tenant}/${unitId}/${purpose}/`;

function configured(deps: ServiceDeps): UploadStore {
  if (!deps.uploads) throw new DomainError('NOT_CONFIGURED', 'Chức năng tải tệp qua kho lưu trữ chỉ có trên hệ thống triển khai; hãy gửi tệp trực tiếp.');
  return deps.uploads;
}

/** A pre-signed PUT for one file, valid for the store's lifetime of a URL. */
export async function uploadUrl(deps: ServiceDeps, caller: Caller, target: UploadTarget, contentType: string) {
  const unit = await unitInScope(deps.store, caller, target.unitId, actionOf(target));
  const uploads = configured(deps);
  const key = `${keyPrefix(caller, unit.id, purposeOf(target))}${randomUUID()}${contentType === XLSX_TYPE ? '.xlsx' : '.csv'}`;
  const url = await uploads.presign(key, contentType);
  const expiresAt = new Date(deps.clock().getTime() + (uploads.expiresInSeconds ?? (await filesModule()).UPLOAD_URL_TTL_SECONDS) * 1000).toISOString();
  return { url, key, expiresAt, contentType };
}

/** An upload read back from the bucket: the same reading, checks and commit as a file sent directly. */
export async function uploadFromBucket(deps: ServiceDeps, caller: Caller, target: UploadTarget, key: string, dryRun: boolean): Promise<Outcome<UploadAnswer | RosterAnswer>> {
  const unit = await unitInScope(deps.store, caller, target.unitId, actionOf(target));
  const source = await uploadedObject(deps, caller, unit.id, purposeOf(target), key);
  return target.kind === 'roster' ? uploadRoster(deps, caller, unit.id, source, dryRun) : uploadResults(deps, caller, target.year, unit.id, source, dryRun);
}

/** The uploaded object as an upload body; 404 UPLOAD_NOT_FOUND for a key handed out elsewhere. */
async function uploadedObject(deps: ServiceDeps, caller: Caller, unitId: string, purpose: string, key: string): Promise<UploadSource> {
  const uploads = configured(deps);
  if (!key.startsWith(keyPrefix(caller, unitId, purpose)) || !/^[\w./-]+$/.test(key) || key.includes('..')) {
    throw new DomainError('UPLOAD_NOT_FOUND', 'Không tìm thấy tệp đã tải lên.');
  }
  const stream = await uploads.open(key).catch((error: unknown) => {
    if (error instanceof DomainError) throw error;
    throw new DomainError('UPLOAD_NOT_FOUND', 'Không tìm thấy tệp đã tải lên (có thể đã hết hạn).', undefined, { cause: error });
  });
  return { stream, contentType: 'application/octet-stream' };
}
