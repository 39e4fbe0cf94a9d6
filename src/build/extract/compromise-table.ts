import type { Profile } from '../../profiles/profile.ts';
import type { EntityMention } from '../facts.ts';
import { squash } from '../text/fold.ts';
import { findColumn, isTypeHeader, isYearHeader } from './columns.ts';
import type { TableRows } from './mdast.ts';

/**
 * A catalog of compromises: a year column, a type column whose header the profile's
 * `catalogTypeHeader` matches (`Type of compromise`), and most rows with a year and a name
 * (the profile's `rowShape`). `Talk | Year | Type` is not one.
 */
export function isCompromiseTable(table: TableRows, profile: Profile): boolean {
  const { headers, rows } = table;
  const yearColumn = findColumn(headers, isYearHeader);
  const typeColumn = findColumn(headers, isTypeHeader);
  if (yearColumn <= 0 || typeColumn <= 0 || !profile.catalogTypeHeader.test(headers[typeColumn]!)) return false;
  const shaped = rows.filter((row) => row[0]?.text && /\b(?:19|20)\d\d\b/.test(row[yearColumn]?.text ?? '')).length;
  return rows.length > 0 && shaped >= rows.length * profile.data.evidence.rowShape;
}

/**
 * A catalog table (`Name | Year | Type of compromise | Link`): one entity a row, linked to its
 * write-up by the name's link; its types split at `<br>` into categories.
 */
export function extractCompromiseTable(path: string, table: TableRows): EntityMention[] {
  const yearColumn = findColumn(table.headers, isYearHeader);
  const typeColumn = findColumn(table.headers, isTypeHeader);
  const compromises: EntityMention[] = [];
  for (const row of table.rows) {
    const nameCell = row[0];
    if (!nameCell?.text) continue;
    const link = nameCell.links[0];
    const yearText = row[yearColumn]?.text ?? '';
    const year = /\b(\d{4})\b/.exec(yearText)?.[1];
    const categories = [...new Set((row[typeColumn]?.parts ?? []).map(squash).filter(Boolean))];
    const references = row.flatMap((cell, index) => (index === 0 ? [] : cell.links.map((l) => l.href)));
    compromises.push({
      kind: 'compromise',
      label: link?.text || nameCell.text,
      ...(link ? { link } : {}),
      attrs: {
        ...(year ? { year: Number(year) } : {}),
        types: categories,
        ...(references.length > 0 ? { references } : {}),
      },
      categories,
      source: { path, line: nameCell.line },
    });
  }
  return compromises;
}
