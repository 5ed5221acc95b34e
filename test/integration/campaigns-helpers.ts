import type { Identity } from '@kd/api';
import type { MemberFactsInput } from '@kd/domain';
import type { TestApp } from '../support/app';

/** Small wrappers over the campaign API for the integration tests (not a test file itself). */
export function campaignApi(t: TestApp, year = 2021) {
  const base = (unitId: string) => `/api/v1/campaigns/${year}/units/${unitId}`;
  const send = (as: Identity, path: string, method = 'GET', body?: unknown) =>
    t.request(path, { as, method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const review = async (as: Identity, unitId: string) => {
    const res = await send(as, `${base(unitId)}/review`);
    if (res.status !== 200) throw new Error(`review ${unitId}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  return {
    base,
    send,
    review,
    /** Writes one member's facts with the revisions the review shows now. */
    async putFacts(as: Identity, unitId: string, memberId: string, facts: MemberFactsInput) {
      const r = await review(as, unitId);
      const row = r.members.find((m: { member: { id: string } }) => m.member.id === memberId);
      return send(as, `${base(unitId)}/members/${memberId}/results`, 'PUT', { facts, rowRev: row?.rowRev ?? null, dossierRev: r.dossier.rev });
    },
    async setCollective(as: Identity, unitId: string, decided: string | null, proposed?: string | null) {
      const r = await review(as, unitId);
      return send(as, `${base(unitId)}/collective`, 'PUT', { decided, ...(proposed === undefined ? {} : { proposed }), rev: r.dossier.rev });
    },
    async submit(as: Identity, unitId: string) {
      const r = await review(as, unitId);
      return send(as, `${base(unitId)}/submit`, 'POST', { rev: r.dossier.rev });
    },
    memberEvaluation: (as: Identity, unitId: string, memberId: string) => send(as, `${base(unitId)}/members/${memberId}/evaluation`),
    unitEvaluation: (as: Identity, unitId: string) => send(as, `${base(unitId)}/evaluation`),
  };
}
