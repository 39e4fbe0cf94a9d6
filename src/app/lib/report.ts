import { byCodePoint } from '../../build/text/order.ts';
import { ruleInfo, type Finding } from '../../schema/findings.ts';
import type { ReportGrouping, ReportSeverity } from '../../view/view.ts';

export interface FindingGroup {
  /** A file's path or a rule's id. */
  key: string;
  findings: Finding[];
  counts: { error: number; warning: number; info: number };
}

/** Findings of the chosen severity whose path, rule, message or suggestion holds the text (any case). */
export function filterFindings(findings: readonly Finding[], text: string, severity: ReportSeverity): Finding[] {
  const needle = text.trim().toLowerCase();
  return findings.filter(
    (finding) =>
      (severity === 'all' || finding.severity === severity) &&
      (!needle || `${finding.path} ${finding.rule} ${finding.message} ${finding.suggestion ?? ''}`.toLowerCase().includes(needle)),
  );
}

/** Findings grouped by file or by rule; groups with errors first, then by size and name. */
export function groupFindings(findings: readonly Finding[], by: ReportGrouping): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const finding of findings) {
    const key = by === 'file' ? finding.path : finding.rule;
    const group = groups.get(key) ?? { key, findings: [], counts: { error: 0, warning: 0, info: 0 } };
    group.findings.push(finding);
    group.counts[finding.severity] += 1;
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.counts.error - a.counts.error || b.findings.length - a.findings.length || byCodePoint(a.key, b.key));
}

/** A rule's description, or its id when the report is newer than the app. */
export function describeRule(id: string): string {
  try {
    return ruleInfo(id).description;
  } catch {
    return id;
  }
}
