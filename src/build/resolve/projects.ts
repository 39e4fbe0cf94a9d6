import { posix } from 'node:path';
import { byCodePoint } from '../text/order.ts';

export type AssessmentKind = 'self-assessment' | 'joint-assessment' | 'threat-model' | 'assessment';

export interface AssessedProject {
  folder: string;
  label: string;
  home?: string;
  documents: Array<{ path: string; kind: AssessmentKind }>;
}

/** What an assessment document's file name says it is, or undefined for other documents. */
export function assessmentKind(path: string): AssessmentKind | undefined {
  const name = posix.basename(path).toLowerCase();
  if (!/\.(md|markdown)$/.test(name)) return undefined;
  if (/self[-_ ]?assess/.test(name)) return 'self-assessment';
  if (/joint[-_ ]?(assess|review)|security[-_ ]?(assessment|review)/.test(name)) return 'joint-assessment';
  if (/threat[-_ ]?(model|analysis)|threatmodel/.test(name)) return 'threat-model';
  if (/assess/.test(name)) return 'assessment';
  return undefined;
}

/** Minimum number of sibling folders holding assessments before their parent counts as a list of projects. */
const MIN_PROJECTS = 3;

/**
 * Assessed projects by folder convention: a folder whose sub-folders (at least three, and most
 * of them) hold assessment documents is a list of projects, one project per sub-folder. Nothing
 * is named: the convention is recognised wherever it appears.
 */
export function findAssessedProjects(markdownPaths: readonly string[], titles: ReadonlyMap<string, string>): AssessedProject[] {
  const subfolders = new Map<string, Set<string>>();
  const assessedSubfolders = new Map<string, Set<string>>();
  for (const path of markdownPaths) {
    const parts = path.split('/');
    for (let depth = 1; depth < parts.length - 1; depth += 1) {
      const parent = parts.slice(0, depth).join('/');
      const child = parts.slice(0, depth + 1).join('/');
      subfolders.set(parent, (subfolders.get(parent) ?? new Set()).add(child));
      if (assessmentKind(path)) assessedSubfolders.set(parent, (assessedSubfolders.get(parent) ?? new Set()).add(child));
    }
  }
  const containers = [...assessedSubfolders.entries()]
    .filter(([parent, assessed]) => assessed.size >= MIN_PROJECTS && assessed.size * 2 > (subfolders.get(parent)?.size ?? 0))
    .map(([parent]) => parent)
    // A list of projects inside another one's project is part of that project, not a new list.
    .filter((parent, _, all) => !all.some((other) => other !== parent && parent.startsWith(`${other}/`)));

  const projects: AssessedProject[] = [];
  for (const container of containers.sort()) {
    for (const folder of [...(subfolders.get(container) ?? [])].sort()) {
      const documents = markdownPaths
        .filter((path) => path.startsWith(`${folder}/`))
        .flatMap((path) => {
          const kind = assessmentKind(path);
          return kind ? [{ path, kind }] : [];
        })
        .sort((a, b) => byCodePoint(a.path, b.path));
      const inFolder = markdownPaths.filter((path) => posix.dirname(path) === folder);
      const home =
        inFolder.find((path) => /^(readme|_index|index)\.md$/i.test(posix.basename(path))) ??
        documents.find((d) => d.kind === 'joint-assessment')?.path ??
        documents.find((d) => d.kind === 'self-assessment')?.path ??
        documents[0]?.path ??
        inFolder.sort()[0];
      projects.push({ folder, label: projectLabel(folder, [home, ...documents.map((d) => d.path)], titles), ...(home ? { home } : {}), documents });
    }
  }
  return projects;
}

/**
 * The project's name as its documents write it (`WasmEdge`, `OPA`, `Confidential Containers`):
 * the folder name found as a whole word in a title, with any of `-`, `_`, space or nothing
 * between its parts; the folder name itself otherwise.
 */
export function projectLabel(folder: string, paths: ReadonlyArray<string | undefined>, titles: ReadonlyMap<string, string>): string {
  const name = posix.basename(folder);
  const parts = name.split(/[-_ ]+/).filter(Boolean).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (parts.length === 0) return name;
  // Word boundaries are checked apart from the pattern: a pattern that holds them as Unicode
  // lookarounds takes tens of milliseconds to compile, once per project.
  const pattern = new RegExp(parts.join('[-_ ]?'), 'giu');
  for (const path of paths) {
    const title = path ? titles.get(path) : undefined;
    const match = title ? wholeWordMatch(pattern, title) : undefined;
    if (match) return match;
  }
  return name;
}

const LETTER_OR_DIGIT_BEFORE = /[\p{L}\p{N}]$/u;
const LETTER_OR_DIGIT_AFTER = /^[\p{L}\p{N}]/u;

/** The first match of a global `pattern` in `text` with no letter or digit on either side. */
function wholeWordMatch(pattern: RegExp, text: string): string | undefined {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const end = match.index + match[0].length;
    // Two code units either side hold one whole code point, astral ones included.
    if (!LETTER_OR_DIGIT_BEFORE.test(text.slice(Math.max(0, match.index - 2), match.index)) && !LETTER_OR_DIGIT_AFTER.test(text.slice(end, end + 2))) {
      return match[0];
    }
    // Matches may overlap: look again from the next code point, not from the end of this match
    // (a Unicode pattern set inside a surrogate pair would step back and find the same match).
    pattern.lastIndex = match.index + ((text.codePointAt(match.index) ?? 0) > 0xffff ? 2 : 1);
  }
  return undefined;
}
