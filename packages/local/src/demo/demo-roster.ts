import type { LocalDate, Member, PartyPosition } from '@kd/domain';
import type { PlannedCell } from './demo-units';
import { addYears, drawDate } from './demo-units';
import { drawFullName, type Gender } from './names';
import type { Prng } from './prng';
import { contractPositions, workplaceProfiles, type WorkplaceProfile } from './workplace-profile';

export interface RosterContext {
  prng: Prng;
  /** The rating date the demo is built around (2021-12-20 in the seed plan). */
  asOf: LocalDate;
  khmerShare: number;
  nextMemberId: () => string;
  /** Names kept for planned people (Lê Hồng Vũ), never drawn for anyone else. */
  reservedNames: ReadonlySet<string>;
}

type Rank = 'head' | 'deputy' | 'senior' | 'staff';
/** veteran: admitted long ago; probationary: admitted 6–12 months ago; new: admitted < 6 months ago. */
type Standing = 'veteran' | 'probationary' | 'new';

interface Slot {
  rank: Rank;
  standing: Standing;
  exempt: boolean;
  suspended: boolean;
  transferredInOn: LocalDate | null;
  temporaryAttachmentAt: string | null;
  groupIndex: number | null;
}

/** A cell elects a chi ủy only with at least this many official members (glossary: committee). */
export const COMMITTEE_THRESHOLD = 9;

/** Veterans were admitted before this, so they are official well before the rating. */
const LATEST_VETERAN_ADMISSION: LocalDate = '2020-06-30';

function plannedSlots(prng: Prng, cell: PlannedCell, profile: WorkplaceProfile): Slot[] {
  const { roster } = cell;
  const size = roster.size;
  const seniorCount = size >= 8 ? Math.max(1, Math.round(size * 0.12)) : 0;
  const newCount = roster.newMembers ?? (size >= 40 ? 2 : size >= 12 ? 1 : size >= 8 && prng.chance(0.3) ? 1 : 0);
  const probationaryCount = roster.probationary ?? (size >= 30 ? 1 : size >= 12 && prng.chance(0.3) ? 1 : 0);
  const exemptCount = roster.exempt ?? (profile.residential && prng.chance(0.3) ? 1 : 0);
  const suspendedCount = roster.suspended ?? 0;
  const transfers = roster.transfersIn ?? [];

  const slots: Slot[] = Array.from({ length: size }, (_, i) => ({
    rank: i === 0 ? 'head' : i === 1 ? 'deputy' : i < 2 + seniorCount ? 'senior' : 'staff',
    standing: 'veteran',
    exempt: false,
    suspended: false,
    transferredInOn: null,
    temporaryAttachmentAt: null,
    groupIndex: null,
  }));

  const staff = slots.filter((s) => s.rank === 'staff');
  const special = exemptCount + suspendedCount + transfers.length + (roster.temporaryAttachmentAt ? 1 : 0);
  if (staff.length < newCount + probationaryCount + special || size - newCount - probationaryCount - exemptCount - suspendedCount < 3) {
    throw new Error(`Demo plan for ${cell.unit.id}: too many special members for ${size}`);
  }
  // Recent admissions at the end, special situations at the front of the staff.
  for (let i = 0; i < newCount; i++) (staff[staff.length - 1 - i] as Slot).standing = 'new';
  for (let i = 0; i < probationaryCount; i++) (staff[staff.length - 1 - newCount - i] as Slot).standing = 'probationary';
  const front = staff.values();
  for (let i = 0; i < exemptCount; i++) (front.next().value as Slot).exempt = true;
  for (let i = 0; i < suspendedCount; i++) (front.next().value as Slot).suspended = true;
  for (const date of transfers) (front.next().value as Slot).transferredInOn = date;
  if (roster.temporaryAttachmentAt) (front.next().value as Slot).temporaryAttachmentAt = roster.temporaryAttachmentAt;

  if (cell.groups.length > 0) {
    prng.shuffle(slots).forEach((slot, i) => (slot.groupIndex = i % cell.groups.length));
  }
  return slots;
}

function birthYears(slot: Slot, gender: Gender, profile: WorkplaceProfile, prng: Prng): [number, number] {
  // Retirement ages in 2021 (60 for men, 55 for women) bound the working members' birth years.
  const oldest = gender === 'female' ? 1966 : 1962;
  if (slot.exempt) return [1933, 1946];
  if (slot.standing === 'probationary') return [1986, 1998];
  if (slot.standing === 'new') return [1988, 1999];
  if (profile.residential) {
    if (slot.rank === 'head') return [1950, 1968];
    if (slot.rank !== 'staff') return [1955, 1975];
    return prng.chance(0.55) ? [1938, 1960] : [1961, 1992];
  }
  switch (slot.rank) {
    case 'head': return [Math.max(oldest, 1964), 1978];
    case 'deputy': return [Math.max(oldest, 1966), 1982];
    case 'senior': return [Math.max(oldest, 1966), 1988];
    case 'staff': return [oldest, 1996];
  }
}

