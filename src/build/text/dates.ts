const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * The first date in free text as ISO `YYYY-MM-DD` or `YYYY-MM` (or `YYYY` alone), or undefined.
 * Accepts `2024-03-01`, `March, 2025`, `May 24th 2019`, `24 May 2019`, `Sept 2023`.
 */
export function parseLooseDate(text: string): string | undefined {
  const iso = /\b(\d{4})-(\d{2})(?:-(\d{2}))?\b/.exec(text);
  if (iso) return iso[3] ? `${iso[1]}-${iso[2]}-${iso[3]}` : `${iso[1]}-${iso[2]}`;
  const monthWord = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?/i;
  const match = monthWord.exec(text);
  if (match) {
    const month = MONTHS.findIndex((m) => m.startsWith(match[1]!.toLowerCase())) + 1;
    const rest = text.slice(match.index + match[0].length);
    const before = text.slice(0, match.index);
    const year = /\b(\d{4})\b/.exec(rest);
    if (year) {
      const dayAfter = /^\s*(\d{1,2})(?:st|nd|rd|th)?\b(?!\d)/.exec(rest);
      const dayBefore = /\b(\d{1,2})(?:st|nd|rd|th)?\s*(?:of\s+)?$/.exec(before);
      const day = dayAfter?.[1] ?? dayBefore?.[1];
      const dayNumber = day === undefined ? 0 : Number(day);
      if (dayNumber >= 1 && dayNumber <= 31) return `${year[1]}-${pad(month)}-${pad(dayNumber)}`;
      return `${year[1]}-${pad(month)}`;
    }
  }
  const yearOnly = /\b(19|20)\d{2}\b/.exec(text);
  return yearOnly ? yearOnly[0] : undefined;
}
