import { z } from 'zod';
import { DomainError } from '../errors/index';
import { BaseRulebook, RulebookOverlay } from './schema';
import r2019 from './data/r2019.json';
import r2023 from './data/r2023.json';
import r2025 from './data/r2025.json';
import s000 from './data/s000-2021.json';

/**
 * The rulebooks shipped with the product, parsed once at load: a malformed JSON file fails the
 * first import, not the first evaluation. Tenants' own overlays go through `parseOverlay`.
 */
/** The JSON files as shipped, before parsing (for tools and tests that check the data itself). */
export const shippedRulebookJson: Readonly<Record<string, unknown>> = { r2019, r2023, r2025, 's000-2021': s000 };

function load<T>(schema: z.ZodType<T>, raw: unknown, name: string): T {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new DomainError('RULEBOOK_INVALID', `Bộ quy tắc ${name} không hợp lệ.`, z.treeifyError(parsed.error));
  }
  return parsed.data;
}

const bases = new Map<string, BaseRulebook>([r2019, r2023, r2025].map((raw) => {
  const book = load(BaseRulebook, raw, String(raw.id));
  return [book.id, book];
}));
const overlays = new Map<string, RulebookOverlay>([s000].map((raw) => {
  const book = load(RulebookOverlay, raw, String(raw.id));
  return [book.id, book];
}));

export function baseRulebook(id: string): BaseRulebook {
  const book = bases.get(id);
  if (!book) throw new DomainError('RULEBOOK_NOT_FOUND', `Không có bộ quy tắc ${id}.`);
  return book;
}

export function rulebookOverlay(id: string): RulebookOverlay {
  const book = overlays.get(id);
  if (!book) throw new DomainError('RULEBOOK_NOT_FOUND', `Không có bộ quy tắc bổ sung ${id}.`);
  return book;
}

export function baseRulebookIds(): string[] {
  return [...bases.keys()];
}

export function overlayIds(): string[] {
  return [...overlays.keys()];
}

/** The national regime in force for an evaluation year; undefined before the first one shipped. */
export function baseRulebookIdForYear(year: number): string | undefined {
  for (const book of bases.values()) {
    if (year >= book.years.from && (book.years.to === null || year <= book.years.to)) return book.id;
  }
  return undefined;
}

/** Reads an overlay supplied as data (e.g. a tenant's upload); errors are `RULEBOOK_INVALID` with zod's tree. */
export function parseOverlay(raw: unknown): RulebookOverlay {
  const parsed = RulebookOverlay.safeParse(raw);
  if (!parsed.success) {
    throw new DomainError('RULEBOOK_INVALID', 'Bộ quy tắc bổ sung không hợp lệ.', z.treeifyError(parsed.error));
  }
  return parsed.data;
}
