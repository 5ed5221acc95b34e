import { z } from 'zod';
import { DomainError } from '../errors/index';
import { appliesTo, Framework, NodeCode, type FrameworkNode } from './framework';
import { scoreText, sumPoints } from './points';

const VietnameseText = z
  .string()
  .min(1)
  .refine((s) => s === s.normalize('NFC'), 'Văn bản phải ở dạng Unicode NFC')
  .refine((s) => /\p{L}/u.test(s), 'Văn bản không có chữ');

/** A fixed number of points, or (a province's frame for its blocs) a range the bloc chooses in. */
export const Points = z.union([
  z.number().min(0).max(100),
  z.strictObject({ min: z.number().min(0).max(100), max: z.number().min(0).max(100) }),
]);
export type Points = z.infer<typeof Points>;

/** An item the scheme writes under an `open` criterion, where the sources left the detail out. */
export const AddedItem = z.strictObject({ parent: NodeCode, code: NodeCode, text: VietnameseText, variant: z.string().optional() });
export type AddedItem = z.infer<typeof AddedItem>;

/**
 * The points per criterion a province sets inside the 30 and the 70 of a framework (HD 43-HD/BTCTW
 * mục 7.12: higher-level committees concretise the appendices), or a bloc within the province's
 * frame (`parentId`): a bloc picks a number inside each range the province left and may split a
 * criterion's points over its items.
 */
export const ScoringScheme = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    appendix: z.number().int().min(1).max(5),
    level: z.enum(['province', 'bloc']),
    parentId: z.string().optional(),
    title: VietnameseText,
    /** The local document that sets the points, e.g. "HD 05-HD/TU mục 2". */
    source: z.string().min(1),
    points: z.record(NodeCode, Points),
    addedItems: z.array(AddedItem).default([]),
  })
  .refine((s) => (s.level === 'bloc') === (s.parentId !== undefined), { message: 'Thang điểm của khối phải nêu thang điểm của tỉnh (parentId)', path: ['parentId'] });
export type ScoringScheme = z.infer<typeof ScoringScheme>;
export type ScoringSchemeInput = z.input<typeof ScoringScheme>;

/** A framework with a scheme's fixed points: what a sheet is filled against. */
export interface ResolvedScheme {
  readonly framework: Framework;
  readonly schemeIds: readonly string[];
  /** Points of every node that carries points (criteria, and items where the scheme split them). */
  readonly points: ReadonlyMap<string, number>;
}

const range = (p: Points) => (typeof p === 'number' ? { min: p, max: p } : p);
const depth = (code: string) => code.split('.').length;

/** The framework with the scheme's own items under open criteria; each problem as a Vietnamese sentence. */
function withAddedItems(framework: Framework, items: readonly AddedItem[], issues: string[]): Framework {
  const merged: Framework = structuredClone(framework);
  const criteria = new Map(merged.groups.flatMap((g) => g.criteria.map((c) => [c.code, c] as const)));
  for (const item of items) {
    const parent = criteria.get(item.parent);
    if (!parent?.open) {
      issues.push(`Chỉ được bổ sung nội dung dưới tiêu chí mà khung để ngỏ cho cấp ủy cụ thể hóa; ${item.parent} không phải tiêu chí như vậy.`);
      continue;
    }
    const siblings = (parent.items ??= []);
    if (!item.code.startsWith(`${parent.code}.`) || depth(item.code) !== depth(parent.code) + 1 || siblings.some((s) => s.code === item.code)) {
      issues.push(`Mã nội dung bổ sung ${item.code} phải nằm trực tiếp dưới ${parent.code} và không trùng.`);
      continue;
    }
    const variant = item.variant ?? parent.variant;
    siblings.push({ code: item.code, text: item.text, ...(variant ? { variant } : {}) });
  }
  return merged;
}

function variantsOf(framework: Framework): (string | null)[] {
  return framework.variants ? framework.variants.options.map((o) => o.key) : [null];
}

function variantLabel(framework: Framework, variant: string | null): string {
  const label = framework.variants?.options.find((o) => o.key === variant)?.label;
  return label ? ` (${label.toLocaleLowerCase('vi')})` : '';
}

/**
 * Problems of a set of points over a framework: every criterion has points, points sit only on
 * criteria and their direct items, and per subject variant each group adds up to its maximum
 * (ranges: can add up), and split items add up to their criterion.
 */
