import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DomainError, classifyComment, CodeCommentBody, CommentBody, MassesComment, takeCodeComment, takeComment, commentHeadingLabels, commentPlace, displayOrder, newCommentId, planSession, signSession } from '@kd/domain';
import { recordedSession } from './fixtures';
import { httpStatus } from '@kd/api/http-status';

const at = new Date('2020-11-10T05:00:00Z');
const valid = { about: 'DV001', channel: 'written', heading: 2, kind: 'shortcoming', text: 'Đôi khi còn nóng nảy khi tiếp dân.' } as const;

function code(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return `${httpStatus[e.kind]} ${e.code}`;
    return (e as Error).name;
  }
  return 'no error';
}

describe('the comment body (POST …/comments)', () => {
  it('accepts the fields of the API and nothing else', () => {
    expect(CommentBody.parse({ ...valid, dissenting: true, responsibility: 'individual' })).toMatchObject({ dissenting: true, responsibility: 'individual' });
    for (const extra of [{ author: 'Nguyễn Văn A' }, { createdAt: '2020-11-10T08:15:00+07:00' }, { ip: '10.0.0.1' }, { userAgent: 'x' }]) {
      const r = CommentBody.safeParse({ ...valid, ...extra });
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]?.code).toBe('unrecognized_keys');
    }
  });

  it('puts a strength or shortcoming under one of the five headings, a proposal under none', () => {
    expect(CommentBody.safeParse({ ...valid, heading: 0 }).success).toBe(false);
    expect(CommentBody.safeParse({ ...valid, heading: 6 }).success).toBe(false);
    expect(CommentBody.safeParse({ ...valid, heading: null }).success).toBe(false);
    expect(CommentBody.safeParse({ ...valid, kind: 'proposal', heading: 3 }).success).toBe(false);
    expect(CommentBody.safeParse({ ...valid, kind: 'proposal', heading: null }).success).toBe(true);
    expect(CommentBody.safeParse({ ...valid, text: '   ' }).success).toBe(false);
    expect(CommentBody.safeParse({ ...valid, channel: 'email' }).success).toBe(false);
  });

  it('names the headings as the comment form prints them', () => {
    expect(Object.values(commentHeadingLabels).slice(0, 4)).toEqual(['Tư tưởng chính trị', 'Phẩm chất, đạo đức, lối sống', 'Thực hiện chức trách (nhiệm vụ được giao)', 'Ý thức tổ chức, kỷ luật']);
    expect(commentHeadingLabels[5]).toMatch(/^Việc khắc phục những khuyết điểm, hạn chế đã được góp ý năm trước/);
    expect(commentPlace({ kind: 'strength', heading: 1 })).toBe('Ưu điểm — 1. Tư tưởng chính trị');
    expect(commentPlace({ kind: 'proposal', heading: null })).toBe('Đề xuất');
  });
});

