/**
 * National identity numbers (số định danh cá nhân, on the citizen identity card) are personal data
 * under Nghị định 13/2023/NĐ-CP and the Luật Bảo vệ dữ liệu cá nhân in force since 1/1/2026: the
 * system keeps a keyed hash for matching and the last four digits for display, never the number
 * (docs/reconciliation.md). This module only reads and shortens; hashing is the caller's (it holds the key).
 */

/** The digits of a national id as written (spaces, dots, dashes dropped); undefined if not 12 digits, or 9 for an old identity card. */
export function nationalIdDigits(text: string): string | undefined {
  const digits = text.replace(/[\s.\-]/g, '');
  return /^(\d{12}|\d{9})$/.test(digits) ? digits : undefined;
}

/** What pages and exports show: the last four digits behind a mask. */
export function maskedNationalId(last4: string | null): string {
  return last4 ? `••••••••${last4}` : '';
}

/** The last four digits, the only part ever stored or shown. */
export function nationalIdLast4(digits: string): string {
  return digits.slice(-4);
}

/** A keyed hash of a national id's digits: HMAC with the tenant's key (packages/services). */
export type NationalIdHasher = (digits: string) => string;
