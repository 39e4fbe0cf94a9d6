import picomatch from 'picomatch';
import type { BrokenLink, GraphDocument, PossibleDuplicate, Warning } from '../../schema/graph.ts';
import { ruleInfo, type Decisions, type Finding } from '../../schema/findings.ts';
import type { Profile } from '../../profiles/profile.ts';
import type { DocumentFacts } from '../facts.ts';
import { foldKey } from '../text/fold.ts';
import { byCodePoint } from '../text/order.ts';

export interface CheckInput {
  graph: GraphDocument;
  brokenLinks: readonly BrokenLink[];
  possibleDuplicates: readonly PossibleDuplicate[];
  warnings: readonly Warning[];
  documents: readonly DocumentFacts[];
  /** Every file kept in the repository. */
  files: readonly string[];
  profile: Profile;
  decisions?: Decisions;
  /** Where the decisions were written, for findings about them. */
  decisionsPath?: string;
  /** `same` and `different` decisions identity resolution found no one for. */
  staleIdentityDecisions?: ReadonlyArray<{ kind: 'same' | 'different'; names: [string, string] }>;
}

/** Files a repository ships for people to see or download: worth a note when nothing links to them. */
const REFERABLE_FILE = /\.(png|jpe?g|gif|svg|webp|pdf|pptx?|docx?|xlsx?|odt|odp|csv|mp3|mp4)$/i;

const finding = (rule: string, fields: Omit<Finding, 'rule' | 'severity'>): Finding => ({ rule, severity: ruleInfo(rule).severity, ...fields });

/**
 * The findings of every rule on a built graph, with dismissed findings left out and
 * decisions that matched nothing reported. Pure; sorted by path, line, rule and message.
 */
export function checkRepository(input: CheckInput): Finding[] {
  const findings: Finding[] = [
    ...linkFindings(input),
    ...input.possibleDuplicates.map((pair) =>
      finding('near-duplicate-person', {
        path: firstSource(input.graph, pair.a)?.path ?? '',
        line: firstSource(input.graph, pair.a)?.line ?? 1,
        message: `“${pair.labels[0]}” and “${pair.labels[1]}” may be one person (${pair.reason}); confirm with "same" or "different" in the config file`,
        nodes: [pair.a, pair.b],
      }),
    ),
    ...handleFindings(input.graph),
    ...entityFindings(input),
    ...input.warnings.map((warning) => finding('unreadable-file', { path: warning.path, line: warning.line ?? 1, message: warning.message })),
    ...unreferencedFiles(input),
  ];
  const { kept, stale } = applyDismissals(findings, input.decisions?.dismiss ?? []);
  const decisionsPath = input.decisionsPath ?? '.taggraph.json';
  const staleFindings = [
    ...(input.staleIdentityDecisions ?? []).map((decision) =>
      finding('stale-decision', {
        path: decisionsPath,
        line: 1,
        message:
          decision.kind === 'same'
            ? `"same": ["${decision.names[0]}", "${decision.names[1]}"] names someone nobody in the repository is called`
            : `"different": ["${decision.names[0]}", "${decision.names[1]}"] no longer matches a possible duplicate`,
      }),
    ),
    ...stale.map((dismissal) =>
      finding('stale-decision', { path: decisionsPath, line: 1, message: `"dismiss": { "rule": "${dismissal.rule}", "path": "${dismissal.path}"${dismissal.line ? `, "line": ${dismissal.line}` : ''} } dismisses nothing` }),
    ),
  ];
  return [...kept, ...staleFindings].sort(
    (a, b) => byCodePoint(a.path, b.path) || a.line - b.line || byCodePoint(a.rule, b.rule) || byCodePoint(a.message, b.message),
  );
}

function firstSource(graph: GraphDocument, id: string): { path: string; line: number } | undefined {
  return graph.nodes.find((node) => node.id === id)?.sources[0];
}

/** Broken links: a missing anchor, a missing publication or format of one (from a publication table), or a missing file. */
function linkFindings(input: CheckInput): Finding[] {
  const formatLinks = new Set(
    input.documents.flatMap((doc) =>
      doc.entities
        .filter((mention) => mention.kind === 'publication')
        .flatMap((mention) => [...(mention.link ? [mention.link] : []), ...(mention.formats ?? []).map((format) => format.link)])
        .map((link) => `${doc.path}\u0000${link.line}\u0000${link.href.trim()}`),
    ),
  );
  return input.brokenLinks.map((link) => {
    const fields = { path: link.source, line: link.line, ...(link.suggestion ? { suggestion: link.suggestion } : {}) };
    if (link.missing === 'anchor') return finding('missing-anchor', { ...fields, message: `link to ${link.target}: ${link.reason}` });
    const rule = formatLinks.has(`${link.source}\u0000${link.line}\u0000${link.target}`) ? 'missing-format' : 'missing-file';
    const hint = link.suggestion ? ` (did you mean ${link.suggestion}?)` : '';
    return finding(rule, { ...fields, message: `link to ${link.target}: ${link.reason}${hint}` });
  });
}

