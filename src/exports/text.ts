/**
 * Escaping shared by the export formats. Isomorphic. Text from the repository is data: every
 * format writes it so that the reading tool gets back exactly the characters it was given,
 * except where a format cannot hold a character at all (XML 1.0 has no control characters;
 * they become U+FFFD, as XML readers would refuse the file otherwise).
 */

/** Characters XML 1.0 cannot hold, even escaped. */
const NOT_IN_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text for XML content and attribute values. */
export function xmlText(value: string): string {
  return value
    .replace(NOT_IN_XML, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    // Attribute values would fold line breaks and tabs into spaces: keep them as references.
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

/** A CSV field (RFC 4180): quoted when it holds a comma, quote or line break. */
export function csvField(value: string | number | boolean): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: ReadonlyArray<string | number | boolean>): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/**
 * A Graphviz double-quoted string: `"` and `\` escaped, line breaks as `\n` (which dot draws as
 * breaks), and other control characters as U+FFFD (Graphviz passes them through into output that
 * other tools then refuse, such as its own JSON).
 */
export function dotString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r\n|\r|\n/g, '\\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '\ufffd')}"`;
}
