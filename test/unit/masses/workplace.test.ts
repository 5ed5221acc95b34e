import { describe, expect, it } from 'vitest';
import { traVinhMassesSettings as settings, countedMasses, StaffByContract, carryForwardWorkplaces, countWorkplaces, effectiveWorkplace, massesOf, subtreeWorkplaces, Workplace, WorkplaceBody } from '@kd/domain';

const staff = (s: Partial<StaffByContract>) => StaffByContract.parse(s);
const workplace = (unitId: string, s: Partial<StaffByContract>, name = `Cơ quan ${unitId}`) => Workplace.parse({ unitId, year: 2020, name, staff: staff(s) });

describe('workplaces and their counted masses (R-MASS-02/03)', () => {
  it('T30: 4 long-term staff and 10 short-term workers count 4: no session', () => {
    expect(massesOf(staff({ longTerm: 4, shortTerm: 10 }), settings)).toEqual({ countedMasses: 4, sessionRequired: false, status: 'notOrganised' });
  });

  it('T31: 6 permanent non-members: a session is required', () => {
    expect(massesOf(staff({ permanent: 6 }), settings)).toEqual({ countedMasses: 6, sessionRequired: true, status: 'required' });
  });

  it('exactly 5 counted masses is enough (from 05 up)', () => {
    expect(massesOf(staff({ permanent: 3, longTerm: 2, shortTerm: 40, productionLine: 100 }), settings)).toEqual({ countedMasses: 5, sessionRequired: true, status: 'required' });
  });

  it('4 permanent staff and 20 short-term: not organised', () => {
    expect(massesOf(staff({ permanent: 4, shortTerm: 20 }), settings)).toMatchObject({ countedMasses: 4, sessionRequired: false, status: 'notOrganised' });
  });

  it('never counts production-line workers, and counts a kind only once even if listed twice', () => {
    expect(countedMasses(staff({ productionLine: 500 }), settings.countedContracts.value)).toBe(0);
    expect(countedMasses(staff({ permanent: 2 }), ['permanent', 'permanent'])).toBe(2);
  });

  it('reads the PUT body strictly: a name, staff by contract, nothing else', () => {
    expect(WorkplaceBody.parse({ name: '  Sở  Tài chính ', staff: { permanent: 6 } })).toEqual({
      name: 'Sở Tài chính',
      staff: { permanent: 6, longTerm: 0, shortTerm: 0, productionLine: 0 },
    });
    expect(WorkplaceBody.safeParse({ name: 'Sở Tài chính', staff: { permanent: -1 } }).success).toBe(false);
    expect(WorkplaceBody.safeParse({ name: 'Sở Tài chính', staff: { permanent: 1.5 } }).success).toBe(false);
    expect(WorkplaceBody.safeParse({ name: 'Sở Tài chính', staff: { interns: 3 } }).success).toBe(false);
    expect(WorkplaceBody.safeParse({ name: ' ', staff: {} }).success).toBe(false);
  });
});

describe('a workplace shared by the units below it', () => {
  // The base committee owns the enterprise; two of its cells share it; a third cell has its own branch.
  const units = [
    { id: 'B', path: ['P', 'B'] },
    { id: 'BC', path: ['P', 'B', 'BC'] },
    { id: 'C1', path: ['P', 'B', 'BC', 'C1'] },
    { id: 'C2', path: ['P', 'B', 'BC', 'C2'] },
    { id: 'C3', path: ['P', 'B', 'BC', 'C3'] },
  ];
  const enterprise = workplace('BC', { permanent: 40, productionLine: 200 }, 'Công ty Cổ phần Dược Trà Vinh');
  const branch = workplace('C3', { permanent: 3 }, 'Chi nhánh Cầu Ngang');
  const byUnit = new Map([enterprise, branch].map((w) => [w.unitId, w]));

  it('is the workplace of the cells below its owner, unless they declared their own', () => {
    expect(effectiveWorkplace(units[2]!, byUnit)).toBe(enterprise);
    expect(effectiveWorkplace(units[3]!, byUnit)).toBe(enterprise);
    expect(effectiveWorkplace(units[4]!, byUnit)).toBe(branch);
    expect(effectiveWorkplace(units[0]!, byUnit)).toBeNull();
  });

  it('counts once in any subtree that holds its owner, and not in a subtree below the owner', () => {
    expect(countWorkplaces(subtreeWorkplaces(units, 'B', [enterprise, branch]), settings)).toEqual({ units: 2, unitsRequired: 1 });
    expect(countWorkplaces(subtreeWorkplaces(units, 'BC', [enterprise, branch]), settings)).toEqual({ units: 2, unitsRequired: 1 });
    expect(countWorkplaces(subtreeWorkplaces(units, 'C1', [enterprise, branch]), settings)).toEqual({ units: 0, unitsRequired: 0 });
    expect(countWorkplaces(subtreeWorkplaces(units, 'C3', [enterprise, branch]), settings)).toEqual({ units: 1, unitsRequired: 0 });
  });

  it('copies last year forward with the new year', () => {
    const next = carryForwardWorkplaces([enterprise], 2021);
    expect(next).toEqual([{ ...enterprise, year: 2021 }]);
    next[0]!.staff.permanent = 1;
    expect(enterprise.staff.permanent).toBe(40);
  });
});
