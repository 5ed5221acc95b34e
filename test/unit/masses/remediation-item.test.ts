import { describe, expect, it } from 'vitest';
import { DomainError, isOverdue, newRemediationItem, RemediationBody, remediationDeadlineText, setRemediationStatus } from '@kd/domain';
import { httpStatus } from '@kd/api/http-status';

const body: RemediationBody = { commentIds: ['k1', 'k2'], text: 'Tăng cường đi cơ sở, nắm tình hình người dân.', owner: 'Đồng chí Nguyễn Văn Tám', deadline: '2020-12-31', responsibility: 'individual' };
const comments = [{ id: 'k1' }, { id: 'k2' }, { id: 'k3' }];
const item = () => newRemediationItem({ id: 'R1', unitId: 'C1', year: 2020, body }, comments);

describe('remediation items (R-MASS-11)', () => {
  it('start open, linked to comments of the unit', () => {
    expect(item()).toMatchObject({ id: 'R1', status: 'open', doneOn: null, commentIds: ['k1', 'k2'], deadline: '2020-12-31' });
  });

  it('refuse comments that are not the unit’s', () => {
    try {
      newRemediationItem({ id: 'R1', unitId: 'C1', year: 2020, body: { ...body, commentIds: ['k1', 'elsewhere'] } }, comments);
      throw new Error('did not throw');
    } catch (e) {
      expect([httpStatus[(e as DomainError).kind], (e as DomainError).code, (e as DomainError).details]).toEqual([422, 'REMEDIATION_COMMENT_UNKNOWN', { commentIds: ['elsewhere'] }]);
    }
  });

  it('need an owner, a deadline, a responsibility; nothing else', () => {
    expect(RemediationBody.safeParse({ ...body, owner: ' ' }).success).toBe(false);
    expect(RemediationBody.safeParse({ ...body, deadline: '31/12/2020' }).success).toBe(false);
    expect(RemediationBody.safeParse({ ...body, responsibility: 'shared' }).success).toBe(false);
    expect(RemediationBody.safeParse({ ...body, status: 'done' }).success).toBe(false);
  });

  it('are overdue from the day after the deadline while open, as of the day given', () => {
    const open = item();
    expect(isOverdue(open, '2020-12-31')).toBe(false);
    expect(isOverdue(open, '2021-01-01')).toBe(true);
    expect(remediationDeadlineText(open, '2021-01-01')).toBe('Hạn 31/12/2020 — quá hạn');
    const done = setRemediationStatus(open, { status: 'done' }, '2021-01-05');
    expect([done.status, done.doneOn, isOverdue(done, '2021-06-01')]).toEqual(['done', '2021-01-05', false]);
    expect(setRemediationStatus(done, { status: 'open' }, '2021-01-06')).toMatchObject({ status: 'open', doneOn: null });
  });

  it('refuse a status they already have', () => {
    expect(() => setRemediationStatus(item(), { status: 'open' }, '2020-12-01')).toThrow(expect.objectContaining({ code: 'REMEDIATION_STATUS_UNCHANGED' }));
  });
});
