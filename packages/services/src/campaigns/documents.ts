import { buildRatingMinutes, buildSelfReview, mergeSigns, nationalDegradationSigns, partyPositionLabels, DomainError, isCell, type MinutesNotRatedReason as MinutesNotRated, type NotRatedReason, type Caller } from '@kd/domain';
import { requireCampaign, requireUnit, getMemberReview, listUnitEvents } from '@kd/data';
import type { ServiceDeps } from '../deps';
import { filesModule } from '../files-module';
import { ownRecordInScope } from '../access/scope';
import { evaluateStoredUnit, evaluatedUnit, factsOf, notRatedAsCollective } from './unit-year';
import { massesAboutMembers, massesInReviewOf } from '../masses/member-masses';

/** "Tỉnh ủy Trà Vinh" → "Trà Vinh": the place printed before the date of a party document. */
export function placeOf(rootName: string): string {
  return rootName.replace(/^(Tỉnh ủy|Thành ủy|Đảng bộ tỉnh|Đảng bộ thành phố)\s+/u, '').trim() || rootName;
}

const minutesReason: Record<NotRatedReason, MinutesNotRated> = {
  exempt: 'exempt',
  suspended: 'suspended',
  newMember: 'newlyAdmitted',
  absent: 'absentRatedLater',
  pending: 'notYetRated',
};

export async function headerOf(deps: ServiceDeps, tenant: string, unit: { parentId: string | null; path: string[]; name: string }) {
  const [parent, root] = await Promise.all([
    unit.parentId ? requireUnit(deps.store, tenant, unit.parentId) : Promise.resolve(null),
    requireUnit(deps.store, tenant, unit.path[0]!),
  ]);
  return { partyHeader: { upperCommittee: parent?.name ?? root.name, unitName: unit.name }, place: placeOf(root.name) };
}

/** A member's self-review (Mẫu 2A) as a Word file: the record's texts, the checklist appendix, the self-proposed rating. */
export async function selfReviewDocx(deps: ServiceDeps, caller: Caller, year: number, unitId: string, memberId: string): Promise<{ bytes: Buffer; fileName: string }> {
  // A member signed in for themselves downloads their own, and no one else's.
  const { unit, member } = await ownRecordInScope(deps.store, caller, unitId, memberId, 'member.read');
  const { stored, evaluation } = await evaluateStoredUnit(deps, caller.tenant, unit, await requireCampaign(deps.store, caller.tenant, year));
  const [record, header, masses] = await Promise.all([
    getMemberReview(deps.store, caller.tenant, unit.id, year, member.id),
    headerOf(deps, caller.tenant, unit),
    massesAboutMembers(deps, caller, unit, year, [member.id]),
  ]);
  const aboutMember = masses.get(member.id);
  const signs = new Map(mergeSigns(nationalDegradationSigns).map((s) => [s.code, s] as const));
  const checklist = record.checklist.flatMap((a) => {
    const sign = signs.get(a.code);
    return sign ? [{ code: a.code, text: sign.text, answer: a.answer, note: a.note }] : [];
  });
  const model = buildSelfReview({
    ...header,
    // Dated from the campaign, never the clock: the unit's rating date (its meeting, or the campaign's).
    date: evaluation.ratingDate,
    year,
    member: {
      fullName: member.fullName,
      birthDate: member.birthDate,
      partyPosition: member.partyPosition ? partyPositionLabels[member.partyPosition] : null,
      governmentPosition: member.governmentPosition,
      workplace: null,
      cellName: unit.name,
      isCommitteeMember: member.partyPosition !== null,
    },
    sections: record.sections,
    ...(checklist.length > 0 ? { degradationChecklist: checklist } : {}),
    selfProposed: factsOf(stored, member.id).selfProposed,
    // R-MASS-12: what the masses said is a criterion of the year-end review.
    ...(aboutMember ? { masses: massesInReviewOf(aboutMember, year) } : {}),
  });
  const { renderDocx } = await filesModule();
  return { bytes: await renderDocx(model), fileName: `ban-tu-kiem-diem-${year}-${member.id}.docx` };
}

