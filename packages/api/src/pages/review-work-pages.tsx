import { Hono, type Context } from 'hono';
import { CollectiveReviewInput, MemberReviewInput, ReviewPromptAnswer, assertNoControlCharacters, reviewFormFor, reviewSubjectOf, type Caller } from '@kd/domain';
import { CellMeeting } from '@kd/data';
import {
  answerPrompt, cellMeeting, collectiveReviewDocx, groupMeeting, groupMinutesDocx, memberRecord, ratingMinutesDocx, readCollectiveReviewView, readMeetings, readSelfReviewView, scoredRegime, sendReviewPrompt,
  writeCollectiveReview, writeSelfReview,
} from '@kd/services';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import { toDomainError } from '../errors';
import { attachment } from '../content-disposition';
import { action, flash, int, page, str } from './campaign-pages';
import { MeetingsPage } from './review-work/meetings-page';
import { SelfReviewPage } from './review-work/self-review-page';
import { CollectiveReviewPage } from './review-work/collective-review-page';
import { OwnRecordPage } from './review-work/own-record-page';
import { MissingRecordPage } from './review-work/missing-page';
import { sectionsFromForm } from './review-work/form-sections';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const enc = encodeURIComponent;

/** A meeting as its page posts it: the members' rows give attendance and who spoke. */
function meetingFromForm(form: Record<string, unknown>) {
  const ids = Object.keys(form).flatMap((k) => /^absence:(.+)$/.exec(k)?.[1] ?? []);
  const votes = str(form.collectiveVotesFor);
  return CellMeeting.parse({
    heldOn: str(form.heldOn),
    startTime: str(form.startTime),
    endTime: str(form.endTime) || null,
    location: str(form.location),
    chairMemberId: str(form.chairMemberId),
    clerkMemberId: str(form.clerkMemberId),
    attendance: ids.map((id) => ({ memberId: id, present: str(form[`present:${id}`]) === 'on', absenceReason: str(form[`absence:${id}`]) || null })),
    speakers: ids.filter((id) => str(form[`spoke:${id}`]) === 'on').map((id) => ({ memberId: id, summary: str(form[`summary:${id}`]) || null })),
    collectiveVotesFor: votes === '' ? null : Number(votes),
  });
}

/** A download from a page: the file, or, when its record is missing, a page that says what to do. */
async function download(c: Context<AppEnv>, caller: Caller, make: () => Promise<{ bytes: Buffer; fileName: string }>, missing: { code: string; title: string; next: { href: string; label: string } }) {
  try {
    const file = await make();
    return c.body(new Uint8Array(file.bytes), 200, { 'content-type': DOCX, 'content-disposition': attachment(file.fileName) });
  } catch (error) {
    const e = toDomainError(error);
    if (e.code !== missing.code) throw e;
    return c.html(<MissingRecordPage caller={caller} title={missing.title} message={e.message} next={missing.next} />, 422);
  }
}

/** A form post that may come from a member acting for themselves: the use case checks who may write. */
function selfAction(deps: AppDeps, back: (c: Context<AppEnv>, year: number) => string, work: (c: Context<AppEnv>, caller: Caller, year: number, form: Record<string, unknown>) => Promise<string>) {
  return page(deps, async (c, caller, year) => {
    const form = (await c.req.parseBody()) as Record<string, unknown>;
    try {
      assertNoControlCharacters(form);
      const ok = await work(c, caller, year, form);
      return c.redirect(`${back(c, year)}?ok=${enc(ok)}`, 303);
    } catch (error) {
      const e = toDomainError(error);
      if (e.kind !== 'conflict' && e.kind !== 'unprocessable' && e.kind !== 'badRequest') throw e;
      return c.redirect(`${back(c, year)}?error=${enc(e.message)}`, 303);
    }
  });
}

/**
 * The review's own work on pages: the group and cell meetings and their minutes, the self-review
 * (by the member or the cell), the collective review and its Word file, the upper level's review
 * prompts and their answers, and a member's own record.
 */
