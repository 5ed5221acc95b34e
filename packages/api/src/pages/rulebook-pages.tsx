import { Hono } from 'hono';
import { RuleEdit, roleMay } from '@kd/domain';
import { z } from 'zod';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import { action, flash, int, page, str } from './campaign-pages';
import { RulebookPage, OverlayPreviewPage } from './campaign/rulebook-page';
import { editsFromForm } from './campaign/overlay-form';
import { applyOverlay, previewOverlay, readRulebook, unitInScope } from '@kd/services';
import { toDomainError } from '../errors';

/**
 * The rulebook of a campaign as a page (every rule in force, its anchor for the violations that
 * cite it) and the province board's overlay form: preview first (what changes, which dossiers
 * already sent up it re-evaluates), then the confirmation that applies it.
 */
export function rulebookPages(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  const rulebookPath = (year: number, unitId: string) => `/campaigns/${year}/units/${encodeURIComponent(unitId)}/rulebook`;

  r.get('/campaigns/:year/units/:unitId/rulebook', page(deps, async (c, caller, year) => {
    const { unit, campaign, rules, versions } = await readRulebook(deps, caller, year, c.req.param('unitId')!);
    const editable = campaign.closedAt === null && roleMay(caller.role, 'campaign.manage') && unit.kind === 'province' && unit.parentId === null;
    return c.html(<RulebookPage caller={caller} unit={unit} campaign={campaign} rules={rules} versions={versions} editable={editable} flash={flash(c)} />);
  }));

  r.post('/campaigns/:year/units/:unitId/rulebook/preview', page(deps, async (c, caller, year) => {
    const unitId = c.req.param('unitId')!;
    await unitInScope(deps.store, caller, unitId, 'campaign.manage');
    const form = (await c.req.parseBody()) as Record<string, unknown>;
    const { rules } = await readRulebook(deps, caller, year, unitId);
    const edits = editsFromForm(form, rules);
    const change = { source: str(form.source), edits, expectedVersion: int(form.expectedVersion) };
    try {
      const preview = await previewOverlay(deps, caller, year, unitId, change);
      const unit = await unitInScope(deps.store, caller, unitId, 'campaign.manage');
      return c.html(
        <OverlayPreviewPage caller={caller} unit={unit} year={year} patches={preview.overlay.patches} affected={preview.affected} checked={preview.checked}
          confirm={{ edits: JSON.stringify(edits), source: change.source, expectedVersion: change.expectedVersion }} />,
      );
    } catch (error) {
      const e = toDomainError(error);
      if (e.kind !== 'conflict' && e.kind !== 'unprocessable' && e.kind !== 'badRequest') throw e;
      return c.redirect(`${rulebookPath(year, unitId)}?error=${encodeURIComponent(e.message)}`, 303);
    }
  }));

  r.post('/campaigns/:year/units/:unitId/rulebook/confirm', action(deps, 'campaign.manage', async (c, caller, year, form) => {
    const unitId = c.req.param('unitId')!;
    const edits = z.array(RuleEdit).parse(JSON.parse(str(form.edits) || '[]'));
    const { localOverlay } = await applyOverlay(deps, caller, year, unitId, { source: str(form.source), edits, expectedVersion: int(form.expectedVersion) });
    return { back: rulebookPath(year, unitId), ok: `Đã áp dụng bộ quy tắc của tỉnh, phiên bản ${localOverlay.version}; ${localOverlay.affected.length} hồ sơ đã gửi lên có kết quả thay đổi được đánh dấu trên trang thẩm định.` };
  }));

  return r;
}