function admissionDate(slot: Slot, birthDate: LocalDate, prng: Prng): LocalDate {
  if (slot.standing === 'probationary') return drawDate(prng, '2020-12-21', '2021-06-20');
  if (slot.standing === 'new') return drawDate(prng, '2021-06-21', '2021-11-30');
  const [minAge, maxAge] = slot.rank === 'staff' ? [20, 35] : [22, 32];
  const from = addYears(birthDate, minAge);
  const latest = addYears(birthDate, maxAge);
  const to = latest < LATEST_VETERAN_ADMISSION ? latest : LATEST_VETERAN_ADMISSION;
  return drawDate(prng, from < to ? from : to, to);
}

/** Cycles through a list so that seniors of one workplace get different posts while they last. */
function cycler(prng: Prng, items: readonly string[]): () => string | null {
  const order = prng.shuffle(items);
  let i = 0;
  return () => (order.length === 0 ? null : (order[i++ % order.length] as string));
}

/**
 * The members of one cell: a head who is the secretary, a deputy, some seniors and staff;
 * recent admissions and special situations as planned; a chi ủy (deputy and committee members)
 * only where at least nine official members can vote.
 */
export function generateRoster(ctx: RosterContext, cell: PlannedCell): Member[] {
  const { prng } = ctx;
  const { roster } = cell;
  const profile: WorkplaceProfile = workplaceProfiles[roster.profile];
  const slots = plannedSlots(prng, cell, profile);
  const headPosition = roster.head !== undefined ? roster.head : profile.head;
  const deputyPosition = roster.deputy !== undefined ? roster.deputy : profile.deputy;
  const staffPool = roster.staff ?? profile.staff;
  const seniorOf = cycler(prng, roster.seniors ?? profile.seniors);
  const groupSeniorOf = (roster.groups ?? []).map((g) => (g.seniors ? cycler(prng, g.seniors) : seniorOf));
  const names = new Set<string>(ctx.reservedNames);

  const members = slots.map((slot, index): Member => {
    const planned = index === 0 ? roster.secretary : undefined;
    const femaleShare = slot.rank === 'head' ? profile.femaleShare * 0.7 : profile.femaleShare;
    const gender: Gender = planned?.gender ?? (prng.chance(femaleShare) ? 'female' : 'male');
    let fullName = planned?.fullName.normalize('NFC');
    while (!fullName || (!planned && names.has(fullName))) fullName = drawFullName(prng, gender, ctx.khmerShare);
    names.add(fullName);

    const [fromYear, toYear] = birthYears(slot, gender, profile, prng);
    const birthDate = drawDate(prng, `${fromYear}-01-01`, `${toYear}-12-31`);
    const admittedOn = admissionDate(slot, birthDate, prng);
    const officialCandidate = addYears(admittedOn, 1);
    const group = slot.groupIndex === null ? undefined : roster.groups?.[slot.groupIndex];

    let governmentPosition: string | null;
    if (slot.exempt) governmentPosition = null;
    else if (slot.rank === 'head') governmentPosition = headPosition;
    else if (slot.rank === 'deputy') governmentPosition = deputyPosition;
    else if (slot.rank === 'senior') governmentPosition = (slot.groupIndex === null ? seniorOf : (groupSeniorOf[slot.groupIndex] ?? seniorOf))();
    // Retirees in residential cells hold no post.
    else if (profile.residential && birthDate < '1961-01-01') governmentPosition = null;
    else governmentPosition = prng.pick(group?.staff ?? staffPool);

    return {
      id: ctx.nextMemberId(),
      unitId: cell.unit.id,
      fullName,
      birthDate,
      admittedOn,
      officialOn: officialCandidate <= ctx.asOf ? officialCandidate : null,
      groupId: slot.groupIndex === null ? null : (cell.groups[slot.groupIndex]?.id ?? null),
      partyPosition: null,
      governmentPosition,
      civilServant: profile.civilServant && !slot.exempt && !(governmentPosition && contractPositions.has(governmentPosition)),
      exempt: slot.exempt,
      suspended: slot.suspended,
      transferredInOn: slot.transferredInOn,
      temporaryAttachmentAt: slot.temporaryAttachmentAt,
      version: 1,
    };
  });

  assignPartyPositions(prng, slots, members);
  return members;
}

function assignPartyPositions(prng: Prng, slots: readonly Slot[], members: Member[]): void {
  // Only official members who take part in activities vote, so only they count towards a chi ủy.
  const voting = members.map((m, i) => m.officialOn !== null && !m.exempt && !m.suspended && slots[i]?.standing === 'veteran');
  const officials = voting.filter(Boolean).length;
  const set = (i: number, position: PartyPosition) => ((members[i] as Member).partyPosition = position);

  set(0, 'secretary');
  if (officials >= COMMITTEE_THRESHOLD) {
    set(1, 'deputySecretary');
    const seats = officials < 20 ? 1 : officials < 40 ? 3 : 5;
    const seniors = slots.flatMap((s, i) => (s.rank === 'senior' && voting[i] ? [i] : []));
    const staff = prng.shuffle(slots.flatMap((s, i) => (s.rank === 'staff' && voting[i] ? [i] : [])));
    for (const i of [...seniors, ...staff].slice(0, seats)) set(i, 'committeeMember');
  } else if (officials >= 5 && prng.chance(0.35)) {
    set(1, 'deputySecretary');
  }
}