function pointIssues(framework: Framework, points: ReadonlyMap<string, Points>): string[] {
  const issues: string[] = [];
  const scorable = new Map<string, FrameworkNode>();
  for (const g of framework.groups) for (const c of g.criteria) {
    scorable.set(c.code, c);
    for (const i of c.items ?? []) scorable.set(i.code, i);
  }
  for (const [code, p] of points) {
    if (!scorable.has(code)) issues.push(`Mã ${code} không phải là tiêu chí hoặc nội dung trực tiếp của tiêu chí trong Phụ lục ${framework.appendix}.`);
    const r = range(p);
    if (r.min > r.max) issues.push(`Tiêu chí ${code}: điểm tối thiểu ${scoreText(r.min)} lớn hơn điểm tối đa ${scoreText(r.max)}.`);
  }
  for (const g of framework.groups) {
    for (const c of g.criteria) if (!points.has(c.code)) issues.push(`Tiêu chí ${c.code} chưa có điểm.`);
    for (const variant of variantsOf(framework)) {
      const where = variantLabel(framework, variant);
      const applicable = g.criteria.filter((c) => appliesTo(c, variant) && points.has(c.code));
      const lo = sumPoints(applicable.map((c) => range(points.get(c.code)!).min));
      const hi = sumPoints(applicable.map((c) => range(points.get(c.code)!).max));
      if (lo === hi && lo !== g.maxPoints) issues.push(`${g.title}${where}: tổng điểm các tiêu chí là ${scoreText(lo)}, phải bằng ${g.maxPoints}.`);
      else if (lo > g.maxPoints || hi < g.maxPoints) issues.push(`${g.title}${where}: khung điểm các tiêu chí (${scoreText(lo)}–${scoreText(hi)}) không thể cộng đúng ${g.maxPoints}.`);
      for (const c of applicable) {
        const items = (c.items ?? []).filter((i) => appliesTo(i, variant));
        const given = items.filter((i) => points.has(i.code));
        if (given.length === 0) continue;
        const missing = items.filter((i) => !points.has(i.code)).map((i) => i.code);
        if (missing.length > 0) {
          issues.push(`Tiêu chí ${c.code}${where} đã chia điểm cho nội dung nhưng còn thiếu: ${missing.join(', ')}.`);
          continue;
        }
        const own = range(points.get(c.code)!);
        const itemLo = sumPoints(given.map((i) => range(points.get(i.code)!).min));
        const itemHi = sumPoints(given.map((i) => range(points.get(i.code)!).max));
        if (itemLo > own.max || itemHi < own.min) {
          issues.push(`Tiêu chí ${c.code}${where}: các nội dung cộng ${itemLo === itemHi ? scoreText(itemLo) : `${scoreText(itemLo)}–${scoreText(itemHi)}`} điểm, tiêu chí có ${own.min === own.max ? scoreText(own.min) : `${scoreText(own.min)}–${scoreText(own.max)}`} điểm.`);
        }
      }
    }
  }
  return [...new Set(issues)];
}

function invalid(scheme: { id: string }, issues: readonly string[]): never {
  throw new DomainError('SCORING_SCHEME_INVALID', `Thang điểm ${scheme.id} không hợp lệ: ${issues[0]}`, { issues });
}

/**
 * Checks a province's scheme as a frame (ranges allowed), or a bloc's within its province's frame;
 * returns the problems as Vietnamese sentences (empty: valid).
 */
export function schemeIssues(framework: Framework, scheme: ScoringScheme, province?: ScoringScheme): string[] {
  const issues: string[] = [];
  if (scheme.appendix !== framework.appendix) issues.push(`Thang điểm dành cho Phụ lục ${scheme.appendix}, không phải Phụ lục ${framework.appendix}.`);
  if (scheme.level === 'province') {
    const merged = withAddedItems(framework, scheme.addedItems, issues);
    return [...issues, ...pointIssues(merged, new Map(Object.entries(scheme.points)))];
  }
  if (!province || province.id !== scheme.parentId || province.level !== 'province' || province.appendix !== scheme.appendix) {
    return [...issues, `Thang điểm của khối phải nằm trong thang điểm ${scheme.parentId ?? ''} của tỉnh cho cùng phụ lục.`];
  }
  const merged = withAddedItems(framework, [...province.addedItems, ...scheme.addedItems], issues);
  const points = new Map<string, Points>();
  for (const [code, p] of Object.entries(province.points)) {
    const own = scheme.points[code];
    const frame = range(p);
    if (own === undefined) {
      if (frame.min !== frame.max) issues.push(`Tiêu chí ${code}: chưa chọn điểm trong khung ${scoreText(frame.min)}–${scoreText(frame.max)} của tỉnh.`);
      points.set(code, frame.min);
    } else if (typeof own !== 'number' || own < frame.min || own > frame.max) {
      issues.push(`Tiêu chí ${code}: điểm của khối phải là một số trong khung ${scoreText(frame.min)}–${scoreText(frame.max)} của tỉnh.`);
      points.set(code, frame.min);
    } else points.set(code, own);
  }
  for (const [code, own] of Object.entries(scheme.points)) {
    if (points.has(code)) continue;
    if (typeof own !== 'number') issues.push(`Tiêu chí ${code}: điểm của khối phải là một số.`);
    if (depth(code) !== 3) issues.push(`Mã ${code}: khối chỉ chia điểm cho nội dung của tiêu chí, không thêm tiêu chí.`);
    points.set(code, own);
  }
  return [...new Set([...issues, ...pointIssues(merged, points)])];
}

/**
 * The scheme a sheet is filled against: a province's own (every point fixed), or a bloc's within
 * its province's frame. Throws 422 `SCORING_SCHEME_INVALID` with the problems in `details.issues`.
 *
 * @example resolveScoringScheme(framework(4), provinceScheme, blocScheme).points.get('I.1') // 18
 */
export function resolveScoringScheme(framework: Framework, province: ScoringScheme, bloc?: ScoringScheme): ResolvedScheme {
  const scheme = bloc ?? province;
  const issues = schemeIssues(framework, scheme, bloc ? province : undefined);
  if (issues.length > 0) invalid(scheme, issues);
  const raw = bloc ? { ...province.points, ...bloc.points } : province.points;
  const points = new Map<string, number>();
  for (const [code, p] of Object.entries(raw)) {
    if (typeof p !== 'number') invalid(scheme, [`Tiêu chí ${code}: thang điểm của tỉnh để khung ${scoreText(p.min)}–${scoreText(p.max)}, cần thang điểm của khối để chấm.`]);
    points.set(code, p);
  }
  const merged = withAddedItems(framework, bloc ? [...province.addedItems, ...bloc.addedItems] : province.addedItems, []);
  return { framework: merged, schemeIds: bloc ? [province.id, bloc.id] : [province.id], points };
}
