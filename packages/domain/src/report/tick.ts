import { z } from 'zod';
import { vietnamDateOf } from '../local-date';

/**
 * What woke the deadline report: the daily 07:00 run, a milestone's due time, or a board asking
 * now. A tick's identity is what makes "one report per board per tick" checkable: the same tick
 * delivered twice (a scheduler retry, two processes) has the same id.
 */
export const tickKinds = ['daily', 'due', 'manual'] as const;
export const TickKind = z.enum(tickKinds);
export type TickKind = z.infer<typeof TickKind>;

export const tickKindLabels: Record<TickKind, string> = {
  daily: 'Báo cáo hằng ngày (07:00)',
  due: 'Báo cáo khi đến hạn một mốc',
  manual: 'Báo cáo theo yêu cầu',
};

export const Tick = z.object({
  kind: TickKind,
  /** The scheduled instant (not when it was delivered): retries of a tick keep it. */
  at: z.iso.datetime({ offset: true }),
  /** `manual` ticks only: a request id, so two requests are two reports. */
  requestId: z.string().min(1).optional(),
});
export type Tick = z.infer<typeof Tick>;

/**
 * The identity of a tick: `daily#2021-12-22` (the Vietnamese date), `due#<instant>`,
 * `manual#<request id>`.
 *
 * @example
 * tickId({ kind: 'daily', at: '2021-12-22T00:00:00.000Z' }); // 'daily#2021-12-22'
 */
export function tickId(tick: Tick): string {
  switch (tick.kind) {
    case 'daily':
      return `daily#${vietnamDateOf(new Date(tick.at))}`;
    case 'due':
      return `due#${new Date(tick.at).toISOString()}`;
    case 'manual':
      return `manual#${tick.requestId ?? new Date(tick.at).toISOString()}`;
  }
}
