import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import picomatch from 'picomatch';
import type { Warning } from '../schema/graph.ts';
import { byCodePoint } from './text/order.ts';

/** Vendored trees left out unless asked for: dependencies, VCS data, static-site themes. */
export const DEFAULT_EXCLUDES = ['**/node_modules/**', '**/.git/**', '**/themes/**'];

export interface CollectedFile {
  path: string;
  size: number;
  /**
   * Last modified, and last changed in any way (which no tool can set back), as the file system
   * says: with the size and inode, how a later build tells the file is the same.
   */
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  markdown: boolean;
}

export interface Collection {
  files: CollectedFile[];
  /** Symlinks inside the repository: link path to the real repo-relative path. */
  aliases: Map<string, string>;
  /** Excluded folders and files, repo-relative, with the pattern that left each out. */
  excluded: string[];
  warnings: Warning[];
}

const MARKDOWN = /\.(md|markdown)$/i;

export class RepoError extends Error {}

const toRepoPath = (root: string, absolute: string): string => relative(root, absolute).split(sep).join('/');

/**
 * Every file under `root` that no exclude pattern matches, in code-point order of path.
 * Symlinks are not followed: one that points inside the repository becomes an alias of its real
 * path (so links through it resolve), one that points outside is left out with a warning.
 */
export async function collectFiles(root: string, excludes: readonly string[]): Promise<Collection> {
  let rootReal: string;
  try {
    rootReal = await realpath(root);
    if (!(await stat(rootReal)).isDirectory()) throw new RepoError(`--repo ${root} is not a folder`);
  } catch (error) {
    if (error instanceof RepoError) throw error;
    throw new RepoError(`cannot read --repo ${root}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const isExcluded = picomatch([...excludes], { dot: true });
  const files: CollectedFile[] = [];
  const aliases = new Map<string, string>();
  const excluded: string[] = [];
  const warnings: Warning[] = [];

  // Folders are read side by side, and a folder's entries looked at together: the file system
  // answers many requests at once, where one at a time each waits for the last.
  const walk = async (folder: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      warnings.push({ path: toRepoPath(rootReal, folder), message: `folder not readable: ${(error as NodeJS.ErrnoException).code ?? String(error)}` });
      return;
    }
    await Promise.all(
      entries.map(async (entry) => {
        const absolute = join(folder, entry.name);
        const path = toRepoPath(rootReal, absolute);
        if (isExcluded(path) || isExcluded(`${path}/`)) {
          excluded.push(path);
        } else if (entry.isSymbolicLink()) {
          await recordSymlink(rootReal, absolute, path, aliases, warnings);
        } else if (entry.isDirectory()) {
          await walk(absolute);
        } else if (entry.isFile()) {
          const info = await lstat(absolute);
          files.push({ path, size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, ino: info.ino, markdown: MARKDOWN.test(entry.name) });
        }
      }),
    );
  };
  await walk(rootReal);
  files.sort((a, b) => byCodePoint(a.path, b.path));
  excluded.sort();
  warnings.sort((a, b) => byCodePoint(a.path, b.path) || byCodePoint(a.message, b.message));
  // Entries were looked at in the order the file system answered.
  return { files, aliases: new Map([...aliases].sort(([a], [b]) => byCodePoint(a, b))), excluded, warnings };
}

async function recordSymlink(root: string, absolute: string, path: string, aliases: Map<string, string>, warnings: Warning[]): Promise<void> {
  let target: string;
  try {
    target = await realpath(absolute);
  } catch {
    warnings.push({ path, message: 'symlink target missing or in a loop; left out' });
    return;
  }
  const targetPath = toRepoPath(root, target);
  if (targetPath === '..' || targetPath.startsWith('../') || isAbsolute(targetPath)) {
    warnings.push({ path, message: 'symlink points outside the repository; not followed' });
    return;
  }
  // Links through it resolve to the real path; the folder itself is read where it really is,
  // so a link back up the tree (a loop) is never walked.
  aliases.set(path, targetPath);
}

export interface LoadedText {
  text: string;
  /** Binary content behind a markdown name: an asset, not a document. */
  binary: boolean;
  warnings: Warning[];
}

/** Largest markdown file read as text; larger ones become documents without content. */
export const DEFAULT_MAX_BYTES = 4 * 1024 * 1024;

/**
 * Reads one markdown file as text. Bad input is a warning, never a failure: binary content,
 * invalid UTF-8 (decoded with replacement characters), an empty file, a file over the size limit.
 */
export async function loadMarkdown(root: string, file: CollectedFile, maxBytes: number): Promise<LoadedText> {
  const path = file.path;
  if (file.size > maxBytes) {
    return { text: '', binary: false, warnings: [{ path, message: `file is ${file.size} bytes, over the ${maxBytes}-byte limit; kept without content` }] };
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(join(root, ...path.split('/')));
  } catch (error) {
    return { text: '', binary: false, warnings: [{ path, message: `not readable: ${(error as NodeJS.ErrnoException).code ?? String(error)}` }] };
  }
  return decodeMarkdown(path, bytes);
}

/** Bytes to text with the checks above. Pure, so hostile inputs are testable without files. */
export function decodeMarkdown(path: string, bytes: Uint8Array): LoadedText {
  if (bytes.length === 0) return { text: '', binary: false, warnings: [{ path, message: 'empty file' }] };
  if (bytes.subarray(0, 8192).includes(0)) {
    return { text: '', binary: true, warnings: [{ path, message: 'binary content in a markdown file; kept as an asset' }] };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), binary: false, warnings: [] };
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    const line = text.slice(0, text.indexOf('\uFFFD')).split('\n').length;
    return { text, binary: false, warnings: [{ path, line, message: 'invalid UTF-8; undecodable bytes replaced' }] };
  }
}
