import { z } from 'zod';

/** Vietnamese text as stored: NFC, with at least one letter. */
const VietnameseText = z
  .string()
  .min(1)
  .refine((s) => s === s.normalize('NFC'), 'Văn bản phải ở dạng Unicode NFC')
  .refine((s) => /\p{L}/u.test(s), 'Văn bản không có chữ');

export const NodeCode = z.string().regex(/^(I|II)(\.\d+)*$/, 'Mã tiêu chí có dạng I.1, II.2.3');

/**
 * A criterion of a framework, or an item under one. `text` is the appendix's wording as the
 * sources reproduce it, word for word. `open` marks a place where the appendix has more detail
 * the sources did not reproduce: the province enters those items in its own words (HD 43-HD/BTCTW
 * mục 7.12), the system never writes them. `variant` limits a node to subjects of one sector or
 * position category.
 */
export interface FrameworkNode {
  code: string;
  text: string;
  variant?: string | undefined;
  open?: boolean | undefined;
  items?: FrameworkNode[] | undefined;
}
export const FrameworkNode: z.ZodType<FrameworkNode> = z.lazy(() =>
  z.strictObject({
    code: NodeCode,
    text: VietnameseText,
    variant: z.string().regex(/^[a-z][A-Za-z0-9]*$/).optional(),
    open: z.boolean().optional(),
    items: z.array(FrameworkNode).optional(),
  }),
);

export const FrameworkGroup = z.strictObject({
  code: z.enum(['I', 'II']),
  title: VietnameseText,
  maxPoints: z.number().int().positive(),
  /** The group's opening sentence, where the appendix has one. */
  description: VietnameseText.optional(),
  criteria: z.array(FrameworkNode).min(1),
});
export type FrameworkGroup = z.infer<typeof FrameworkGroup>;

/**
 * A criteria framework of QĐ 366-QĐ/TW (Phụ lục 1–5): 30 points of general criteria, 70 of task
 * results. `variants` are the sectors (khối) or position categories whose subjects score different
 * task criteria; a subject picks one.
 */
export const Framework = z
  .strictObject({
    appendix: z.number().int().min(1).max(5),
    title: VietnameseText,
    subjects: VietnameseText,
    source: z.string().min(1),
    variants: z.strictObject({ label: VietnameseText, options: z.array(z.strictObject({ key: z.string(), label: VietnameseText })).min(1) }).optional(),
    groups: z.tuple([FrameworkGroup, FrameworkGroup]),
  })
  .superRefine((f, ctx) => {
    const keys = new Set(f.variants?.options.map((o) => o.key) ?? []);
    const codes = new Set<string>();
    const visit = (n: FrameworkNode, parent: string) => {
      if (!n.code.startsWith(`${parent}.`) || n.code.split('.').length !== parent.split('.').length + 1) ctx.addIssue({ code: 'custom', message: `Mã ${n.code} không nằm dưới ${parent}` });
      if (codes.has(n.code)) ctx.addIssue({ code: 'custom', message: `Mã ${n.code} bị trùng` });
      codes.add(n.code);
      if (n.variant !== undefined && !keys.has(n.variant)) ctx.addIssue({ code: 'custom', message: `Mã ${n.code}: nhóm đối tượng ${n.variant} không có trong khung` });
      for (const i of n.items ?? []) visit(i, n.code);
    };
    for (const g of f.groups) for (const c of g.criteria) visit(c, g.code);
    if (f.groups[0].code !== 'I' || f.groups[1].code !== 'II') ctx.addIssue({ code: 'custom', message: 'Khung gồm nhóm I rồi nhóm II' });
  });
export type Framework = z.infer<typeof Framework>;

/** Whether a node applies to a subject of `variant` (a node without a variant applies to all). */
export function appliesTo(node: Pick<FrameworkNode, 'variant'>, variant: string | null): boolean {
  return node.variant === undefined || node.variant === variant;
}
