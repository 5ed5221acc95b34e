import { z } from '@hono/zod-openapi';
import { Rating, ReviewForm, Points, AddedItem } from '@kd/domain';

export const AppendixParam = z.object({
  appendix: z.coerce.number().int().min(1).max(5).openapi({ param: { name: 'appendix', in: 'path' }, example: 4, description: 'Phụ lục của QĐ 366-QĐ/TW (1 tập thể; 2, 3 lãnh đạo; 4 không giữ chức vụ; 5 ngoài hệ thống chính trị)' }),
});

export const SchemeBody = z
  .object({
    title: z.string().max(300).optional(),
    source: z.string().min(1).max(500).openapi({ description: 'Văn bản của tỉnh (hoặc khối) quy định điểm, ví dụ "HD 05-HD/TU mục 2"' }),
    points: z.record(z.string(), Points).openapi({ description: 'Điểm từng tiêu chí (mã I.1, II.2.3 …): một số, hoặc {min,max} là khung của tỉnh để khối chọn' }),
    addedItems: z.array(AddedItem).optional(),
    rev: z.number().int().nonnegative().openapi({ description: 'Phiên bản đang xem (0: chưa có)' }),
  })
  .openapi('ScoringSchemeChange');

export const SchemeView = z
  .object({
    unitId: z.string(),
    year: z.number().int(),
    appendix: z.number().int(),
    scheme: z.record(z.string(), z.unknown()).nullable().openapi({ description: 'Thang điểm của đơn vị (null: chưa đặt)' }),
    rev: z.number().int(),
    province: z.record(z.string(), z.unknown()).nullable().openapi({ description: 'Với khối: khung điểm của tỉnh' }),
  })
  .openapi('ScoringSchemeView');

export const SheetBody = z
  .object({
    form: ReviewForm.optional().openapi({ description: 'Mẫu 2A, 2B, 2C (đảng viên; mặc định theo danh sách đảng viên) hoặc 01 (tập thể)' }),
    variant: z.string().max(60).nullable().openapi({ description: 'Khối (hoặc chức danh) của đối tượng, khi khung tiêu chí chia theo khối' }),
    scores: z.record(z.string(), z.number().min(0).max(100)).openapi({ description: 'Điểm từng dòng của bảng chấm điểm' }),
    proposed: Rating.nullable().optional().openapi({ description: 'Mức xếp loại tự đề xuất' }),
    rev: z.number().int().nonnegative().openapi({ description: 'Phiên bản phiếu đang xem (0: chưa có)' }),
  })
  .openapi('ScoreSheetChange');

export const SheetView = z
  .object({
    unitId: z.string(),
    year: z.number().int(),
    memberId: z.string().nullable(),
    form: ReviewForm,
    suggestedForm: ReviewForm,
    appendix: z.number().int(),
    variant: z.string().nullable(),
    variants: z.array(z.object({ key: z.string(), label: z.string() })),
    lines: z.array(z.object({ group: z.enum(['I', 'II']), code: z.string(), text: z.string(), max: z.number(), score: z.number().nullable() })),
    general: z.number().nullable(),
    tasks: z.number().nullable(),
    total: z.number().nullable(),
    proposed: Rating.nullable(),
    rev: z.number().int(),
  })
  .openapi('ScoreSheet');
