import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const projectRoot = resolve(import.meta.dirname, '../..');
const DEFAULT_REMOTE = 'https://github.com/cncf/tag-security';
export const DEMO_REPO = join(projectRoot, 'tests/fixtures/demo-repo');

export interface ChosenRepo {
  path: string;
  /** Why this one: shown to the user. */
  reason: string;
  repoUrl?: string;
}

/**
 * The repository to show: `--repo` if given, else `$TAG_REPO`, else a shallow clone of
 * cncf/tag-security in `.cache/` (made once, with a short timeout), else the demo repository
 * that ships with the project.
 */
export async function chooseRepo(explicit: string | undefined, log: (line: string) => void): Promise<ChosenRepo> {
  if (explicit) return { path: resolve(explicit), reason: '--repo' };
  if (process.env.TAG_REPO) return { path: resolve(process.env.TAG_REPO), reason: 'TAG_REPO' };
  const cache = join(projectRoot, '.cache/tag-security');
  if (existsSync(join(cache, '.git'))) return { path: cache, reason: `cached clone in ${cache}`, repoUrl: DEFAULT_REMOTE };
  log(`cloning ${DEFAULT_REMOTE} into ${cache} (20 s at most)…`);
  try {
    await mkdir(join(projectRoot, '.cache'), { recursive: true });
    await run('git', ['clone', '--depth', '1', '--quiet', DEFAULT_REMOTE, cache], { timeout: 20_000, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });
    return { path: cache, reason: 'fresh shallow clone', repoUrl: DEFAULT_REMOTE };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    log(`could not clone (${reason}); showing the demo repository instead`);
    return { path: DEMO_REPO, reason: 'demo repository (offline)' };
  }
}
