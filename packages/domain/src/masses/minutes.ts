import type { MassesMinutesInput } from '../documents/masses-minutes';
import type { PartyHeaderInput } from '../documents/party-header';
import type { MassesComment } from './comment';
import { displayOrder } from './comment-order';
import type { MassesSession } from './masses-session';
import { DomainError } from '../errors/index';

/**
 * The content of a session's minutes from its record: the members' names from the roster, the
 * comments in display order (never arrival order: the minutes must not let anyone line a written
 * comment up with who handed it in), the masses' representative once they have signed.
 */
export function minutesInputOf(input: {
  session: MassesSession;
  comments: readonly MassesComment[];
  /** Full names by member id (the roster). */
  names: ReadonlyMap<string, string>;
  partyHeader: PartyHeaderInput;
  place: string;
  workplace: { name: string; countedMasses: number | null };
  /** The key of the display order (see `displayOrder`). */
  orderKey: string;
}): MassesMinutesInput {
  const { session } = input;
  const record = session.record;
  if (!record) throw new DomainError('SESSION_NOT_RECORDED', 'Buổi tự phê bình chưa được ghi nhận; chưa có biên bản.');
  const nameOf = (id: string) => input.names.get(id) ?? id;
  return {
    partyHeader: input.partyHeader,
    place: input.place,
    year: session.year,
    workplaceName: input.workplace.name,
    session: {
      startsAt: record.startsAt,
      endsAt: record.endsAt,
      place: record.place,
      chair: record.chair,
      clerk: record.clerk,
      committeeRepresentative: record.committeeRepresentative,
      massesPresent: record.massesPresent,
      countedMasses: input.workplace.countedMasses,
      guests: record.guests,
      acknowledgement: record.acknowledgement ?? null,
    },
    members: record.members.map((m) => ({
      memberId: m.memberId,
      fullName: nameOf(m.memberId),
      present: m.present,
      absenceReason: m.absenceReason ?? null,
      duties: m.duties ?? null,
      summary: m.summary ?? null,
    })),
    comments: displayOrder(
      input.comments.filter((c) => c.sessionId === session.id),
      input.orderKey,
    ).map((c) => ({ about: c.about, channel: c.channel, heading: c.heading, kind: c.kind, text: c.text, dissenting: c.dissenting })),
    massesRepresentative: session.signatures.find((s) => s.role === 'massesRepresentative')?.name ?? null,
  };
}
