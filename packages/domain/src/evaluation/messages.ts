import { ratingLabels, type Rating } from '../rating';
import type { Rule } from '../rulebook/schema';

/** A violation message: the rule's explanation from the rulebook, then what was found. */
export function violationMessage(rule: Pick<Rule, 'explanation'>, detail?: string): string {
  return (detail ? `${rule.explanation} ${detail}` : rule.explanation).normalize('NFC');
}

export function label(rating: Rating): string {
  return ratingLabels[rating];
}
