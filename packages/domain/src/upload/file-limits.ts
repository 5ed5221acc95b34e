/**
 * The largest spreadsheet accepted (docs/uploads.md) and the media type of .xlsx files. Here
 * rather than in @kd/files, which re-exports them, because the API's request path needs both
 * before any file is read: importing a value from @kd/files there would load exceljs, docx and
 * iconv-lite with every cold start (docs/deploy.md, "Cold start").
 */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
