import { transactPut, campaignItem, dossierItem, ResultRow, rowItem, unitEventItem, type Store } from '@kd/data';
import { addMonthsClamped, parts, MemberFacts, compareRatings, lowerOf, demoCampaigns, SEED_CELL_NAME, isCell, isPartyOrganisation, type DossierState, type LocalDate, type Member, type MemberFactsInput, type Rating, type Unit } from '@kd/domain';
import { createPrng, deriveSeed, type Prng } from './demo/prng';

/** What the campaign seed reads of a tenant: the demo's, or a test fixture's. */
export interface CampaignSeedTenant {
  tenantId: string;
  units: readonly Unit[];
  members: readonly Member[];
}

type Plan2021 = 'mix' | 'draft' | 'submitted' | 'approved' | 'none';

/**
 * 2021 dossiers: the seed cell's siblings in a real base committee (Đảng ủy Sở Y tế, which the demo
 * logs in as) get a fixed mix so its appraisal page has work; elsewhere a stable hash of the unit
 * id gives about 12 % drafts, 6 % submitted, 6 % approved.
 */
const siblingPlans: readonly Plan2021[] = ['draft', 'submitted', 'approved', 'submitted', 'approved'];

function plan2021(unit: Unit, siblingIndex: number): Plan2021 {
  if (unit.name.normalize('NFC') === SEED_CELL_NAME) return 'mix';
  const pinned = siblingPlans[siblingIndex];
  if (pinned) return pinned;
  const bucket = deriveSeed(2021, unit.id) % 100;
  return bucket < 12 ? 'draft' : bucket < 18 ? 'submitted' : bucket < 24 ? 'approved' : 'none';
}

const facts = (input: MemberFactsInput) => MemberFacts.parse({ residenceComment: true, ...input });

/** Months of the year spent at the sending cell before an official transfer in. */
function monthsBefore(date: LocalDate | null, year: number): number | null {
  if (!date) return null;
  const p = parts(date);
  return p.year === year ? p.month - 1 : null;
}

interface CellResults {
  rows: { memberId: string; facts: MemberFacts }[];
  collective: { proposed: Rating | null; decided: Rating | null };
}

/**
 * A cell's results that respect the rulebook (r2019, with seed 000's caps in 2021): the
 * unrateable get no decision, the sick are at most complete, excellent ones are within the cell's
 * 20 % (⌊good/6⌋ keeps ⌊0.2 × good⌋ after the conversion, at the cell and at the base committee),
 * the secretary is no higher than the collective. `decide: false` leaves the votes to the meeting.
 */
function cleanResults(prng: Prng, members: readonly Member[], year: number, ratingDate: LocalDate, decide: boolean, rateCollective: boolean): CellResults {
  const inYear = members.filter((m) => m.admittedOn <= ratingDate);
  const rateable = (m: Member) => !m.exempt && !m.suspended && addMonthsClamped(m.admittedOn, 6) <= ratingDate;
  const drafts = inYear.map((m) => {
    const roll = prng.next();
    const sick = prng.chance(0.03) ? prng.int(70, 110) : prng.int(0, 8);
    const level: Rating = !rateable(m) ? 'good' : roll < 0.02 ? 'incomplete' : roll < 0.17 || sick >= 66 ? 'complete' : 'good';
    const months = monthsBefore(m.transferredInOn, year);
    return {
      m,
      level: level as Rating,
      input: {
        absences: prng.chance(0.06) ? prng.int(3, 4) : prng.int(0, 2),
        silentMeetings: prng.int(0, 4),
        sickLeaveDays: sick,
        taskCompletionPercent: level === 'incomplete' ? 40 : null,
        monthsAtPreviousCell: months,
        previousCellComment: months !== null && months >= 6,
        temporaryCellComment: Boolean(m.temporaryAttachmentAt),
      } satisfies MemberFactsInput,
    };
  });
  // The secretary is left out: lowered to the collective's level later, he must not be what keeps the cap.
  const good = drafts.filter((d) => rateable(d.m) && d.level === 'good' && d.m.partyPosition !== 'secretary');
  const candidates = good.filter((d) => d.input.absences < 3 && d.input.silentMeetings < 6);
  for (const d of prng.shuffle(candidates).slice(0, Math.floor(good.length / 6))) d.level = 'excellent';

  const rated = drafts.filter((d) => rateable(d.m));
  const allComplete = rated.every((d) => d.level !== 'incomplete');
  const shareGood = rated.length === 0 ? 0 : rated.filter((d) => compareRatings(d.level, 'good') >= 0).length / rated.length;
  const collective: Rating | null = !rateCollective ? null : allComplete && shareGood >= 0.8 && prng.chance(0.3) ? 'excellent' : prng.chance(0.05) ? 'complete' : 'good';
  const voters = inYear.filter((m) => m.officialOn !== null && !m.exempt && !m.suspended).length;
  return {
    collective: { proposed: collective, decided: decide ? collective : null },
    rows: drafts.map(({ m, level, input }) => {
      const decided = !rateable(m) ? null : m.partyPosition === 'secretary' && collective ? lowerOf(level, collective) : level;
      return {
        memberId: m.id,
        facts: facts({
          ...input,
          civilServantRating: m.civilServant && decided ? decided : null,
          selfProposed: rateable(m) ? (decided === 'good' && prng.chance(0.1) ? 'excellent' : decided) : null,
          groupProposed: decided,
          decided: decide ? decided : null,
          votesFor: decide && decided ? Math.max(1, voters - prng.int(0, 1)) : null,
        }),
      };
    }),
  };
}

