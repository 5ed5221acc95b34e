import { beforeAll, describe, expect, it } from 'vitest';
import { commitResults, getDossier, readResults, saveResultRow, updateDossier, listAudit, type Store } from '@kd/data';
import { MemberFacts } from '@kd/domain';
import { createTestStore } from '../support/store';

let store: Store;
const actor = { sub: 's', name: 'Lê Hồng Vũ', role: 'cell_secretary', unit: 'c1' };
const rows = (decided: 'good' | 'excellent') =>
  ['M1', 'M2', 'M3'].map((memberId) => ({ memberId, facts: MemberFacts.parse({ decided }) }));

beforeAll(async () => {
  store = await createTestStore('dossier');
});

describe('dossier and results versions', () => {
  it('makes each commit a new current version, and the same rows again change nothing', async () => {
    const first = await commitResults(store, 't', 'c1', 2021, rows('good'), { actor, at: '2021-12-20T01:00:00Z' });
    expect(first).toEqual({ version: 1, changed: true, previous: null });
    const again = await commitResults(store, 't', 'c1', 2021, [...rows('good')].reverse(), { actor, at: '2021-12-20T01:01:00Z' });
    expect(again).toEqual({ version: 1, changed: false, previous: 1 });
    const second = await commitResults(store, 't', 'c1', 2021, rows('excellent'), { actor, at: '2021-12-20T01:02:00Z' });
    expect(second).toEqual({ version: 2, changed: true, previous: 1 });
    const current = await readResults(store, 't', 'c1', 2021);
    expect([...current.values()].map((r) => r.facts.decided)).toEqual(['excellent', 'excellent', 'excellent']);
    const audit = await listAudit(store, 't', 'c1');
    expect(audit.entries.filter((e) => e.action === 'results.commit')).toHaveLength(2);
  });

  it('edits one row with optimistic locking and refuses edits once the dossier is submitted', async () => {
    const d = await getDossier(store, 't', 'c1', 2021);
    const row = (await readResults(store, 't', 'c1', 2021)).get('M1')!;
    await saveResultRow(store, 't', 'c1', 2021, { ...row, facts: { ...row.facts, absences: 3 } }, { dossierRev: d.rev, rowRev: row.rev }, { actor, at: '2021-12-20T02:00:00Z' });
    await expect(
      saveResultRow(store, 't', 'c1', 2021, { ...row, facts: { ...row.facts, absences: 4 } }, { dossierRev: d.rev, rowRev: row.rev }, { actor, at: '2021-12-20T02:01:00Z' }),
    ).rejects.toMatchObject({ code: 'VERSION_CONFLICT', kind: 'conflict' });
    const d2 = await getDossier(store, 't', 'c1', 2021);
    expect(d2.contentHash).toBeNull();
    await updateDossier(store, 't', 'c1', 2021, { from: ['draft', 'returned'], expectedRev: d2.rev, patch: { state: 'submitted', submittedAt: '2021-12-21T01:00:00Z' }, action: 'dossier.submit' }, { actor, at: '2021-12-21T01:00:00Z' });
    await expect(commitResults(store, 't', 'c1', 2021, rows('good'), { actor, at: '2021-12-21T02:00:00Z' })).rejects.toMatchObject({ code: 'UNIT_LOCKED', kind: 'conflict' });
  });

  it('starts version 1 from a single edit when nothing was uploaded', async () => {
    const row = await saveResultRow(store, 't', 'c2', 2021, { memberId: 'M9', facts: MemberFacts.parse({ decided: 'good' }), adjusted: null, adjustReason: null }, { dossierRev: 0, rowRev: null }, { actor, at: '2021-12-20T03:00:00Z' });
    expect(row.rev).toBe(1);
    const d = await getDossier(store, 't', 'c2', 2021);
    expect(d).toMatchObject({ currentVersion: 1, versionCounter: 1, rev: 1, state: 'draft' });
  });
});
