import { createHmac } from 'node:crypto';
import { DomainError, type NationalIdHasher } from '@kd/domain';

/**
 * Where national ids are hashed (docs/reconciliation.md): HMAC-SHA-256 with a key per tenant,
 * itself derived from one secret of the deployment (packages/config: a file in `.local/` on a
 * developer's machine, Secrets Manager in AWS). Without the secret the hash cannot be recomputed
 * from a guessed number, and one province's hashes say nothing about another's.
 */
export interface NationalIdKeys {
  hasherFor(tenant: string): Promise<NationalIdHasher>;
}

export function hmacNationalIdKeys(secret: () => Promise<Uint8Array>): NationalIdKeys {
  let master: Promise<Uint8Array> | undefined;
  return {
    async hasherFor(tenant) {
      master ??= secret();
      const key = createHmac('sha256', await master).update(`kiem-diem/national-id/${tenant}`).digest();
      return (digits) => createHmac('sha256', key).update(digits).digest('base64url');
    },
  };
}

/** The hasher of the caller's tenant, or 404 NOT_CONFIGURED where the deployment holds no secret. */
export async function hasherOf(keys: NationalIdKeys | undefined, tenant: string): Promise<NationalIdHasher> {
  if (!keys) throw new DomainError('NOT_CONFIGURED', 'Hệ thống này chưa cấu hình khóa bảo vệ số định danh cá nhân: chưa dùng được chức năng đối chiếu với CSDL đảng viên.');
  return keys.hasherFor(tenant);
}
