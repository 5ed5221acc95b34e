import {
  commentItem,
  massesReviewItem,
  massesSettingsItem,
  remediationItemOf,
  sessionItem,
  sessionRefItem,
  transactPut,
  unitEventItem,
  workplaceItem,
  type Store,
  type UnitEventRecord,
} from '@kd/data';
import {
  addDays,
  classifyComment,
  effectiveWorkplace,
  massesOf,
  newRemediationItem,
  openMassesReview,
  partyPositionLabels,
  planSession,
  recordSession,
  setRemediationStatus,
  signSession,
  takeComment,
  traVinhMassesSettings,
  vietnamDateOf,
  type LocalDate,
  type MassesComment,
  type MassesReview,
  type MassesSession,
  type MassesSettings,
  type Member,
  type RemediationItem,
  type Responsibility,
  type StaffByContract,
  type Unit,
  type Workplace,
} from '@kd/domain';
import { absenceReasons, collectiveComments, dissentingComments, memberComments, memberStrengths, memberWeaknesses, remediationTexts, type CommentText } from './demo/masses-2020-texts';
import { drawFullName } from './demo/names';
import { createPrng, deriveSeed, type Prng } from './demo/prng';

/** The bloc of seed 002 (Kế hoạch 03-KH/ĐUK): Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh Trà Vinh. */
export const MASSES_DEMO_BLOC = 'tv-duk';
export const MASSES_DEMO_YEAR = 2020;
/** The plan's own dates (Kế hoạch 03-KH/ĐUK mục IV.2, IV.3). */
const dates = { sessionsBy: '2020-11-15', baseReportBy: '2020-11-20', blocReportBy: '2020-11-30' } as const;
/** The day the plan was issued: units founded later had no part in it. */
const planIssued: LocalDate = '2020-10-21';

/** Workplaces the units below their owner share (one Sở, one school of the university): counted once. */
const sharedOwners: ReadonlySet<string> = new Set(['tv-duk-stc', 'tv-duk-dhtv-yd', 'tv-duk-dhtv-ktl']);

/** Both sides of the threshold (R-MASS-02/03), by unit. */
const pinnedStaff: Readonly<Record<string, StaffByContract>> = {
  // Exactly 5 counted masses: a session is required.
  'tv-duk-syt-kn': { permanent: 4, longTerm: 1, shortTerm: 3, productionLine: 0 },
  // 4 permanent staff and 20 on short-term contracts: 4 counted, not organised.
  'tv-duk-ctd': { permanent: 4, longTerm: 0, shortTerm: 20, productionLine: 0 },
  'tv-duk-vhnt': { permanent: 3, longTerm: 0, shortTerm: 1, productionLine: 0 },
  'tv-duk-lmhtx': { permanent: 2, longTerm: 1, shortTerm: 2, productionLine: 0 },
  // A production line of 38 is not counted: 4, not organised.
  'tv-duk-ctn-nm': { permanent: 3, longTerm: 1, shortTerm: 0, productionLine: 38 },
};

type Outcome = 'planned' | 'unsigned' | 'chairOnly' | 'twoSignatures' | 'signedLate' | 'complete';
/** Sessions that did not end complete by 15/11/2020; every other required workplace's did. */
const pinnedOutcomes: Readonly<Record<string, Outcome>> = {
  'tv-duk-pc-dh': 'planned',
  'tv-duk-syt-bvtt': 'twoSignatures',
  'tv-duk-agr-dh': 'unsigned',
  'tv-duk-sgd-gdtx': 'chairOnly',
  'tv-duk-ptth-khmer': 'twoSignatures',
  'tv-duk-snn-tl': 'signedLate',
  'tv-duk-sld-cdn': 'signedLate',
};

/** Where the demo's logins look (Đảng ủy Sở Y tế, and the shared Sở Tài chính): many comments and follow-up. */
const richUnder = ['tv-duk-syt', 'tv-duk-stc'];
const storyCell = 'tv-duk-syt-bvp';
/** Base organisations' reports to the bloc: on time, except these. */
const lateReports: Readonly<Record<string, LocalDate | null>> = { 'tv-duk-pc': '2020-11-24', 'tv-duk-ctn': null };

const sessionDays: readonly LocalDate[] = ['2020-11-02', '2020-11-03', '2020-11-04', '2020-11-05', '2020-11-06', '2020-11-09', '2020-11-10', '2020-11-11', '2020-11-12', '2020-11-13'];

export interface MassesDemoTenant {
  tenantId: string;
  units: readonly Unit[];
  members: readonly Member[];
}

