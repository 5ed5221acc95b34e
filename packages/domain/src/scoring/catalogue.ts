import { z } from 'zod';
import { DomainError } from '../errors/index';
import { Framework } from './framework';
import pl1 from './frameworks/pl1.json';
import pl2 from './frameworks/pl2.json';
import pl3 from './frameworks/pl3.json';
import pl4 from './frameworks/pl4.json';
import pl5 from './frameworks/pl5.json';

/** The JSON files as shipped, before parsing (for tests that check the data itself). */
export const shippedFrameworkJson: Readonly<Record<number, unknown>> = { 1: pl1, 2: pl2, 3: pl3, 4: pl4, 5: pl5 };

// Parsed on first use, not when the module loads: a cold start of the API function that serves
// no scoring request does not pay for checking 60 KB of criteria (docs/deploy.md, "Cold start").
let frameworks: Map<number, Framework> | undefined;
const parsedFrameworks = () =>
  (frameworks ??= new Map<number, Framework>(
    Object.entries(shippedFrameworkJson).map(([appendix, raw]) => {
      const parsed = Framework.safeParse(raw);
      if (!parsed.success) throw new DomainError('FRAMEWORK_INVALID', `Khung tiêu chí Phụ lục ${appendix} không hợp lệ.`, z.treeifyError(parsed.error));
      return [Number(appendix), parsed.data];
    }),
  ));

/**
 * A criteria framework of QĐ 366-QĐ/TW by its appendix (1 collectives, 2 centrally managed
 * leaders, 3 leaders and managers, 4 everyone else in the political system, 5 members outside it).
 */
export function framework(appendix: number): Framework {
  const f = parsedFrameworks().get(appendix);
  if (!f) throw new DomainError('FRAMEWORK_NOT_FOUND', `Không có khung tiêu chí Phụ lục ${appendix}.`);
  return f;
}