export function reviewWorkPages(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  const unitBase = (c: Context<AppEnv>, year: number) => `/campaigns/${year}/units/${enc(c.req.param('unitId') ?? '')}`;

  r.get('/campaigns/:year/units/:unitId/meetings', page(deps, async (c, caller, year) => {
    const m = await readMeetings(deps, caller, year, c.req.param('unitId')!);
    return c.html(<MeetingsPage caller={caller} year={year} m={m} flash={flash(c)} />);
  }));

  r.post('/campaigns/:year/units/:unitId/meetings/cell', action(deps, 'results.write', async (c, caller, year, form) => {
    await cellMeeting(deps, caller, year, c.req.param('unitId')!, meetingFromForm(form), int(form.rev));
    return { back: `${unitBase(c, year)}/meetings`, ok: 'Đã ghi nhận cuộc họp chi bộ.' };
  }, (c) => `${unitBase(c, Number(c.req.param('year')))}/meetings`));

  r.post('/campaigns/:year/units/:unitId/meetings/group', action(deps, 'results.write', async (c, caller, year, form) => {
    await groupMeeting(deps, caller, year, c.req.param('unitId')!, meetingFromForm(form));
    return { back: str(form.back).startsWith('/campaigns/') ? str(form.back) : `${unitBase(c, year)}/meetings`, ok: 'Đã ghi nhận cuộc họp của tổ đảng.' };
  }, (c) => `${unitBase(c, Number(c.req.param('year')))}/meetings`));

  r.get('/campaigns/:year/units/:unitId/meetings/minutes.docx', page(deps, (c, caller, year) =>
    download(c, caller, () => ratingMinutesDocx(deps, caller, year, c.req.param('unitId')!), {
      code: 'CELL_MEETING_NOT_RECORDED',
      title: 'Chưa lập được biên bản họp chi bộ',
      next: { href: `${unitBase(c, year)}/meetings`, label: 'Ghi nhận cuộc họp chi bộ (ngày, giờ, địa điểm, chủ trì, thư ký, người dự, ý kiến)' },
    })));

  r.get('/campaigns/:year/units/:unitId/meetings/group-minutes.docx', page(deps, (c, caller, year) =>
    download(c, caller, () => groupMinutesDocx(deps, caller, year, c.req.param('unitId')!), {
      code: 'GROUP_MEETING_NOT_RECORDED',
      title: 'Chưa lập được biên bản họp tổ đảng',
      next: { href: `${unitBase(c, year)}/meetings`, label: 'Ghi nhận cuộc họp của tổ đảng' },
    })));

  r.get('/campaigns/:year/units/:unitId/members/:memberId/self-review', page(deps, async (c, caller, year) => {
    const view = await readSelfReviewView(deps, caller, year, c.req.param('unitId')!, c.req.param('memberId')!);
    const form = scoredRegime(view.campaign) ? reviewFormFor(reviewSubjectOf(view.member, view.unit.sector)).form : null;
    return c.html(<SelfReviewPage caller={caller} year={year} view={view} form={form} closed={view.campaign.closedAt !== null} flash={flash(c)} />);
  }));

  const selfReviewPath = (c: Context<AppEnv>, year: number) => `${unitBase(c, year)}/members/${enc(c.req.param('memberId') ?? '')}/self-review`;
  r.post('/campaigns/:year/units/:unitId/members/:memberId/self-review', selfAction(deps, selfReviewPath, async (c, caller, year, form) => {
    const outsideComments = (['previousCell', 'temporaryCell', 'residence'] as const).flatMap((s) => {
      const text = str(form[`outside:${s}:text`]);
      const unit = str(form[`outside:${s}:unit`]);
      return text || unit ? [{ source: s, authorUnit: unit, text }] : [];
    });
    const input = MemberReviewInput.parse({
      ...sectionsFromForm(form),
      groupComment: str(form.groupComment) || null,
      committeeComment: str(form.committeeComment) || null,
      outsideComments,
    });
    await writeSelfReview(deps, caller, year, c.req.param('unitId')!, c.req.param('memberId')!, input, int(form.rev));
    return 'Đã lưu bản tự kiểm điểm.';
  }));

  r.get('/campaigns/:year/units/:unitId/collective-review', page(deps, async (c, caller, year) => {
    const v = await readCollectiveReviewView(deps, caller, year, c.req.param('unitId')!);
    return c.html(<CollectiveReviewPage caller={caller} year={year} unit={v.unit} review={v.review} prompts={v.prompts} members={v.members} dossier={v.dossier} scored={scoredRegime(v.campaign)} closed={v.campaign.closedAt !== null} flash={flash(c)} />);
  }));

  r.post('/campaigns/:year/units/:unitId/collective-review', action(deps, 'results.write', async (c, caller, year, form) => {
    const input = CollectiveReviewInput.parse({ ...sectionsFromForm(form), draftCirculatedOn: str(form.draftCirculatedOn) || null, commentSources: str(form.commentSources) || null });
    await writeCollectiveReview(deps, caller, year, c.req.param('unitId')!, input, int(form.rev));
    return { back: `${unitBase(c, year)}/collective-review`, ok: 'Đã lưu báo cáo kiểm điểm tập thể.' };
  }, (c) => `${unitBase(c, Number(c.req.param('year')))}/collective-review`));

  r.get('/campaigns/:year/units/:unitId/collective-review.docx', page(deps, async (c, caller, year) =>
    download(c, caller, () => collectiveReviewDocx(deps, caller, year, c.req.param('unitId')!), {
      code: 'NOT_RATED_AS_COLLECTIVE',
      title: 'Không có báo cáo kiểm điểm tập thể',
      next: { href: `${unitBase(c, year)}/review`, label: 'Về trang kiểm điểm của đơn vị' },
    })));

  r.post('/campaigns/:year/units/:unitId/review-prompts', action(deps, 'review.appraise', async (c, caller, year, form) => {
    await sendReviewPrompt(deps, caller, year, c.req.param('unitId')!, { memberId: str(form.memberId) || null, text: str(form.text) });
    return { back: `${unitBase(c, year)}/collective-review`, ok: 'Đã gửi gợi ý kiểm điểm.' };
  }, (c) => `${unitBase(c, Number(c.req.param('year')))}/collective-review`));

  r.post('/campaigns/:year/units/:unitId/review-prompts/:promptId/answer', selfAction(deps, (c, year) => (c.req.header('referer') && new URL(c.req.header('referer')!).pathname.startsWith('/campaigns/') ? new URL(c.req.header('referer')!).pathname : `${unitBase(c, year)}/collective-review`), async (c, caller, year, form) => {
    const { answer } = ReviewPromptAnswer.parse({ answer: str(form.answer) });
    await answerPrompt(deps, caller, year, c.req.param('unitId')!, c.req.param('promptId')!, answer, int(form.rev));
    return 'Đã lưu giải trình.';
  }));

  r.get('/campaigns/:year/units/:unitId/members/:memberId/record', page(deps, async (c, caller, year) => {
    const record = await memberRecord(deps, caller, year, c.req.param('unitId')!, c.req.param('memberId')!);
    return c.html(<OwnRecordPage caller={caller} year={year} record={record} scored={scoredRegime(record.campaign)} />);
  }));

  return r;
}