/** The demo's 2020 masses review of the bloc: the records, and the items that store them. */
export interface DemoMasses2020 {
  settings: MassesSettings;
  review: MassesReview;
  workplaces: Workplace[];
  sessions: MassesSession[];
  comments: MassesComment[];
  remediationItems: RemediationItem[];
  events: UnitEventRecord[];
  items: Record<string, unknown>[];
}

/** Random-looking ids, as `randomUUID` gives them, but from the seed: they must not reveal order. */
function demoUuid(prng: Prng): string {
  const hex = Array.from({ length: 32 }, () => prng.int(0, 15).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[prng.int(0, 3)]}${hex.slice(17, 20)}-${hex.slice(20)}`;
}

const orderKey = (prng: Prng) => Buffer.from(Array.from({ length: 16 }, () => prng.int(0, 255))).toString('base64url');

const workplaceName = (unit: Unit, parent: Unit | undefined): string => {
  const strip = (name: string) => name.replace(/^(Chi bộ|Đảng ủy|Đảng bộ bộ phận)\s+/u, '');
  const own = strip(unit.name);
  const generic = /^(Văn phòng|Phòng|Hội sở|Chi nhánh|Bộ môn|Khoa|Đội)\b/u.test(own);
  return generic && parent && parent.kind !== 'bloc' ? `${own} – ${strip(parent.name)}` : own;
};

function staffFor(prng: Prng, unit: Unit, memberCount: number): StaffByContract {
  const pinned = pinnedStaff[unit.id];
  if (pinned) return { ...pinned };
  const name = unit.name;
  const factor = /Bệnh viện/u.test(name) ? prng.int(40, 80) / 10 : /Trường|Điện lực|Nhà máy|Xí nghiệp/u.test(name) ? prng.int(15, 30) / 10 : prng.int(6, 20) / 10;
  const lineWork = /Điện lực|Nhà máy|Xí nghiệp|Đội Quản lý/u.test(name);
  return {
    permanent: Math.max(3, Math.round(Math.max(memberCount, 8) * factor)),
    longTerm: prng.int(0, 12),
    shortTerm: prng.int(0, 10),
    productionLine: lineWork ? prng.int(10, 40) : 0,
  };
}

const at = (day: LocalDate, minutes: number) => `${day}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const instant = (local: string) => new Date(`${local}:00+07:00`);

function dutiesOf(m: Member): string | null {
  return m.governmentPosition ?? (m.partyPosition ? partyPositionLabels[m.partyPosition] : null);
}

/**
 * Pure: the 2020 masses review of the bloc of seed 002, deterministic for the tenant. The tenant's
 * masses settings turned on (QĐ 3054-QĐ/TU, Trà Vinh's parameters) and the year opened on the
 * plan's dates; a workplace for every unit that holds one (three shared by the units below them),
 * on both sides of the threshold; a session for every workplace that requires one — complete,
 * signed late, short of signatures, or only planned; oral and anonymous written comments with
 * dissent, most classed; remediation items done, open and overdue, and open within a deadline
 * after `today` (so the demo always has one); the base organisations' reports to the bloc and the
 * bloc's report up. Records are built by the domain's own functions, items by the data layer's.
 */
export function demoMasses2020(tenant: MassesDemoTenant, today: LocalDate): DemoMasses2020 {
  const t = tenant.tenantId;
  const settings = traVinhMassesSettings;
  const review = openMassesReview(settings, MASSES_DEMO_YEAR, dates);
  const out: DemoMasses2020 = { settings, review, workplaces: [], sessions: [], comments: [], remediationItems: [], events: [], items: [] };
  const units = tenant.units.filter((u) => u.path.includes(MASSES_DEMO_BLOC) && !u.closedOn && (!u.foundedOn || u.foundedOn <= planIssued));
  if (!units.some((u) => u.id === MASSES_DEMO_BLOC)) return out;
  const prng = createPrng(deriveSeed(MASSES_DEMO_YEAR, `${t}/masses`));
  const byId = new Map(tenant.units.map((u) => [u.id, u] as const));
  const membersIn = (unit: Unit) => tenant.members.filter((m) => byId.get(m.unitId)?.path.includes(unit.id));

  // Workplaces: each cell or base cell its own, except under a shared owner.
  const owners = units.filter((u) => sharedOwners.has(u.id) || ((u.kind === 'cell' || u.kind === 'baseCell') && !u.path.some((p) => sharedOwners.has(p))));
  for (const u of owners) {
    out.workplaces.push({ unitId: u.id, year: MASSES_DEMO_YEAR, name: workplaceName(u, byId.get(u.parentId ?? '')), staff: staffFor(prng, u, membersIn(u).length) });
  }
  const workplaceOf = new Map(out.workplaces.map((w) => [w.unitId, w] as const));

  for (const unit of owners) {
    const workplace = massesOf(effectiveWorkplace(unit, workplaceOf)!.staff, settings);
    if (!workplace.sessionRequired) continue;
    const rich = richUnder.some((id) => unit.path.includes(id));
    const outcome = pinnedOutcomes[unit.id] ?? 'complete';
    const day = prng.pick(sessionDays);
    const start = prng.pick([450, 480, 810, 840]);
    const end = start + prng.int(150, 240);
    const id = demoUuid(prng);
    const key = orderKey(prng);
    if (outcome === 'planned') {
      const session = planSession({ id, unitId: unit.id, year: MASSES_DEMO_YEAR, plan: { startsAt: at('2020-11-13', 840), endsAt: at('2020-11-13', 1020), place: `Hội trường ${workplaceOf.get(unit.id)!.name}` } });
      out.sessions.push(session);
      out.items.push(sessionItem(t, session, 1, key), sessionRefItem(t, session));
      continue;
    }
    const eligible = membersIn(unit).filter((m) => m.admittedOn <= day && !m.exempt && !m.suspended);
    if (eligible.length === 0) continue;
    const chair = eligible.find((m) => m.partyPosition === 'secretary') ?? eligible[0]!;
    const clerk = eligible.find((m) => m !== chair && m.partyPosition === 'committeeMember') ?? eligible.find((m) => m !== chair) ?? chair;
    const representative = eligible.find((m) => m.partyPosition === 'deputySecretary') ?? chair;
    const absentCount = eligible.length > 3 ? prng.weighted([[0, 5], [1, 4], [2, 1]] as const) : 0;
    const absent = new Set(prng.shuffle(eligible.filter((m) => m !== chair && m !== clerk)).slice(0, absentCount).map((m) => m.id));
    let session = recordSession(null, {
      id,
      unitId: unit.id,
      year: MASSES_DEMO_YEAR,
      workplace,
      settings,
      body: {
        startsAt: at(day, start),
        endsAt: at(day, end),
        place: `Hội trường ${workplaceOf.get(unit.id)!.name}`,
        chair: chair.fullName,
        clerk: clerk.fullName,
        committeeRepresentative: representative.fullName,
        massesPresent: Math.min(workplace.countedMasses, Math.max(5, Math.round(workplace.countedMasses * prng.int(55, 90) / 100))),
        members: eligible.map((m) =>
          absent.has(m.id)
            ? { memberId: m.id, present: false, absenceReason: prng.pick(absenceReasons) }
            : { memberId: m.id, present: true, duties: dutiesOf(m), summary: `Ưu điểm: ${prng.pick(memberStrengths)}. Hạn chế: ${prng.pick(memberWeaknesses)}.` },
        ),
        acknowledgement: 'Đồng chí đại diện cấp ủy tiếp thu đầy đủ các ý kiến; cấp ủy sẽ tổng hợp, phân định trách nhiệm tập thể, cá nhân và có kế hoạch khắc phục, thông báo lại cho quần chúng.',
      },
    });

    // Comments, taken while the session is recorded and unsigned; classed afterwards when complete.
    const signed = outcome === 'complete' || outcome === 'signedLate';
    const count = unit.id === storyCell ? 7 : rich ? prng.int(3, 6) : prng.weighted([[0, 5], [1, 3], [2, 2]] as const);
    const taken: MassesComment[] = [];
    for (let i = 0; i < count; i++) {
      const aboutMember = prng.chance(0.6);
      const dissent = aboutMember && (prng.chance(0.15) || (unit.id === storyCell && i === 0));
      const text: CommentText = dissent ? prng.pick(dissentingComments) : prng.pick(aboutMember ? memberComments : collectiveComments);
      const about = aboutMember ? prng.pick(eligible).id : null;
      const written = unit.id === storyCell ? i % 2 === 1 : prng.chance(0.5);
      let comment = takeComment(session, { about, channel: written ? 'written' : 'oral', heading: text.heading, kind: text.kind, text: text.text, dissenting: dissent }, demoUuid(prng));
      if (signed && prng.chance(0.9)) comment = classifyComment(comment, { responsibility: about ? 'individual' : 'collective' });
      taken.push(comment);
    }
    out.comments.push(...taken);

    const signDay = outcome === 'signedLate' ? addDays(dates.sessionsBy, prng.int(2, 3)) : day;
    const signAt = outcome === 'signedLate' ? instant(at(signDay, 600)) : instant(at(day, end + prng.int(10, 40)));
    const roles = outcome === 'unsigned' ? [] : outcome === 'chairOnly' ? ['chair'] as const : outcome === 'twoSignatures' ? ['chair', 'clerk'] as const : ['chair', 'clerk', 'massesRepresentative'] as const;
    for (const role of roles) {
      const name = role === 'chair' ? chair.fullName : role === 'clerk' ? clerk.fullName : drawFullName(prng, prng.chance(0.5) ? 'female' : 'male', 0.1);
      session = signSession(session, { role, name }, signAt);
    }
    out.sessions.push(session);
    out.items.push(sessionItem(t, session, 1 + session.signatures.length, key), sessionRefItem(t, session));

    // Follow-up (R-MASS-11): items for the classed shortcomings, done, open or overdue.
    const toFix = taken.filter((c) => c.kind !== 'strength' && c.responsibility !== null);
    const itemCount = unit.id === storyCell ? 3 : rich ? Math.min(toFix.length, 2) : Math.min(toFix.length, prng.chance(0.5) ? 1 : 0);
    for (let i = 0; i < itemCount && toFix.length > 0; i++) {
      const story = unit.id === storyCell ? (['done', 'overdue', 'ongoing'] as const)[i]! : null;
      const answers = toFix[i % toFix.length]!;
      const responsibility: Responsibility = story === 'ongoing' ? 'collective' : answers.responsibility!;
      const owner = responsibility === 'individual' ? eligible.find((m) => m.id === answers.about)!.fullName : `Cấp ủy và lãnh đạo ${workplaceOf.get(unit.id)!.name}`;
      const ongoing = story === 'ongoing';
      const deadline: LocalDate = ongoing ? `${Number(today.slice(0, 4)) + 1}-12-31` : prng.pick(['2020-12-31', '2021-03-31', '2021-06-30'] as const);
      let item = newRemediationItem(
        {
          id: demoUuid(prng),
          unitId: unit.id,
          year: MASSES_DEMO_YEAR,
          body: { commentIds: ongoing ? taken.filter((c) => c.about === null).map((c) => c.id) : [answers.id], text: ongoing ? remediationTexts.ongoing : prng.pick(remediationTexts[responsibility]), owner, deadline, responsibility },
        },
        taken,
      );
      const done = story ? story === 'done' : prng.chance(0.55);
      if (done) item = setRemediationStatus(item, { status: 'done' }, addDays(deadline, -prng.int(5, 40)));
      out.remediationItems.push(item);
      out.items.push(remediationItemOf(t, item, done ? 2 : 1));
    }
  }

  // The base organisations report to the bloc by 20/11, the bloc up by 30/11 (Kế hoạch 03-KH/ĐUK mục IV).
  const event = (unitId: string, kind: UnitEventRecord['event'], day: LocalDate, minutes: number): UnitEventRecord => ({
    event: kind, unitId, year: MASSES_DEMO_YEAR, at: instant(at(day, minutes)).toISOString(), heldOn: null, startTime: null, location: null, chairMemberId: null, clerkMemberId: null, note: null, endTime: null, attendance: [], speakers: [], collectiveVotesFor: null,
  });
  for (const u of units.filter((x) => x.kind === 'baseCommittee' || x.kind === 'baseCell')) {
    const day = u.id in lateReports ? lateReports[u.id]! : prng.pick(['2020-11-16', '2020-11-17', '2020-11-18', '2020-11-19', '2020-11-20'] as const);
    if (day) out.events.push(event(u.id, 'baseMassesReportSent', day, prng.int(480, 1020)));
  }
  out.events.push(event(MASSES_DEMO_BLOC, 'blocMassesReportSent', '2020-11-27', 600));

  out.items.unshift(massesSettingsItem(t, settings), massesReviewItem(t, review), ...out.workplaces.map((w) => workplaceItem(t, w)));
  out.items.push(...out.comments.map((c) => commentItem(t, c)), ...out.events.map((e) => unitEventItem(t, e)));
  return out;
}

/**
 * Writes the 2020 masses review as a system import (2020 is closed: no use case writes into it),
 * 100 items per transaction. Biểu 5 is not written here: the stream poller's first reconcile on a
 * fresh database builds it from these items (`reconcileMassesTenant`).
 */
export async function seedMasses2020(store: Store, tenant: MassesDemoTenant, seededAt: string): Promise<{ items: number }> {
  const { items } = demoMasses2020(tenant, vietnamDateOf(new Date(seededAt)));
  await transactPut(store, items, 2);
  return { items: items.length };
}
