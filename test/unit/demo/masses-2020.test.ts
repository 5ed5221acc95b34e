import { describe, expect, it } from 'vitest';
import { isOverdue, massesInvariantBreaks, massesOf, missingSignatures, recountMasses, sessionDay, MassesComment } from '@kd/domain';
import { keys, parseKey } from '@kd/data';
import { demoMasses2020, generateDemo, MASSES_DEMO_BLOC } from '@kd/local';

const traVinh = generateDemo().tenants.find((t) => t.tenantId === 'tra-vinh')!;
const today = '2026-05-04';
const demo = demoMasses2020(traVinh, today);
const unitOf = new Map(traVinh.units.map((u) => [u.id, u] as const));
const statusOf = (unitId: string) => massesOf(demo.workplaces.find((w) => w.unitId === unitId)!.staff, demo.settings);

describe('the demo’s 2020 review before the masses (seed 002, Trà Vinh’s bloc)', () => {
  it('turns the rule on with QĐ 3054’s parameters and opens 2020 on the plan’s dates, in the bloc only', () => {
    expect(demo.settings).toMatchObject({ id: 'qd3054-tra-vinh', threshold: { value: 5 }, countedContracts: { value: ['permanent', 'longTerm'] } });
    expect(demo.review.milestones.map((m) => m.date)).toEqual(['2020-11-15', '2020-11-20', '2020-11-30']);
    const unitIds = [...demo.workplaces, ...demo.sessions, ...demo.comments, ...demo.remediationItems, ...demo.events].map((r) => r.unitId);
    expect(unitIds.every((id) => unitOf.get(id)!.path.includes(MASSES_DEMO_BLOC))).toBe(true);
    expect(demo.items.length).toBeLessThanOrEqual(400);
  });

  it('has workplaces on both sides of the threshold, the edges of 5 among them, and shared ones counted once', () => {
    const required = demo.workplaces.filter((w) => statusOf(w.unitId).sessionRequired);
    const below = demo.workplaces.filter((w) => !statusOf(w.unitId).sessionRequired);
    expect(required.length).toBeGreaterThan(50);
    expect(below.length).toBeGreaterThanOrEqual(3);
    expect(statusOf('tv-duk-syt-kn')).toMatchObject({ countedMasses: 5, status: 'required' });
    expect(demo.workplaces.find((w) => w.unitId === 'tv-duk-ctd')!.staff).toMatchObject({ permanent: 4, shortTerm: 20 });
    expect(statusOf('tv-duk-ctd')).toMatchObject({ countedMasses: 4, status: 'notOrganised' });
    // No session where none is organised; the cells of Sở Tài chính share their base committee's workplace.
    expect(demo.sessions.filter((s) => below.some((w) => w.unitId === s.unitId))).toEqual([]);
    expect(demo.workplaces.some((w) => w.unitId === 'tv-duk-stc')).toBe(true);
    expect(demo.workplaces.filter((w) => unitOf.get(w.unitId)!.parentId === 'tv-duk-stc')).toEqual([]);
    expect(demo.sessions.some((s) => s.unitId === 'tv-duk-stc')).toBe(true);
  });

  it('has sessions complete, complete but signed after 15/11, short of signatures, and only planned', () => {
    const complete = demo.sessions.filter((s) => s.state === 'complete');
    expect(complete.length).toBeGreaterThan(40);
    expect(complete.every((s) => missingSignatures(s).length === 0)).toBe(true);
    expect(complete.some((s) => s.signatures.some((g) => g.signedAt.slice(0, 10) > '2020-11-15'))).toBe(true);
    const incomplete = demo.sessions.filter((s) => s.state === 'recorded');
    expect(incomplete.length).toBeGreaterThanOrEqual(2);
    expect(new Set(incomplete.map((s) => s.signatures.length)).size).toBeGreaterThanOrEqual(2);
    expect(demo.sessions.some((s) => s.state === 'planned' && s.record === null)).toBe(true);
    expect(demo.sessions.some((s) => s.record?.members.some((m) => !m.present && m.absenceReason))).toBe(true);
  });

  it('has oral and written comments, dissent kept, classed and unclassified ones', () => {
    const kinds = new Set(demo.comments.map((c) => `${c.channel}/${c.kind}`));
    for (const k of ['oral/strength', 'oral/shortcoming', 'written/shortcoming', 'written/proposal']) expect(kinds).toContain(k);
    expect(demo.comments.filter((c) => c.dissenting).length).toBeGreaterThanOrEqual(3);
    expect(demo.comments.some((c) => c.dissenting && c.channel === 'written')).toBe(true);
    expect(new Set(demo.comments.map((c) => c.responsibility))).toEqual(new Set(['collective', 'individual', null]));
    expect(demo.comments.some((c) => c.about === null) && demo.comments.some((c) => c.about !== null)).toBe(true);
  });

  it('stores written comments anonymously: nothing but the comment, dated the session’s day, under an id that does not order them', () => {
    const items = demo.items.filter((i) => i.type === 'massesComment');
    const anonymous = new Set([...Object.keys(MassesComment.shape), 'pk', 'sk', 'type', 'tenant']);
    for (const item of items) {
      expect(Object.keys(item).filter((k) => !anonymous.has(k))).toEqual([]);
      const session = demo.sessions.find((s) => s.id === item.sessionId)!;
      expect(item.day).toBe(sessionDay(session.record!.startsAt));
    }
    const story = demo.comments.filter((c) => c.unitId === 'tv-duk-syt-bvp');
    expect(story.length).toBeGreaterThanOrEqual(5);
    expect(story.map((c) => c.id)).not.toEqual([...story.map((c) => c.id)].sort());
  });

  it('has remediation items done, open and overdue, and open within their deadline', () => {
    const r = demo.remediationItems;
    expect(r.some((i) => i.status === 'done' && i.doneOn !== null)).toBe(true);
    expect(r.some((i) => isOverdue(i, today))).toBe(true);
    expect(r.some((i) => i.status === 'open' && !isOverdue(i, today))).toBe(true);
    const commentIds = new Set(demo.comments.map((c) => c.id));
    expect(r.every((i) => i.commentIds.every((id) => commentIds.has(id)))).toBe(true);
  });

  it('records the base organisations’ reports to the bloc (one late, one missing) and the bloc’s report up', () => {
    const base = demo.events.filter((e) => e.event === 'baseMassesReportSent');
    expect(base.length).toBeGreaterThan(10);
    expect(base.some((e) => e.at > '2020-11-20T17:00:00.000Z')).toBe(true);
    expect(base.some((e) => e.unitId === 'tv-duk-ctn')).toBe(false);
    expect(demo.events.filter((e) => e.event === 'blocMassesReportSent').map((e) => e.unitId)).toEqual([MASSES_DEMO_BLOC]);
  });

  it('is written as table items under the data layer’s keys, deterministically, and its Biểu 5 is consistent', () => {
    expect(new Set(demo.items.map((i) => i.type))).toEqual(new Set(['massesSettings', 'massesReview', 'workplace', 'massesSession', 'massesSessionRef', 'massesComment', 'remediationItem', 'unitEvent']));
    // What Biểu 5's stream consumer follows has keys it reads back.
    const followed = demo.items.filter((i) => i.type !== 'massesSessionRef' && i.type !== 'unitEvent');
    expect(followed.filter((i) => parseKey({ pk: String(i.pk), sk: String(i.sk) }) === null)).toEqual([]);
    expect(demo.items.filter((i) => i.type === 'massesSessionRef').map((i) => ({ pk: i.pk, sk: i.sk }))).toEqual(demo.sessions.map((s) => keys.massesSessionRef(traVinh.tenantId, s.id)));
    expect(new Set(demo.items.map((i) => `${i.pk}|${i.sk}`)).size).toBe(demo.items.length);
    expect(JSON.stringify(demoMasses2020(traVinh, today).items)).toBe(JSON.stringify(demo.items));
    const counts = recountMasses(MASSES_DEMO_BLOC, { units: traVinh.units, ...demo }, demo.settings);
    expect(massesInvariantBreaks(counts)).toEqual([]);
    expect(counts).toMatchObject({ units: demo.workplaces.length, sessionsHeld: demo.sessions.filter((s) => s.state !== 'planned').length });
    expect(counts.comments.total).toBe(demo.comments.length);
  });

  it('is empty for a tenant without the bloc', () => {
    const vinhLong = generateDemo().tenants.find((t) => t.tenantId === 'vinh-long')!;
    expect(demoMasses2020(vinhLong, today).items).toEqual([]);
  });
});
