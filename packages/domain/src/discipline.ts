import { z } from 'zod';

/** Discipline forms that can be recorded for a year (an expelled person leaves the roster). */
export const disciplines = ['reprimand', 'warning', 'dismissal'] as const;
export const Discipline = z.enum(disciplines);
export type Discipline = z.infer<typeof Discipline>;

export const disciplineLabels: Record<Discipline, string> = {
  reprimand: 'Khiển trách',
  warning: 'Cảnh cáo',
  dismissal: 'Cách chức',
};

export function parseDiscipline(text: string): Discipline | undefined {
  const t = text.normalize('NFC').trim().toLocaleLowerCase('vi');
  return disciplines.find((d) => disciplineLabels[d].toLocaleLowerCase('vi') === t);
}
