/**
 * Scoring sheets of the 100-point regime (QĐ 366-QĐ/TW Điều 10, Phụ lục 1–5; HD 43-HD/BTCTW mục
 * 7.12): the criteria frameworks as data, word for word where the sources reproduce them and open
 * where they do not, the points a province (or a bloc within its frame) sets per criterion, the
 * validation and totals of a filled sheet, and which form applies to whom.
 *
 * @example
 * const scheme = resolveScoringScheme(framework(4), provinceScheme);
 * const { general, tasks, total } = scoreSheet(scheme, { variant: 'publicService', scores });
 */
export { Framework, FrameworkGroup, FrameworkNode, NodeCode, appliesTo } from './framework';
export { framework, shippedFrameworkJson } from './catalogue';
export { AddedItem, Points, ScoringScheme, resolveScoringScheme, schemeIssues, type ResolvedScheme, type ScoringSchemeInput } from './scheme';
export { FilledSheet, scoreSheet, sheetLines, type FilledSheetInput, type SheetLine, type SheetResult } from './sheet';
export { ReviewForm, ReviewSubject, reviewFormFor, reviewFormInfo, reviewForms, reviewSubjectOf, variantOfSector, type ReviewFormInfo } from './forms';
export { scoreText, sumPoints } from './points';
