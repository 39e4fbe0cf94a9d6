import { posix } from 'node:path';
import type { Profile } from '../../profiles/profile.ts';
import { byCodePoint } from '../text/order.ts';
import { append } from '../multimap.ts';

export interface ProjectDocument {
  path: string;
  /** What the document is, by the profile's rule that named it (`self-assessment`, `due-diligence`…). */
  kind: string;
  /** Whether it assesses the project, or is only about it. */
  assesses: boolean;
}

export interface FolderProject {
  folder: string;
  label: string;
  home?: string;
  documents: ProjectDocument[];
}

type Convention = Profile['projectFolders'][number];

/** What a document is under a convention: the first rule matching its path inside the project's folder (sub-folders included), without the extension. */
function documentKind(relativePath: string, convention: Convention): { kind: string; assesses: boolean } | undefined {
  if (!/\.(md|markdown)$/i.test(relativePath)) return undefined;
  const name = relativePath.toLowerCase().replace(/\.(md|markdown)$/, '');
  return convention.documents.find((rule) => rule.pattern.test(name));
}

/**
 * Projects by the profile's folder conventions: a folder whose sub-folders (at least the
 * convention's `minProjects`, and most of them) hold documents the convention names
 * (self-assessments; proposals, due diligence and annual reviews) is a list of projects, one
 * project per sub-folder, with those documents attached. Nothing is named: the convention is
 * recognised wherever it appears.
 */
export function findFolderProjects(markdownPaths: readonly string[], titles: ReadonlyMap<string, string>, profile: Profile): FolderProject[] {
  const byFolder = new Map<string, Map<string, ProjectDocument>>();
  for (const convention of profile.projectFolders) {
    const subfolders = new Map<string, Set<string>>();
    const matched = new Map<string, Map<string, ProjectDocument[]>>();
    for (const path of markdownPaths) {
      const parts = path.split('/');
      for (let depth = 1; depth < parts.length - 1; depth += 1) {
        const parent = parts.slice(0, depth).join('/');
        const child = parts.slice(0, depth + 1).join('/');
        subfolders.set(parent, (subfolders.get(parent) ?? new Set()).add(child));
        const found = documentKind(parts.slice(depth + 1).join('/'), convention);
        if (!found) continue;
        const children = matched.get(parent) ?? new Map<string, ProjectDocument[]>();
        append(children, child, { path, ...found });
        matched.set(parent, children);
      }
    }
    const containers = [...matched.entries()]
      .filter(([parent, children]) => children.size >= convention.minProjects && children.size * 2 > (subfolders.get(parent)?.size ?? 0))
      .map(([parent]) => parent);
    // A list of projects inside another one's project is part of that project, not a new list.
    for (const container of containers.filter((parent) => !containers.some((other) => other !== parent && parent.startsWith(`${other}/`)))) {
      for (const folder of subfolders.get(container) ?? []) {
        const documents = byFolder.get(folder) ?? new Map<string, ProjectDocument>();
        for (const doc of matched.get(container)?.get(folder) ?? []) if (!documents.has(doc.path)) documents.set(doc.path, doc);
        byFolder.set(folder, documents);
      }
    }
  }
  // Folders inside another project's folder belong to it.
  const folders = [...byFolder.keys()].filter((folder, _, all) => !all.some((other) => other !== folder && folder.startsWith(`${other}/`))).sort();
  return folders.map((folder) => {
    const documents = [...byFolder.get(folder)!.values()].sort((a, b) => byCodePoint(a.path, b.path));
    const inFolder = markdownPaths.filter((path) => posix.dirname(path) === folder);
    const home =
      inFolder.find((path) => /^(readme|_index|index)\.md$/i.test(posix.basename(path))) ??
      documents.find((d) => d.kind === 'joint-assessment')?.path ??
      documents.find((d) => d.assesses)?.path ??
      documents[0]?.path ??
      [...inFolder].sort()[0];
    return { folder, label: projectLabel(folder, [home, ...documents.map((d) => d.path)], titles), ...(home ? { home } : {}), documents };
  });
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
