import { DomainError } from '../errors/index';
import { groupCheckParams, historyCheckParams, isGroupCheck, isHistoryCheck, isMemberCheck, isUnitCheck, memberCheckParams, unitCheckParams } from './check-vocabulary';
import { baseRulebook, rulebookOverlay } from './catalogue';
import { ruleKey, type BaseRulebook, type ResolvedRulebook, type Rule, type RulebookOverlay } from './schema';

/**
 * Applies overlays to a base rulebook, in order: an overlay rule with the key (`id` + `clause`) of
 * an existing rule replaces it in place, a new key is appended; a patch merges params and may
 * change severity, level or `enabled`. Every rule's params are then validated against its check
 * and defaults filled in, so the engine reads complete params.
 *
 * @example
 * const book = resolveRulebook('r2019', ['s000-2021']);
 * book.id; // 'r2019+s000-2021'
 */
export function resolveRulebook(baseId: string, overlayIdList: readonly string[] = []): ResolvedRulebook {
  return resolveRulebookFrom(baseRulebook(baseId), overlayIdList.map(rulebookOverlay));
}

export function resolveRulebookFrom(base: BaseRulebook, overlays: readonly RulebookOverlay[] = []): ResolvedRulebook {
  const rules = new Map<string, Rule>(base.rules.map((r) => [ruleKey(r), r]));
  if (rules.size !== base.rules.length) throw invalid(`Bộ quy tắc ${base.id} có mã quy tắc trùng nhau.`);
  for (const overlay of overlays) {
    if (!overlay.appliesTo.includes(base.id)) {
      throw new DomainError('RULEBOOK_OVERLAY_MISMATCH', `Bộ quy tắc bổ sung ${overlay.id} không áp dụng cho ${base.id}.`);
    }
    for (const rule of overlay.rules) rules.set(ruleKey(rule), rule);
    for (const patch of overlay.patches) {
      const key = ruleKey(patch);
      const rule = rules.get(key);
      if (!rule) throw invalid(`Bộ quy tắc bổ sung ${overlay.id} sửa quy tắc ${key} không có trong ${base.id}.`);
      const { interpretation: _replaced, ...rest } = rule;
      const interpretation = patch.interpretation === undefined ? rule.interpretation : (patch.interpretation ?? undefined);
      rules.set(key, {
        ...rest,
        params: { ...rule.params, ...patch.params },
        severity: patch.severity ?? rule.severity,
        level: patch.level ?? rule.level,
        enabled: patch.enabled ?? rule.enabled,
        source: `${rule.source}; ${patch.source}`,
        ...(interpretation ? { interpretation } : {}),
      });
    }
  }
  return {
    id: [base.id, ...overlays.map((o) => o.id)].join('+'),
    baseId: base.id,
    overlayIds: overlays.map((o) => o.id),
    rules: [...rules.values()].map(withCheckedParams),
  };
}

function withCheckedParams(rule: Rule): Rule {
  let params: Record<string, unknown> = rule.params;
  // A check used by both members and units (head) has one params shape for both.
  const schemas = [
    isMemberCheck(rule.check) ? memberCheckParams[rule.check] : undefined,
    isUnitCheck(rule.check) ? unitCheckParams[rule.check] : undefined,
    isGroupCheck(rule.check) ? groupCheckParams[rule.check] : undefined,
    isHistoryCheck(rule.check) ? historyCheckParams[rule.check] : undefined,
  ];
  for (const schema of schemas) {
    if (!schema) continue;
    const parsed = schema.safeParse(rule.params);
    if (!parsed.success) throw invalid(`Tham số của quy tắc ${ruleKey(rule)} (${rule.check}) không hợp lệ: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
    params = parsed.data;
  }
  return { ...rule, params: params as Rule['params'] };
}

function invalid(message: string): DomainError {
  return new DomainError('RULEBOOK_INVALID', message);
}