describe('taking a comment at a session (R-MASS-08, R-MASS-11)', () => {
  it('stores no author and no time finer than the session day; dissent is kept', () => {
    const c = takeComment(recordedSession(), { ...valid, dissenting: true }, 'id-1');
    expect(c).toEqual({
      id: 'id-1', sessionId: 'S1', unitId: 'C1', year: 2020, day: '2020-11-10',
      about: 'DV001', channel: 'written', heading: 2, kind: 'shortcoming', text: valid.text, dissenting: true, responsibility: null,
    });
    expect(MassesComment.safeParse({ ...c, author: 'x' }).success).toBe(false);
    expect(MassesComment.safeParse({ ...c, postedAt: '2020-11-10T08:15:00+07:00' }).success).toBe(false);
  });

  it('is about a member on the session list or about the collective', () => {
    expect(takeComment(recordedSession(), { ...valid, about: null }, 'id').about).toBeNull();
    expect(takeComment(recordedSession(), { ...valid, about: 'DV003' }, 'id').about).toBe('DV003');
    expect(code(() => takeComment(recordedSession(), { ...valid, about: 'DV999' }, 'id'))).toBe('422 COMMENT_ABOUT_UNKNOWN_MEMBER');
  });

  it('is taken only while the session is recorded and not yet signed by all three', () => {
    const planned = planSession({ id: 'S2', unitId: 'C1', year: 2020, plan: { startsAt: '2020-11-12T08:00' } });
    expect(code(() => takeComment(planned, valid, 'id'))).toBe('409 SESSION_NOT_RECORDED');
    let s = recordedSession();
    for (const role of ['chair', 'clerk', 'massesRepresentative'] as const) s = signSession(s, { role, name: 'Người Ký' }, at);
    expect(code(() => takeComment(s, valid, 'id'))).toBe('409 SESSION_COMPLETE');
  });

  it('from the phone form is written, and its writer cannot set dissent or responsibility', () => {
    const c = takeCodeComment(recordedSession(), { code: '7K3M-Q9TX-R2WD', about: 'DV002', heading: 3, kind: 'strength', text: 'Tận tình.' }, 'id');
    expect([c.channel, c.dissenting, c.responsibility]).toEqual(['written', false, null]);
    expect(JSON.stringify(c)).not.toContain('7K3M');
    expect(CodeCommentBody.safeParse({ code: 'x', about: null, heading: null, kind: 'proposal', text: 'a', dissenting: true }).success).toBe(false);
    expect(CodeCommentBody.safeParse({ code: 'x', about: null, heading: null, kind: 'proposal', text: 'a', channel: 'oral' }).success).toBe(false);
  });

  it('is classed later by the committee, on a complete session too', () => {
    let s = recordedSession();
    const c = takeComment(s, valid, 'id');
    for (const role of ['chair', 'clerk', 'massesRepresentative'] as const) s = signSession(s, { role, name: 'Người Ký' }, at);
    expect(classifyComment(c, { responsibility: 'collective' })).toMatchObject({ responsibility: 'collective', dissenting: false });
    expect(classifyComment(c, { dissenting: true })).toMatchObject({ responsibility: null, dissenting: true });
    expect(classifyComment({ ...c, responsibility: 'individual' }, { responsibility: null }).responsibility).toBeNull();
    expect(code(() => classifyComment(c, {}))).toBe('ZodError');
    expect(code(() => classifyComment(c, { text: 'changed' } as never))).toBe('ZodError');
  });
});

describe('order and ids unrelated to arrival', () => {
  it('makes random version-4 ids that do not sort by time', () => {
    const ids = Array.from({ length: 200 }, () => newCommentId());
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).not.toEqual(ids);
  });

  it('gives the same order whatever order the comments arrive in, and the same on every read', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.uuid(), { minLength: 1, maxLength: 30 }), fc.string({ minLength: 1 }), fc.infiniteStream(fc.nat()), (ids, key, noise) => {
        const arrival = ids.map((id, i) => ({ id, arrived: i }));
        const shuffled = [...arrival].sort(() => (noise.next().value % 3) - 1);
        const once = displayOrder(arrival, key).map((c) => c.id);
        expect(displayOrder(shuffled, key).map((c) => c.id)).toEqual(once);
        expect(displayOrder(arrival, key).map((c) => c.id)).toEqual(once);
      }),
    );
  });

  it('does not replay arrival: over many sessions, the first to arrive is shown first about as often as chance', () => {
    let first = 0;
    const sessions = 400;
    for (let s = 0; s < sessions; s++) {
      const arrival = Array.from({ length: 8 }, () => ({ id: newCommentId() }));
      if (displayOrder(arrival, `session-${s}`)[0] === arrival[0]) first++;
    }
    // Chance is 1/8 = 50 of 400; arrival order would give 400.
    expect(first).toBeGreaterThan(15);
    expect(first).toBeLessThan(100);
  });

  it('depends on the key: another key, another order', () => {
    const comments = Array.from({ length: 12 }, (_, i) => ({ id: `c-${i}` }));
    expect(displayOrder(comments, 'a').map((c) => c.id)).not.toEqual(displayOrder(comments, 'b').map((c) => c.id));
  });
});
