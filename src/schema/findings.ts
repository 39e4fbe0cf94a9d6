/**
 * What the checker finds in a repository: each finding names its rule, its severity and where
 * it is. Shared by the build (which writes them into report.json), the check command (which
 * prints them in several formats) and the app's report view. Isomorphic.
 */

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface Finding {
  rule: string;
  severity: Severity;
  /** Repo-relative path of the file the finding is in (for a decision, the config file). */
  path: string;
  /** 1-based line. */
  line: number;
  message: string;
  /** A fix, where one is known: the file a broken link probably meant. */
  suggestion?: string;
  /** Graph nodes the finding is about. */
  nodes?: string[];
}

export interface RuleInfo {
  id: string;
  severity: Severity;
  description: string;
}

/** Every rule the checker has, with its severity. */
export const RULES: readonly RuleInfo[] = [
  { id: 'missing-file', severity: 'error', description: 'A link to a file that is not in the repository.' },
  { id: 'missing-anchor', severity: 'error', description: 'A link to a heading, HTML anchor or footnote that the target document does not have.' },
  { id: 'missing-format', severity: 'error', description: 'A publication table links a format that is not in the repository.' },
  { id: 'near-duplicate-person', severity: 'warning', description: 'Two people whose names are one or two letters apart, or the same words in another order.' },
  { id: 'handle-of-named-person', severity: 'warning', description: 'A person known by a GitHub handle alone whose handle reads as the name of a named person.' },
  { id: 'group-without-home', severity: 'warning', description: 'A group with no home page in the repository.' },
  { id: 'group-without-leads', severity: 'warning', description: 'A group with no lead, chair or other governance role.' },
  { id: 'project-without-home', severity: 'warning', description: 'A project with no home page.' },
  { id: 'compromise-missing-year', severity: 'warning', description: 'A catalog entry without a year.' },
  { id: 'compromise-missing-type', severity: 'warning', description: 'A catalog entry without a type.' },
  { id: 'unreadable-file', severity: 'warning', description: 'A file the build could not read fully: bad front matter, invalid UTF-8, binary, oversized, or a link out of the repository.' },
  { id: 'stale-decision', severity: 'warning', description: 'A decision in the config file that no longer matches anything.' },
  { id: 'unreferenced-file', severity: 'info', description: 'An image or document file that nothing in the repository links to.' },
];

export function ruleInfo(id: string): RuleInfo {
  const rule = RULES.find((candidate) => candidate.id === id);
  if (!rule) throw new Error(`unknown rule "${id}"`);
  return rule;
}

/** Lower is more severe. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** Findings at or above `threshold`. */
export function atOrAbove(findings: readonly Finding[], threshold: Severity): Finding[] {
  return findings.filter((finding) => severityRank(finding.severity) <= severityRank(threshold));
}

/**
 * Decisions that last, from the config file: two people confirmed as one or as different, and
 * findings dismissed by rule and path (a glob with `*` and `**`), optionally by line.
 */
export interface Decisions {
  same?: Array<[string, string]>;
  different?: Array<[string, string]>;
  dismiss?: Array<{ rule: string; path: string; line?: number }>;
}
