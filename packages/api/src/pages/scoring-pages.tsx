import { Hono, type Context } from 'hono';
import { DomainError, Rating, ReviewForm, isEditable, roleMay, type Caller } from '@kd/domain';
// The frameworks' one module, not through the front door: the pages load late, and the API's cold start must not carry it.
import { framework } from '@kd/domain/scoring/catalogue';
import { getDossier } from '@kd/data';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import { action, flash, int, page, str } from './campaign-pages';
import { SchemePage, SheetPage, pointsFromForm } from './campaign/scoring-views';
import { sheetMemberInScope, readSchemes, readSheet, saveSheet, setScheme } from '@kd/services';

function appendixOf(raw: string | undefined): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 5) throw new DomainError('FRAMEWORK_NOT_FOUND', 'Không có khung tiêu chí này (Phụ lục 1 đến 5).');
  return n;
}

/** Scoring pages of the 100-point regime: a province's or a bloc's points per criterion, and the sheets a cell keys in. */
export function scoringPages(deps: AppDeps) {
  const r = new Hono<AppEnv>();

  r.get('/campaigns/:year/units/:unitId/scoring/:appendix', page(deps, async (c, caller, year) => {
    const appendix = appendixOf(c.req.param('appendix'));
    const { unit, campaign, own, province } = await readSchemes(deps, caller, year, c.req.param('unitId')!, appendix);
    const closed = campaign.closedAt !== null;
    const editable = !closed && roleMay(caller.role, 'scoring.manage') && (unit.kind === 'province' || unit.kind === 'bloc');
    return c.html(<SchemePage caller={caller} unit={unit} year={year} framework={framework(appendix)} own={own} province={province} editable={editable} closed={closed} flash={flash(c)} />);
  }));

  r.post('/campaigns/:year/units/:unitId/scoring/:appendix', action(deps, 'scoring.manage', async (c, caller, year, form) => {
    const unitId = c.req.param('unitId')!;
    const appendix = appendixOf(c.req.param('appendix'));
    const back = `/campaigns/${year}/units/${encodeURIComponent(unitId)}/scoring/${appendix}`;
    await setScheme(deps, caller, year, unitId, { appendix, source: str(form.source), points: pointsFromForm(form), rev: int(form.rev) });
    return { back, ok: `Đã lưu điểm từng tiêu chí của Phụ lục ${appendix}.` };
  }));

  for (const who of ['collective', 'member'] as const) {
    const path = who === 'member' ? '/campaigns/:year/units/:unitId/members/:memberId/score-sheet' : '/campaigns/:year/units/:unitId/score-sheet';
    r.get(path, page(deps, async (c, caller, year) => {
      const form = c.req.query('form');
      const variant = c.req.query('variant');
      const view = await readSheet(deps, caller, year, c.req.param('unitId')!, who === 'member' ? c.req.param('memberId')! : null, {
        ...(form ? { form: ReviewForm.parse(form) } : {}),
        ...(variant ? { variant } : {}),
      });
      const dossier = await getDossier(deps.store, caller.tenant, view.unit.id, year);
      const closed = view.campaign.closedAt !== null;
      // A member reaching the page reaches their own sheet (readSheet refused anyone else's): theirs to fill.
      const editable = !closed && (roleMay(caller.role, 'results.write') || caller.role === 'member') && isEditable(dossier.state);
      return c.html(<SheetPage caller={caller} view={view} year={year} editable={editable} closed={closed} flash={flash(c)} />);
    }));
    // A member's sheet: the member signed in for themselves fills their own (the scope check answers before the form is read).
    const scope = who === 'member' ? (c: Context<AppEnv>, caller: Caller) => sheetMemberInScope(deps, caller, c.req.param('unitId')!, c.req.param('memberId')!, 'results.write') : 'results.write' as const;
    r.post(path, action(deps, scope, async (c, caller, year, form) => {
      const unitId = c.req.param('unitId')!;
      const memberId = who === 'member' ? c.req.param('memberId')! : null;
      const back = path.replace(':year', String(year)).replace(':unitId', encodeURIComponent(unitId)).replace(':memberId', encodeURIComponent(memberId ?? ''));
      const scores: Record<string, number> = {};
      for (const [k, v] of Object.entries(form)) if (k.startsWith('sc:') && str(v) !== '') scores[k.slice(3)] = Number(str(v).replace(',', '.'));
      await saveSheet(deps, caller, year, unitId, memberId, {
        ...(who === 'member' ? { form: ReviewForm.parse(str(form.form)) } : {}),
        variant: str(form.variant) || null,
        scores,
        proposed: str(form.proposed) ? Rating.parse(str(form.proposed)) : null,
        rev: int(form.rev),
      });
      return { back, ok: 'Đã lưu phiếu chấm điểm; tổng điểm đã thành điểm của năm.' };
    }));
  }
  return r;
}
