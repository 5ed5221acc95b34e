import type { CommentBody, RemediationBody, SessionRecordBody, WorkplaceBody } from '@kd/domain';

/*
 * Form posts of the masses pages read into the API's bodies: only the named fields are read, so a
 * field added by a later middleware (a CSRF token) or by anyone else is never stored.
 */
export type Form = Record<string, unknown>;

export const str = (v: unknown) => (typeof v === 'string' ? v.normalize('NFC').trim() : '');
const int = (v: unknown) => {
  const s = str(v);
  return s === '' ? 0 : Number(s);
};
const orNull = (v: unknown) => (str(v) === '' ? null : str(v));

export function workplaceFromForm(form: Form): WorkplaceBody {
  return { name: str(form.name), staff: { permanent: int(form.permanent), longTerm: int(form.longTerm), shortTerm: int(form.shortTerm), productionLine: int(form.productionLine) } };
}

/** The session form: one row per member of the subtree; a member is on the list when `include_<id>` is ticked. */
export function recordFromForm(form: Form, memberIds: readonly string[]): SessionRecordBody {
  const lines = (v: unknown) => str(v).split(/\r?\n/).map((s) => s.trim()).filter(Boolean);
  return {
    startsAt: str(form.startsAt),
    endsAt: str(form.endsAt),
    place: str(form.place),
    chair: str(form.chair),
    clerk: str(form.clerk),
    committeeRepresentative: str(form.committeeRepresentative),
    massesPresent: int(form.massesPresent),
    guests: lines(form.guests),
    acknowledgement: orNull(form.acknowledgement),
    members: memberIds
      .filter((id) => str(form[`include_${id}`]) === 'on')
      .map((id) => ({
        memberId: id,
        present: str(form[`present_${id}`]) !== 'absent',
        absenceReason: orNull(form[`absence_${id}`]),
        duties: orNull(form[`duties_${id}`]),
        summary: orNull(form[`summary_${id}`]),
      })),
  };
}

/** A comment as the clerk keys it in (oral, or from a paper form). */
export function commentFromForm(form: Form): CommentBody {
  const kind = str(form.kind) as CommentBody['kind'];
  return {
    about: orNull(form.about),
    channel: str(form.channel) as CommentBody['channel'],
    heading: kind === 'proposal' || str(form.heading) === '' ? null : (Number(str(form.heading)) as 1),
    kind,
    text: str(form.text),
    dissenting: str(form.dissenting) === 'on',
  };
}

/** The phone form: the code, whom it is about, where it sits on the form, the text. Nothing else is read. */
export function codeCommentFromForm(form: Form) {
  const { channel: _channel, dissenting: _dissenting, ...rest } = commentFromForm(form);
  return { ...rest, code: str(form.code) };
}

export function remediationFromForm(form: Form): RemediationBody {
  const ids = form.commentIds;
  const commentIds = (Array.isArray(ids) ? ids : ids === undefined ? [] : [ids]).map(str).filter(Boolean);
  return { commentIds, text: str(form.text), owner: str(form.owner), deadline: str(form.deadline), responsibility: str(form.responsibility) as RemediationBody['responsibility'] };
}
