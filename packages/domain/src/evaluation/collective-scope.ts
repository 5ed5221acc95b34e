import type { ResolvedRulebook } from '../rulebook/schema';
import { isPartyOrganisation, type UnitKind } from '../unit-kind';

/**
 * Whether units of `kind` are rated as collectives under `rulebook`: the kinds its
 * `collectiveScope` rule names (r2025 adds the committees directly above base organisations,
 * HD 43-HD/BTCTW mục 3), else the party organisations of every earlier regime. The roll-up
 * counts these in `units`, and only these get a collective evaluation.
 *
 * @example isRatedCollective(resolveRulebook('r2025'), 'bloc') // true; under r2019 false
 */
export function isRatedCollective(rulebook: ResolvedRulebook, kind: UnitKind): boolean {
  const scope = rulebook.rules.find((r) => r.enabled && r.check === 'collectiveScope');
  const kinds = scope?.params.unitKinds;
  return Array.isArray(kinds) ? (kinds as readonly unknown[]).includes(kind) : isPartyOrganisation(kind);
}