/** `@justincappos` alone, while `Justin Cappos` is named without a handle: probably one person. */
function handleFindings(graph: GraphDocument): Finding[] {
  const people = graph.nodes.filter((node) => node.kind === 'person');
  const named = people.filter((node) => !node.label.startsWith('@') && node.attrs?.['handle'] === undefined);
  const squashed = (text: string): string => foldKey(text).replace(/[^a-z0-9]/g, '');
  const byForm = new Map<string, (typeof named)[number]>();
  for (const person of named) {
    const words = foldKey(person.label).split(' ').filter(Boolean);
    if (words.length < 2) continue;
    const first = words[0]!;
    const last = words[words.length - 1]!;
    for (const form of [words.join(''), `${first[0]}${last}`, `${first}${last[0]}`, `${first}${last}`, `${last}${first}`]) byForm.set(squashed(form), person);
  }
  return people.flatMap((person) => {
    const handle = person.attrs?.['handle'];
    if (!person.label.startsWith('@') || typeof handle !== 'string') return [];
    const match = byForm.get(squashed(handle));
    if (!match) return [];
    const source = person.sources[0]!;
    return [
      finding('handle-of-named-person', {
        path: source.path,
        line: source.line,
        message: `@${handle} is known by handle alone; it reads as “${match.label}” (${match.sources[0]!.path}:${match.sources[0]!.line}), written without a handle`,
        nodes: [person.id, match.id],
      }),
    ];
  });
}

/** Groups without a home page or leads, projects without a home page, catalog entries without a year or type. */
function entityFindings(input: CheckInput): Finding[] {
  const { graph, profile } = input;
  const homes = new Set(graph.edges.filter((edge) => edge.kind === 'describes').map((edge) => edge.target));
  const governed = new Set(graph.edges.filter((edge) => edge.kind === 'role' && edge.role !== undefined && profile.isGovernanceRole(edge.role)).map((edge) => edge.target));
  return graph.nodes.flatMap((node): Finding[] => {
    const source = node.sources[0] ?? { path: '', line: 1 };
    const at = { path: source.path, line: source.line, nodes: [node.id] };
    if (node.kind === 'group') {
      return [
        ...(homes.has(node.id) ? [] : [finding('group-without-home', { ...at, message: `group “${node.label}” has no home page in the repository` })]),
        ...(governed.has(node.id) ? [] : [finding('group-without-leads', { ...at, message: `group “${node.label}” names no lead, chair or other governance role` })]),
      ];
    }
    if (node.kind === 'project' && !homes.has(node.id)) return [finding('project-without-home', { ...at, message: `project “${node.label}” has no home page` })];
    if (node.kind === 'compromise') {
      const types = node.attrs?.['types'];
      return [
        ...(node.attrs?.['year'] === undefined ? [finding('compromise-missing-year', { ...at, message: `catalog entry “${node.label}” has no year` })] : []),
        ...(!Array.isArray(types) || types.length === 0 ? [finding('compromise-missing-type', { ...at, message: `catalog entry “${node.label}” has no type` })] : []),
      ];
    }
    return [];
  });
}

/** Images and documents nothing links to (information only). */
function unreferencedFiles(input: CheckInput): Finding[] {
  const linked = new Set(input.graph.nodes.filter((node) => node.kind === 'asset' && node.path !== undefined).map((node) => node.path!));
  return input.files
    .filter((path) => REFERABLE_FILE.test(path) && !linked.has(path))
    .map((path) => finding('unreferenced-file', { path, line: 1, message: `${path} is not linked from any document` }));
}

/** Findings left after the config file's dismissals, and the dismissals that matched nothing. */
function applyDismissals(findings: readonly Finding[], dismissals: NonNullable<Decisions['dismiss']>): { kept: Finding[]; stale: NonNullable<Decisions['dismiss']> } {
  const matchers = dismissals.map((dismissal) => ({ dismissal, matches: picomatch(dismissal.path, { dot: true }), used: false }));
  const kept = findings.filter((item) => {
    const matcher = matchers.find(({ dismissal, matches }) => dismissal.rule === item.rule && matches(item.path) && (dismissal.line === undefined || dismissal.line === item.line));
    if (matcher) matcher.used = true;
    return !matcher;
  });
  return { kept, stale: matchers.filter((matcher) => !matcher.used).map((matcher) => matcher.dismissal) };
}
