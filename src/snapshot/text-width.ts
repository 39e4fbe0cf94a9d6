/**
 * The advance width of text in DejaVu Sans (the font the snapshot names first), in ems, by
 * character class. The snapshot writes each label with this width as its `textLength`, so the
 * renderer stretches or squeezes the glyphs to exactly the box the label placement reserved,
 * whatever font it finds: boxes that do not overlap on paper do not overlap on screen.
 */
const NARROW = new Set([...'iljI.,:;!\'|']);
const SMALL = new Set([...'frt()[]{}-/\\" ']);
const WIDE = new Set([...'mwMW@%']);

function charWidth(char: string): number {
  if (NARROW.has(char)) return 0.3;
  if (SMALL.has(char)) return 0.4;
  if (WIDE.has(char)) return 0.95;
  const code = char.codePointAt(0) ?? 0;
  // Wide scripts (CJK, Hangul) and emoji take a full em.
  if (code >= 0x1100) return 1;
  if (char >= 'A' && char <= 'Z') return 0.72;
  return 0.62;
}

export function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const char of text) ems += charWidth(char);
  return ems * fontSize;
}

/** The text cut to `max` characters (by code point), with an ellipsis when cut. */
export function shorten(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}
