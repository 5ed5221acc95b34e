/** A4 in twips (1 mm ≈ 56.7 twips), margins as party documents use them: 20 mm top/bottom/right, 30 mm left. */
export const A4 = { width: 11906, height: 16838 } as const;
export const MARGINS = { top: 1134, bottom: 1134, left: 1701, right: 1134 } as const;
export const CONTENT_WIDTH = A4.width - MARGINS.left - MARGINS.right;

export const FONT = 'Times New Roman';
/** Half-points: 14 pt body, 13 pt tables and the header's committee names. */
export const BODY_SIZE = 28;
export const SMALL_SIZE = 26;
/** First-line indent of body paragraphs (1 cm). */
export const INDENT = 567;
