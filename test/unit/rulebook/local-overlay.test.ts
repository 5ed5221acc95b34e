import { describe, expect, it } from 'vitest';
import { DomainError, buildLocalOverlay, overlayPatches, referenceRulebook, rulebookFor, rulesInForce, ruleKey, type RuleEdit } from '@kd/domain';

const settings = { rulebookId: 'r2025', overlayIds: [] as string[] };
const reference = referenceRulebook(settings);
/** The form as it arrives: every rule with its current settings. */
const form = (): RuleEdit[] =>
  reference.rules.map((r) => ({ key: ruleKey(r), enabled: r.enabled, severity: r.severity, params: { ...r.params }, interpretation: r.interpretation ?? null }));
const source = 'Hướng dẫn 05-HD/TU ngày 10/11/2026 của Ban Thường vụ Tỉnh ủy';

describe('the province’s overlay edited in a form (docs/rulebooks.md, "Local overlays")', () => {
  it('an unchanged form makes no patch', () => {
    expect(overlayPatches(reference, form(), source)).toEqual([]);
  });

  it('keeps only what changed: R-QUOTA-01 at 25 % for the province’s base organisations, a rule switched off, a reading rewritten', () => {
    const edits = form().map((e) => {
      if (e.key === 'R-QUOTA-01.base') return { ...e, params: { ...e.params, ratioPercent: 25 } };
      if (e.key === 'R-SPEC-02') return { ...e, enabled: false };
      if (e.key === 'R-IND25-BANDS') return { ...e, interpretation: 'Theo Hướng dẫn 05-HD/TU của tỉnh: không đạt điều kiện của mức nào thì xếp loại Không hoàn thành nhiệm vụ.' };
      return e;
    });
    const patches = overlayPatches(reference, edits, source);
    expect(patches).toEqual([
      expect.objectContaining({ id: 'R-SPEC-02', enabled: false }),
      expect.objectContaining({ id: 'R-IND25-BANDS', interpretation: expect.stringContaining('05-HD/TU') }),
      { id: 'R-QUOTA-01', clause: 'base', params: { ratioPercent: 25 }, source },
    ]);
    const overlay = buildLocalOverlay({ tenant: 'tra-vinh', year: 2026, settings, provinceName: 'Tỉnh ủy Trà Vinh', source, patches });
    expect(overlay).toMatchObject({ id: 'tra-vinh-2026', kind: 'overlay', appliesTo: ['r2025'], years: { from: 2026, to: 2026 }, title: 'Quy định của Tỉnh ủy Trà Vinh năm 2026' });
    const book = rulebookFor({ ...settings, localOverlay: { overlay } });
    expect(book.rules.find((r) => ruleKey(r) === 'R-QUOTA-01.base')!.params).toMatchObject({ ratioPercent: 25, exceptionMaxPercent: 25, rounding: 'floor' });
    const listed = rulesInForce({ ...settings, localOverlay: { overlay } });
    const quota = listed.find((r) => r.key === 'R-QUOTA-01.base')!;
    expect(quota.changes).toEqual([expect.objectContaining({ overlayId: 'tra-vinh-2026', local: true, fields: ['params.ratioPercent'] })]);
    expect(listed.find((r) => r.key === 'R-SPEC-02')!.rule.enabled).toBe(false);
    expect(listed.find((r) => r.key === 'R-ELIG-01')!.changes).toEqual([]);
  });

  it('refuses params the check does not accept, an unknown rule and a change without the province’s text (422 RULEBOOK_INVALID)', () => {
    const bad = form().map((e) => (e.key === 'R-QUOTA-01.base' ? { ...e, params: { ...e.params, ratioPercent: 140 } } : e));
    const patches = overlayPatches(reference, bad, source);
    expect(() => buildLocalOverlay({ tenant: 't1', year: 2026, settings, provinceName: 'Tỉnh ủy', source, patches })).toThrow(/R-QUOTA-01\.base/);
    expect(() => overlayPatches(reference, [{ key: 'R-NOPE-01', enabled: true, severity: 'warning', params: {}, interpretation: null }], source)).toThrow(DomainError);
    const ok = overlayPatches(reference, form().map((e) => (e.key === 'R-SPEC-02' ? { ...e, enabled: false } : e)), source);
    expect(() => buildLocalOverlay({ tenant: 't1', year: 2026, settings, provinceName: 'Tỉnh ủy', source: '  ', patches: ok })).toThrow(/văn bản/);
  });

  it('marks the shipped local overlay’s changes too, not as the province’s own', () => {
    const listed = rulesInForce({ rulebookId: 'r2019', overlayIds: ['s000-2021'] });
    const changed = listed.filter((r) => r.changes.length > 0);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.every((r) => r.changes.every((c) => c.overlayId === 's000-2021' && !c.local))).toBe(true);
  });
});
