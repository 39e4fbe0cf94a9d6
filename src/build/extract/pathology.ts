/**
 * A bound on what one file can cost to parse. The markdown parser's work grows with the square
 * of some shapes: containers nested deep (each line re-enters every open container), and
 * paragraphs full of emphasis delimiters or brackets (each may pair with any other). Measured
 * on micromark on the build machine, the slowest seen: 7e-7 s per squared nesting level of a
 * line (64 list markers on each of 200 lines: 0.59 s), 9e-9 s per squared delimiter of a
 * paragraph (50,000 `*a`: 22 s) and about four times that per squared bracket (`[a](` runs).
 * Inline content is counted per block: a new list item, table row, quote or heading starts
 * afresh, as the parser reads each on its own. A file is parsed only when its estimated cost stays within
 * a floor of about 0.25 s plus 2 s per MB; otherwise it is kept as plain text with its
 * headings, and the report says why.
 */
export const BUDGET = {
  /** Squared nesting levels, summed over lines: for 0.25 s, and per MB for 2 s. */
  nestingFloor: 350_000,
  nestingPerMb: 2_800_000,
  /** Squared delimiters plus four times squared brackets, summed over paragraphs. */
  inlineFloor: 27_000_000,
  inlinePerMb: 220_000_000,
} as const;

const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)/;
const BLOCK_START = /^[ \t]*(?:[-*+>|#]|\d{1,9}[.)])/;

/** How many containers a line is in or opens: `>` markers and list markers at its start, and list items by indentation. */
function nestingOf(line: string): number {
  let depth = 0;
  let rest = line;
  const indent = /^[ \t]*/.exec(rest)![0];
  rest = rest.slice(indent.length);
  if (LIST_MARKER.test(rest)) depth += Math.floor(indent.replace(/\t/g, '    ').length / 2);
  for (;;) {
    if (rest.startsWith('>')) {
      rest = rest.slice(1).replace(/^[ \t]?/, '');
      depth += 1;
      continue;
    }
    const marker = LIST_MARKER.exec(rest);
    if (marker && marker[0].length > 0) {
      rest = rest.slice(marker[0].length);
      depth += 1;
      continue;
    }
    return depth;
  }
}

/** Why a text must not be parsed as markdown, or undefined when parsing it stays within the budget. */
export function pathologyOf(text: string): string | undefined {
  const megabytes = text.length / (1024 * 1024);
  const nestingBudget = BUDGET.nestingFloor + BUDGET.nestingPerMb * megabytes;
  const inlineBudget = BUDGET.inlineFloor + BUDGET.inlinePerMb * megabytes;
  let nestingCost = 0;
  let inlineCost = 0;
  let delimiters = 0;
  let brackets = 0;
  const closeParagraph = (): void => {
    inlineCost += delimiters * delimiters + 4 * brackets * brackets;
    delimiters = 0;
    brackets = 0;
  };
  const lines = text.split(/\r\n|\r|\n/);
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (!line.trim()) {
      closeParagraph();
      continue;
    }
    // A new list item, table row, quote or heading is a block of its own.
    if (BLOCK_START.test(line)) closeParagraph();
    const depth = nestingOf(line);
    nestingCost += depth * depth;
    if (nestingCost > nestingBudget) return `containers nested up to ${depth} deep by line ${index + 1} would take too long to parse`;
    for (let at = 0; at < line.length; at += 1) {
      const char = line.charCodeAt(at);
      if (char === 42 || char === 95) delimiters += 1;
      else if (char === 91) brackets += 1;
    }
    if (inlineCost + delimiters * delimiters + 4 * brackets * brackets > inlineBudget) {
      return `${delimiters} emphasis delimiters and ${brackets} brackets in the paragraph at line ${index + 1} would take too long to parse`;
    }
  }
  return undefined;
}
