import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/build/pipeline.ts';

const dir = mkdtempSync(join(tmpdir(), 'git-repo-'));
const git = (...args: string[]): string => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' }).trim();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('repository information from git', () => {
  it('reads the remote, branch and commit of a checkout for provenance links', async () => {
    writeFileSync(join(dir, 'README.md'), '# Home\n\nSee [the guide](https://github.com/acme/docs/blob/main/guide.md).\n');
    writeFileSync(join(dir, 'guide.md'), '# Guide\n');
    git('init', '-q', '-b', 'trunk');
    git('remote', 'add', 'origin', 'git@github.com:acme/docs.git');
    git('-c', 'user.name=Test', '-c', 'user.email=test@example.com', 'commit', '-q', '--allow-empty', '-m', 'init');
    const commit = git('rev-parse', 'HEAD');
    const output = await buildGraph({ repo: dir, threads: 1 });
    expect(output.graph.repo).toEqual({ name: 'acme/docs', url: 'https://github.com/acme/docs', ref: 'trunk', commit });
    // A link to this repository on GitHub is a link inside it.
    expect(output.graph.edges.filter((e) => e.source === 'doc:README.md' && e.kind === 'links_to').map((e) => e.target)).toEqual(['doc:guide.md']);
    const flagged = await buildGraph({ repo: dir, threads: 1, repoUrl: 'https://github.com/acme/fork', ref: 'v1.0' });
    expect(flagged.graph.repo).toEqual({ name: 'acme/fork', url: 'https://github.com/acme/fork', ref: 'v1.0' });
  });
});
