import { DomainError } from '../errors/index';
import { toVietnamIso } from '../local-date';
import { MassesSession, SignatureBody, signatureRoleLabels, signatureRoles, type Signature, type SignatureRole } from './masses-session';
import { assertNotComplete } from './session-record';

/** The roles still to sign the minutes, in the order the minutes print them. */
export function missingSignatures(session: Pick<MassesSession, 'signatures'>): SignatureRole[] {
  const signed = new Set(session.signatures.map((s) => s.role));
  return signatureRoles.filter((r) => !signed.has(r));
}

/**
 * One signature on the minutes (R-MASS-10). Signing needs a recorded session (409
 * `SESSION_NOT_RECORDED`), each role signs once (409 `ALREADY_SIGNED`), and the third signature
 * makes the session complete: from then on its record is frozen.
 */
export function signSession(session: MassesSession, raw: SignatureBody, at: Date): MassesSession {
  assertNotComplete(session);
  if (session.state !== 'recorded' || !session.record) {
    throw new DomainError('SESSION_NOT_RECORDED', 'Buổi tự phê bình chưa được ghi biên bản; chưa thể ký.');
  }
  const body = SignatureBody.parse(raw);
  if (session.signatures.some((s) => s.role === body.role)) {
    throw new DomainError('ALREADY_SIGNED', `${signatureRoleLabels[body.role]} đã ký biên bản.`, { role: body.role });
  }
  const signature: Signature = { ...body, signedAt: toVietnamIso(at) };
  const signatures = [...session.signatures, signature];
  const complete = signatureRoles.every((r) => signatures.some((s) => s.role === r));
  return MassesSession.parse({ ...session, signatures, state: complete ? 'complete' : 'recorded' });
}
