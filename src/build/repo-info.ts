import { execFile } from 'node:child_process';
import { realpath } from 'node:fs/promises';
import { basename } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface GitInfo {
  url?: string;
  ref?: string;
  commit?: string;
}

async function git(dir: string, args: string[]): Promise<string | undefined> {
  try {
    const { stdout } = await run('git', ['-C', dir, ...args], { timeout: 5000 });
    return stdout.trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Remote URL, branch and commit when `dir` is the top of a git checkout; nothing otherwise (a
 * folder inside another project's checkout is not that project).
 */
export async function readGitInfo(dir: string): Promise<GitInfo> {
  const top = await git(dir, ['rev-parse', '--show-toplevel']);
  if (!top || (await realpath(top)) !== (await realpath(dir))) return {};
  const [remote, ref, commit] = await Promise.all([
    git(dir, ['remote', 'get-url', 'origin']),
    git(dir, ['rev-parse', '--abbrev-ref', 'HEAD']),
    git(dir, ['rev-parse', 'HEAD']),
  ]);
  const url = remote?.replace(/^git@github\.com:/, 'https://github.com/').replace(/\.git$/, '');
  return { ...(url ? { url } : {}), ...(ref && ref !== 'HEAD' ? { ref } : {}), ...(commit ? { commit } : {}) };
}

export function repoNameOf(dir: string, url?: string): string {
  const fromUrl = url?.replace(/\/+$/, '').split('/').slice(-2).join('/');
  return fromUrl || basename(dir);
}