/**
 * Seed 000's cell in a realistic draft: one member who cannot be excellent because of 3 absences
 * (voted excellent all the same: a blocking violation to fix before submitting), one on 95 days of
 * sick leave, one disciplined (off the voting list), one excellent, one on maternity leave, new
 * members not rated, a transferred and a temporarily attached member with their comments.
 */
function mixedResults(members: readonly Member[], ratingDate: LocalDate, year: number): CellResults {
  const isNew = (m: Member) => addMonthsClamped(m.admittedOn, 6) > ratingDate;
  const regular = members.filter((m) => m.partyPosition !== 'secretary' && !isNew(m) && !m.exempt && !m.suspended && !m.transferredInOn && !m.temporaryAttachmentAt);
  const special = new Map<string, MemberFactsInput>();
  const [absent, sick, disciplined, excellent, maternity] = regular;
  if (absent) special.set(absent.id, { absences: 3, selfProposed: 'excellent', groupProposed: 'excellent', decided: 'excellent', civilServantRating: absent.civilServant ? 'excellent' : null, note: 'Vắng 3 kỳ sinh hoạt (có lý do: đi công tác, học tập)' });
  if (sick) special.set(sick.id, { sickLeaveDays: 40 + 35 + 20, selfProposed: 'good', groupProposed: 'complete', decided: 'complete', note: 'Nghỉ ốm 3 đợt: 40 + 35 + 20 ngày' });
  if (disciplined) special.set(disciplined.id, { discipline: 'reprimand', selfProposed: 'good', groupProposed: 'incomplete', decided: null, note: 'Kỷ luật khiển trách tháng 5/2021' });
  if (excellent) special.set(excellent.id, { selfProposed: 'excellent', groupProposed: 'excellent', decided: 'excellent', civilServantRating: excellent.civilServant ? 'excellent' : null });
  if (maternity) special.set(maternity.id, { maternityLeave: true, selfProposed: 'good', groupProposed: 'good', decided: 'good' });
  return {
    collective: { proposed: 'good', decided: null },
    rows: members
      .filter((m) => m.admittedOn <= ratingDate)
      .map((m) => {
        const months = monthsBefore(m.transferredInOn, year);
        const base: MemberFactsInput = isNew(m) || m.exempt || m.suspended
          ? { selfProposed: null, groupProposed: null, decided: null }
          : { selfProposed: 'good', groupProposed: 'good', decided: 'good', civilServantRating: m.civilServant ? 'good' : null };
        return {
          memberId: m.id,
          facts: facts({
            absences: 1,
            ...base,
            monthsAtPreviousCell: months,
            previousCellComment: months !== null && months >= 6,
            temporaryCellComment: Boolean(m.temporaryAttachmentAt),
            ...special.get(m.id),
          }),
        };
      }),
  };
}

const instant = (date: string, time: string) => new Date(`${date}T${time}:00+07:00`).toISOString();

/**
 * The demo campaigns of a freshly seeded tenant (2020 approved, 2021 in progress), written as a
 * system import: items are put directly in 100-item transactions (no audit entries, no versions
 * reserved one by one), which DynamoDB Local writes far faster than item by item.
 */
export async function seedCampaigns(store: Store, tenant: CampaignSeedTenant, _at: string, options: { results?: boolean; inFlight?: number; closedAt?: Readonly<Record<number, string>> } = {}): Promise<{ items: number }> {
  const campaigns = demoCampaigns(tenant.units).map((c) => ({ ...c, closedAt: options.closedAt?.[c.year] ?? c.closedAt }));
  const items: Record<string, unknown>[] = campaigns.map((c) => campaignItem(tenant.tenantId, c));
  if (options.results !== false) items.push(...demoResults(tenant, campaigns.map((c) => ({ year: c.year, ratingDate: c.ratingDate }))));
  // Two transactions at a time: on a 2-core machine more only queue up in DynamoDB Local (measured).
  await transactPut(store, items, options.inFlight ?? 2);
  return { items: items.length };
}

