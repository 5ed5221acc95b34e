import type { CommentBody, RemediationBody, SessionRecordBody, WorkplaceBody } from '@kd/domain';

/*
 * Form posts of the masses pages read into the API's bodies: only the named fields are read, so a
 * field added by a later middleware (a CSRF token) or by anyone else is never stored.
 */
export type Form = Record<string, unknown>;

export const formText = (v: unknown) => (typeof v === 'string' ? v.normalize('NFC').trim() : '');
const int = (v: unknown) => {
  const s = formText(v);
  return s === '' ? 0 : Number(s);
};
const orNull = (v: unknown) => (formText(v) === '' ? null : formText(v));

export function workplaceFromForm(form: Form): WorkplaceBody {
  return { name: formText(form.name), staff: { permanent: int(form.permanent), longTerm: int(form.longTerm), shortTerm: int(form.shortTerm), productionLine: int(form.productionLine) } };
}

/** The session form: one row per member of the subtree; a member is on the list when `include_<id>` is ticked. */
export function recordFromForm(form: Form, memberIds: readonly string[]): SessionRecordBody {
  const lines = (v: unknown) => formText(v).split(/\r?\n/).map((s) => s.trim()).filter(Boolean);
  return {
    startsAt: formText(form.startsAt),
    endsAt: formText(form.endsAt),
    place: formText(form.place),
    chair: formText(form.chair),
    clerk: formText(form.clerk),
    committeeRepresentative: formText(form.committeeRepresentative),
    massesPresent: int(form.massesPresent),
    guests: lines(form.guests),
    acknowledgement: orNull(form.acknowledgement),
    members: memberIds
      .filter((id) => formText(form[`include_${id}`]) === 'on')
      .map((id) => ({
        memberId: id,
        present: formText(form[`present_${id}`]) !== 'absent',
        absenceReason: orNull(form[`absence_${id}`]),
        duties: orNull(form[`duties_${id}`]),
        summary: orNull(form[`summary_${id}`]),
      })),
  };
}

/** A comment as the clerk keys it in (oral, or from a paper form). */
export function commentFromForm(form: Form): CommentBody {
  const kind = formText(form.kind) as CommentBody['kind'];
  return {
    about: orNull(form.about),
    channel: formText(form.channel) as CommentBody['channel'],
    heading: kind === 'proposal' || formText(form.heading) === '' ? null : (Number(formText(form.heading)) as 1),
    kind,
    text: formText(form.text),
    dissenting: formText(form.dissenting) === 'on',
  };
}

/** The phone form: the code, whom it is about, where it sits on the form, the text. Nothing else is read. */
export function codeCommentFromForm(form: Form) {
  const { channel: _channel, dissenting: _dissenting, ...rest } = commentFromForm(form);
  return { ...rest, code: formText(form.code) };
}

export function remediationFromForm(form: Form): RemediationBody {
  const ids = form.commentIds;
  const commentIds = (Array.isArray(ids) ? ids : ids === undefined ? [] : [ids]).map(formText).filter(Boolean);
  return { commentIds, text: formText(form.text), owner: formText(form.owner), deadline: formText(form.deadline), responsibility: formText(form.responsibility) as RemediationBody['responsibility'] };
}
