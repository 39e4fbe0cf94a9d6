import type { Profile } from '../../profiles/profile.ts';
import type { EntityMention, PublicationFormat, RawLink } from '../facts.ts';
import { parseLooseDate } from '../text/dates.ts';
import { findColumn, isDescriptionHeader, isFormatHeader, isLinkHeader, isReleaseHeader } from './columns.ts';
import type { Cell, TableRows } from './mdast.ts';

/**
 * A table of publications: a first header the profile's `publicationHeader` matches, a release
 * or format column, and most rows with a link (to the publication or a format of it), the
 * profile's `rowShape`. `Document | Published` of a changelog is not one.
 */
export function isPublicationTable(table: TableRows, profile: Profile): boolean {
  const { headers, rows } = table;
  if (!profile.publicationHeader.test(headers[0]?.trim() ?? '')) return false;
  if (findColumn(headers, isReleaseHeader) <= 0 && findColumn(headers, isFormatHeader) <= 0) return false;
  const linked = rows.filter((row) => row.some((cell) => cell.links.length > 0)).length;
  return rows.length > 0 && linked >= rows.length * profile.data.evidence.rowShape;
}

const FORMAT_WORDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bmarkdown\b|\bmd\b/i, 'markdown'],
  [/\bpdf\b/i, 'pdf'],
  [/\baudio\b|\bpodcast\b/i, 'audio'],
  [/\bvideo\b/i, 'video'],
  [/\bspreadsheet\b|\bsheet\b|\bcsv\b/i, 'spreadsheet'],
  [/\bslides?\b|\bdeck\b/i, 'slides'],
  [/\bhtml\b|\bweb\b/i, 'web'],
];

function formatOf(label: string, link: RawLink): string {
  for (const [pattern, format] of FORMAT_WORDS) if (pattern.test(label)) return format;
  if (/\.pdf$/i.test(link.href)) return 'pdf';
  if (/\.(md|markdown)$/i.test(link.href) || !/^[a-z]+:/i.test(link.href)) return 'markdown';
  return label.replace(/\s*\(.*\)\s*$/, '').toLowerCase() || 'link';
}

/** The publication's name in a cell: its link text when linked, else the cell text. */
function cellName(cell: Cell | undefined): string {
  if (!cell) return '';
  return cell.links[0]?.text || cell.text;
}

/**
 * Publication tables. Two shapes are read, both with the publication in the first column:
 * - `Publication | Latest Release`: one publication a row, its date and its link.
 * - `Publication | Description | Format | Link`: rows without a name add formats to the
 *   publication above; a bold row without a link opens a series whose members are named in
 *   the second column; a bold `Translations` row marks the formats below it as translations.
 */
export function extractPublicationTable(path: string, table: TableRows): EntityMention[] {
  const { headers } = table;
  const releaseColumn = findColumn(headers, isReleaseHeader);
  const formatColumn = findColumn(headers, isFormatHeader);
  const linkColumn = findColumn(headers, isLinkHeader);
  const descriptionColumn = findColumn(headers, isDescriptionHeader);
  const publications: EntityMention[] = [];
  let current: EntityMention | undefined;
  let inTranslations = false;
  let series: string | undefined;

  const linkOf = (row: Cell[]): RawLink | undefined =>
    (linkColumn >= 0 ? row[linkColumn]?.links[0] : undefined) ?? (formatColumn < 0 ? row[0]?.links[0] : undefined);

  const addFormat = (publication: EntityMention, row: Cell[], link: RawLink): void => {
    const label = formatColumn >= 0 ? row[formatColumn]?.text ?? '' : '';
    const translation = inTranslations;
    const format = translation ? label.replace(/\s*\(.*\)\s*$/, '').toLowerCase() || 'translation' : formatOf(label, link);
    const entry: PublicationFormat = { format, label: label || format, translation, link };
    publication.formats = [...(publication.formats ?? []), entry];
  };

  for (const row of table.rows) {
    const first = row[0];
    const second = descriptionColumn >= 0 ? row[descriptionColumn] : undefined;
    const link = linkOf(row);
    const firstName = cellName(first);
    if (firstName) {
      inTranslations = false;
      if (!link && formatColumn >= 0) {
        // A heading row (`**Policy**`): its members follow with the name in the second column.
        series = firstName;
        current = undefined;
        continue;
      }
      series = undefined;
      const release = releaseColumn >= 0 ? row[releaseColumn]?.text ?? '' : '';
      const date = release ? parseLooseDate(release) : undefined;
      const description = second?.text;
      current = {
        kind: 'publication',
        label: firstName,
        ...(formatColumn < 0 && first?.links[0] ? { link: first.links[0] } : {}),
        attrs: {
          ...(date ? { date } : {}),
          ...(release ? { release } : {}),
          ...(description ? { description } : {}),
        },
        source: { path, line: first!.line },
      };
      publications.push(current);
      if (link && formatColumn >= 0) addFormat(current, row, link);
      continue;
    }
    if (second?.text && !link) {
      if (second.strong && /translation/i.test(second.text)) inTranslations = true;
      continue;
    }
    if (second?.text && link && series) {
      inTranslations = false;
      current = {
        kind: 'publication',
        label: second.text,
        attrs: { series },
        source: { path, line: second.line },
      };
      publications.push(current);
      addFormat(current, row, link);
      continue;
    }
    if (current && link) addFormat(current, row, link);
  }
  return publications;
}