/** Pure: every item of the demo results (dossiers, rows, recorded events). */
export function demoResults(tenant: CampaignSeedTenant, years: readonly { year: number; ratingDate: LocalDate }[]): Record<string, unknown>[] {
  const t = tenant.tenantId;
  const membersOf = new Map<string, Member[]>();
  for (const m of tenant.members) membersOf.set(m.unitId, [...(membersOf.get(m.unitId) ?? []), m]);
  const orgs = tenant.units.filter((u) => isPartyOrganisation(u.kind) && !u.closedOn);
  const items: Record<string, unknown>[] = [];
  const dossier = (unit: Unit, year: number, state: DossierState, results: CellResults | null, dates: { submittedAt?: string; appraisedAt?: string }) => {
    const hasRows = results !== null && results.rows.length > 0;
    items.push(
      dossierItem(t, {
        unitId: unit.id,
        year,
        state,
        rev: 1,
        currentVersion: hasRows ? 1 : null,
        versionCounter: hasRows ? 1 : 0,
        collective: results?.collective ?? { proposed: null, decided: null },
        submittedAt: dates.submittedAt ?? null,
        appraisedAt: dates.appraisedAt ?? null,
        updatedAt: dates.appraisedAt ?? dates.submittedAt ?? null,
      }),
    );
    if (hasRows) for (const r of results.rows) items.push(rowItem(t, unit.id, year, 1, ResultRow.parse({ ...r, rev: 1 })));
  };

  for (const { year, ratingDate } of years) {
    const prng = createPrng(deriveSeed(year, t));
    const founded = (u: Unit) => !u.foundedOn || addMonthsClamped(u.foundedOn, 6) <= ratingDate;
    if (year < 2021) {
      // Every organisation approved: what year-on-year comparison reads.
      const collectiveOf = new Map<string, Rating | null>();
      for (const u of orgs.filter((o) => isCell(o.kind) || (membersOf.get(o.id)?.length ?? 0) > 0)) {
        const results = cleanResults(prng, membersOf.get(u.id) ?? [], year, ratingDate, true, founded(u));
        collectiveOf.set(u.id, results.collective.decided);
        dossier(u, year, 'approved', results, { submittedAt: instant(`${year}-12-21`, '09:00'), appraisedAt: instant(`${year}-12-28`, '15:00') });
      }
      // Committees after their children: excellent only when the children allow it (R-ORG19-HTXS).
      for (const u of [...orgs].filter((o) => !collectiveOf.has(o.id)).sort((a, b) => b.path.length - a.path.length)) {
        const children = orgs.filter((o) => o.parentId === u.id).map((o) => collectiveOf.get(o.id) ?? null);
        const rated = children.filter((r): r is Rating => r !== null);
        const allowsExcellent = rated.length > 0 && rated.every((r) => r !== 'incomplete') && rated.filter((r) => compareRatings(r, 'good') >= 0).length * 5 >= rated.length * 4;
        const rating: Rating | null = founded(u) ? (allowsExcellent && prng.chance(0.3) ? 'excellent' : 'good') : null;
        collectiveOf.set(u.id, rating);
        dossier(u, year, 'approved', { rows: [], collective: { proposed: rating, decided: rating } }, { submittedAt: instant(`${year}-12-22`, '09:00'), appraisedAt: instant(`${year}-12-30`, '15:00') });
      }
      continue;
    }
    const seedCell = orgs.find((o) => o.name.normalize('NFC') === SEED_CELL_NAME);
    const siblings = seedCell ? orgs.filter((o) => o.parentId === seedCell.parentId && o.id !== seedCell.id && isCell(o.kind)) : [];
    // A small parent (a test fixture) keeps the hashed plans.
    const siblingIndex = (u: Unit) => (siblings.length >= 4 ? siblings.indexOf(u) : -1);
    for (const u of orgs.filter((o) => isCell(o.kind))) {
      const plan = plan2021(u, siblingIndex(u));
      const members = membersOf.get(u.id) ?? [];
      if (plan === 'none' || members.length === 0) continue;
      if (plan === 'mix') {
        dossier(u, year, 'draft', mixedResults(members, ratingDate, year), {});
        const groups = tenant.units.filter((g) => g.parentId === u.id && g.kind === 'group');
        groups.slice(0, Math.max(1, groups.length - 1)).forEach((g, i) => {
          const meeting = `${year}-12-${String(14 + i).padStart(2, '0')}`;
          items.push(unitEventItem(t, { event: 'groupMeetingHeld', unitId: g.id, year, at: instant(meeting, '17:00'), heldOn: meeting, startTime: null, location: null, chairMemberId: null, clerkMemberId: null, note: null }));
          if (i === 0) items.push(unitEventItem(t, { event: 'groupReportSent', unitId: g.id, year, at: instant(`${year}-12-17`, '10:00'), heldOn: null, startTime: null, location: null, chairMemberId: null, clerkMemberId: null, note: null }));
        });
        continue;
      }
      const decided = plan !== 'draft';
      const results = cleanResults(prng, members, year, ratingDate, decided, founded(u));
      dossier(u, year, plan === 'draft' ? 'draft' : plan, results, {
        ...(decided ? { submittedAt: instant(`${year}-12-${prng.int(18, 21)}`, '10:00') } : {}),
        ...(plan === 'approved' ? { appraisedAt: instant(`${year}-12-${prng.int(22, 23)}`, '16:00') } : {}),
      });
    }
  }
  return items;
}