/** Minutes of the cell's rating meeting: needs the meeting recorded (time, place, chair, clerk). */
export async function ratingMinutesDocx(deps: ServiceDeps, caller: Caller, year: number, unitId: string): Promise<{ bytes: Buffer; fileName: string }> {
  const { unit, stored, evaluation } = await evaluatedUnit(deps, caller, year, unitId, 'unit.read');
  if (!isCell(unit.kind)) throw notRatedAsCollective(unit.kind);
  const meeting = (await listUnitEvents(deps.store, caller.tenant, unit.id, year)).get('cellResultsDecided');
  if (!meeting?.heldOn || !meeting.startTime || !meeting.location || !meeting.chairMemberId || !meeting.clerkMemberId) {
    throw new DomainError('CELL_MEETING_NOT_RECORDED', 'Chưa ghi nhận cuộc họp chi bộ (ngày, giờ, địa điểm, chủ trì, thư ký) nên chưa lập được biên bản.');
  }
  const header = await headerOf(deps, caller.tenant, unit);
  const byId = new Map(stored.members.map((m) => [m.id, m] as const));
  const person = (id: string) => {
    const m = byId.get(id);
    return { fullName: m?.fullName ?? id, position: m?.partyPosition ? partyPositionLabels[m.partyPosition] : null };
  };
  // The attendance keyed in on the meetings page when there is one; else the results' absences.
  const keyed = new Map(meeting.attendance.map((a) => [a.memberId, a] as const));
  const absent = stored.members.flatMap((m) => {
    if (m.exempt) return [{ id: m.id, fullName: m.fullName, reason: 'miễn công tác và sinh hoạt đảng' }];
    const a = keyed.get(m.id);
    if (a) return a.present ? [] : [{ id: m.id, fullName: m.fullName, reason: a.absenceReason ?? 'vắng họp' }];
    if (factsOf(stored, m.id).absentFromRatingMeeting) return [{ id: m.id, fullName: m.fullName, reason: 'vắng họp' }];
    return [];
  });
  const absentees = absent.map(({ fullName, reason }) => ({ fullName, reason }));
  const officials = stored.members.filter((m) => m.officialOn !== null).length;
  const absentIds = new Set(absent.map((a) => a.id));
  const voters = stored.members.filter((m) => m.officialOn !== null && !m.exempt && !m.suspended && !absentIds.has(m.id)).length;
  const evaluations = new Map(evaluation.members.map((e) => [e.memberId, e] as const));
  const model = buildRatingMinutes({
    ...header,
    year,
    meeting: { date: meeting.heldOn, startTime: meeting.startTime, endTime: meeting.endTime, location: meeting.location },
    speakers: meeting.speakers.flatMap((s) => (byId.has(s.memberId) ? [{ fullName: byId.get(s.memberId)!.fullName, summary: s.summary }] : [])),
    chair: person(meeting.chairMemberId),
    clerk: person(meeting.clerkMemberId),
    attendance: { totalMembers: stored.members.length, officialMembers: officials, present: stored.members.length - absentees.length, absentees },
    voters,
    collective: { rating: stored.dossier.adjustedCollective?.rating ?? stored.dossier.collective.decided, votesFor: meeting.collectiveVotesFor },
    members: stored.members.map((m) => {
      const e = evaluations.get(m.id)!;
      const f = factsOf(stored, m.id);
      return {
        fullName: m.fullName,
        selfProposed: f.selfProposed,
        groupProposed: f.groupProposed,
        votesFor: f.votesFor,
        decided: e.rated ? e.final : null,
        notRated: e.rated ? null : minutesReason[e.notRatedReason ?? 'pending'],
        note: f.note?.slice(0, 1000) ?? null,
      };
    }),
  });
  const { renderDocx } = await filesModule();
  return { bytes: await renderDocx(model), fileName: `bien-ban-xep-loai-${year}-${unit.id}.docx` };
}
