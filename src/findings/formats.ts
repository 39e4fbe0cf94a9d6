import { RULES, SEVERITIES, type Finding, type Severity } from '../schema/findings.ts';
import { byCodePoint } from '../build/text/order.ts';
import { csvRow, xmlText } from '../exports/text.ts';
import { append } from '../build/multimap.ts';

/**
 * Findings as people and tools read them: text, JSON, GitHub annotations, SARIF, Markdown and
 * CSV. Isomorphic: the check command and the explorer's report view both use it.
 */
export const FORMATS = ['text', 'json', 'github', 'sarif', 'markdown', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

export interface FormatContext {
  findings: readonly Finding[];
  /** Shown in headers; `owner/name` or a folder name. */
  repoName: string;
  /** The web address of the repository, for links in Markdown. */
  repoUrl?: string;
  /** Branch or commit for those links. */
  ref?: string;
  /** The tool's version, for SARIF. */
  version: string;
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}

const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;

function summary(findings: readonly Finding[]): string {
  const counts = countBySeverity(findings);
  return SEVERITIES.map((severity) => plural(counts[severity], severity === 'info' ? 'note' : severity)).join(', ');
}

/** Findings grouped by file, in path order. */
function byFile(findings: readonly Finding[]): Array<[string, Finding[]]> {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) append(groups, finding.path, finding);
  return [...groups.entries()].sort(([a], [b]) => byCodePoint(a, b));
}

/** For people at a terminal: grouped by file, one line a finding, counts last. */
export function formatText({ findings }: FormatContext): string {
  const lines: string[] = [];
  for (const [path, items] of byFile(findings)) {
    lines.push(path);
    for (const item of items) lines.push(`  ${String(item.line).padStart(5)}  ${item.severity.padEnd(7)}  ${item.rule.padEnd(24)}  ${item.message}`);
    lines.push('');
  }
  lines.push(findings.length === 0 ? 'no findings' : summary(findings));
  return `${lines.join('\n')}\n`;
}

export function formatJson({ findings }: FormatContext): string {
  return `${JSON.stringify({ counts: countBySeverity(findings), findings }, null, 2)}\n`;
}

/** GitHub's workflow-command escaping: data escapes `%`, CR and LF; properties also `:` and `,`. */
const escapeData = (text: string): string => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string): string => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * GitHub Actions workflow commands, which GitHub shows as annotations on the lines of a pull
 * request: `::error file=README.md,line=12,title=missing-file::link to x.md: file not found`.
 * Information-only findings become `::notice`.
 */
export function formatGithub({ findings }: FormatContext): string {
  const command: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };
  return findings
    .map((item) => `::${command[item.severity]} file=${escapeProperty(item.path)},line=${item.line},title=${escapeProperty(item.rule)}::${escapeData(item.message)}\n`)
    .join('');
}

/** SARIF 2.1.0 for code-scanning tools; rules carry their default level. */
export function formatSarif({ findings, version }: FormatContext): string {
  const level: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.id, index]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'tag-graph',
            version,
            rules: RULES.map((rule) => ({ id: rule.id, shortDescription: { text: rule.description }, defaultConfiguration: { level: level[rule.severity] } })),
          },
        },
        results: findings.map((item) => ({
          ruleId: item.rule,
          ruleIndex: ruleIndex.get(item.rule) ?? -1,
          level: level[item.severity],
          message: { text: item.message },
          locations: [{ physicalLocation: { artifactLocation: { uri: encodeURI(item.path), uriBaseId: '%SRCROOT%' }, region: { startLine: Math.max(1, item.line) } } }],
        })),
        originalUriBaseIds: { '%SRCROOT%': { uri: 'file:///' } },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** Markdown text that reads as text: characters that would become markup are escaped. */
const escapeMarkdown = (text: string): string => text.replace(/[\\`*_{}[\]<>()#+!|~]/g, '\\$&').replace(/\r?\n/g, ' ');

/** A summary for a pull-request comment: counts by rule, then every finding by file, with links to the lines. */
export function formatMarkdown({ findings, repoName, repoUrl, ref }: FormatContext): string {
  const lines = [`### Repository check: ${escapeMarkdown(repoName)}`, ''];
  if (findings.length === 0) return `${[...lines, 'No findings.'].join('\n')}\n`;
  lines.push(`${summary(findings)}.`, '', '| rule | severity | findings |', '| --- | --- | ---: |');
  const counts = new Map<string, number>();
  for (const item of findings) counts.set(item.rule, (counts.get(item.rule) ?? 0) + 1);
  for (const rule of RULES) if (counts.has(rule.id)) lines.push(`| \`${rule.id}\` | ${rule.severity} | ${counts.get(rule.id)} |`);
  lines.push('');
  const link = (item: Finding): string => {
    const where = `${escapeMarkdown(item.path)}:${item.line}`;
    return repoUrl ? `[${where}](${repoUrl}/blob/${encodeURIComponent(ref ?? 'HEAD')}/${item.path.split('/').map(encodeURIComponent).join('/')}#L${item.line})` : where;
  };
  for (const [path, items] of byFile(findings)) {
    // Markdown is not read inside the HTML line: the path is escaped as HTML there.
    lines.push(`<details><summary>${xmlText(path)} (${items.length})</summary>`, '');
    for (const item of items) lines.push(`- ${link(item)} **${item.severity}** \`${item.rule}\`: ${escapeMarkdown(item.message)}`);
    lines.push('', '</details>', '');
  }
  return `${lines.join('\n')}\n`;
}

/** A leading `=`, `+`, `-` or `@` would be a formula in a spreadsheet: a report's cell is defused. */
const defused = (value: string | number): string => {
  const text = String(value);
  return /^[=+\-@]/.test(text) ? `'${text}` : text;
};

/** RFC 4180 CSV, one finding a row. */
export function formatCsv({ findings }: FormatContext): string {
  const rows = [['path', 'line', 'severity', 'rule', 'message', 'suggestion'], ...findings.map((item) => [item.path, item.line, item.severity, item.rule, item.message, item.suggestion ?? ''])];
  return rows.map((row) => csvRow(row.map(defused))).join('');
}

export function formatFindings(format: Format, context: FormatContext): string {
  switch (format) {
    case 'text':
      return formatText(context);
    case 'json':
      return formatJson(context);
    case 'github':
      return formatGithub(context);
    case 'sarif':
      return formatSarif(context);
    case 'markdown':
      return formatMarkdown(context);
    case 'csv':
      return formatCsv(context);
  }
}
