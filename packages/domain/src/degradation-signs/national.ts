import data from './national-27.json';
import { DegradationSignList, type DegradationSign } from './degradation-sign';

/**
 * The national list of NQ 04-NQ/TW: 27 signs in 3 groups of 9. Only items 1–3 are the complete
 * official wording; item 4 is a truncated quotation and 5–27 are placeholders (docs/rulebooks.md, "Degradation signs"), all
 * `official: false` until a tenant uploads the official text.
 */
export const nationalDegradationSigns: readonly DegradationSign[] = Object.freeze(DegradationSignList.parse(data));
