/**
 * A Content-Disposition header for a download (RFC 6266): an ASCII `filename` for old clients —
 * Vietnamese letters without their marks, đ as d, anything else as `_` — and the exact name as
 * `filename*` in UTF-8 (RFC 8187). A header value must be Latin-1, so a name with `Đ` written
 * straight in would make the response fail.
 */
export function attachment(fileName: string): string {
  const name = fileName.normalize('NFC');
  const ascii = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9._-]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
