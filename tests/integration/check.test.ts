import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Ajv from 'ajv-draft-04';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatGithub } from '../../src/findings/formats.ts';
import type { Finding } from '../../src/schema/findings.ts';

const run = promisify(execFile);
const repo = join(import.meta.dirname, '../fixtures/check-repo');
let scratch: string;

/** `npm run check` as CI runs it: the bundled CLI with its arguments; exit code and output. */
async function check(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const script = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts['check']!;
  const [, ...nodeArgs] = script.split(' ');
  try {
    const { stdout, stderr } = await run(process.execPath, [...nodeArgs, ...args], { env: { ...process.env, npm_package_version: '0.1.0' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'check-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('npm run check', () => {
  it('exits 1 on errors by default, 0 below the threshold, 2 on bad usage', async () => {
    expect((await check('--repo', repo)).code).toBe(1);
    expect((await check('--repo', repo, '--fail-on', 'never')).code).toBe(0);
    const config = join(scratch, 'only-warnings.json');
    writeFileSync(config, JSON.stringify({ dismiss: [{ rule: 'missing-file', path: 'README.md' }, { rule: 'missing-anchor', path: '**' }, { rule: 'missing-format', path: 'docs/*.md', line: 6 }] }));
    expect((await check('--repo', repo, '--config', config)).code).toBe(0);
    expect((await check('--repo', repo, '--config', config, '--fail-on', 'warning')).code).toBe(1);
    const usage = await check('--repo', repo, '--format', 'xml');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('unknown format "xml"');
    expect((await check('--format', 'text')).code).toBe(2);
  }, 120_000);

  it('prints text grouped by file with counts', async () => {
    const { stdout } = await check('--repo', repo, '--fail-on', 'never');
    expect(stdout.startsWith('README.md\n')).toBe(true);
    expect(stdout).toContain('\n      3  error    missing-file              link to docs/nowhere.md: file not found\n');
    expect(stdout.trim().split('\n').at(-1)).toBe('3 errors, 3 warnings, 0 notes');
  }, 60_000);

  it('prints GitHub workflow annotations as GitHub documents them', async () => {
    const { stdout } = await check('--repo', repo, '--format', 'github', '--fail-on', 'never');
    expect(stdout.split('\n')).toContain('::error file=README.md,line=3,title=missing-file::link to docs/nowhere.md: file not found');
    expect(stdout.split('\n')).toContain('::warning file=people/list.md,line=6,title=near-duplicate-person::“Carl Nikansah” and “Carl Nkansah” may be one person (names 1 letter apart); confirm with "same" or "different" in the config file');
    // Data escapes %, CR and LF; properties also : and ,.
    const tricky: Finding = { rule: 'missing-file', severity: 'error', path: 'a,b:c%.md', line: 2, message: '50% done\r\nnext' };
    expect(formatGithub({ findings: [tricky, { ...tricky, severity: 'info' }], repoName: 'x', version: '0' })).toBe(
      '::error file=a%2Cb%3Ac%25.md,line=2,title=missing-file::50%25 done%0D%0Anext\n::notice file=a%2Cb%3Ac%25.md,line=2,title=missing-file::50%25 done%0D%0Anext\n',
    );
  }, 60_000);

  it('writes SARIF 2.1.0 that the official schema accepts', async () => {
    const out = join(scratch, 'check.sarif');
    expect((await check('--repo', repo, '--format', 'sarif', '--out', out, '--fail-on', 'never')).code).toBe(0);
    const sarif = JSON.parse(readFileSync(out, 'utf8')) as { runs: Array<{ results: Array<{ ruleId: string; level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }> }> }> };
    const schema = createRequire(import.meta.url)('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as object;
    const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile(schema);
    expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
    const anchor = sarif.runs[0]!.results.find((result) => result.ruleId === 'missing-anchor')!;
    expect(anchor.level).toBe('error');
    expect(anchor.locations[0]!.physicalLocation).toEqual({ artifactLocation: { uri: 'README.md', uriBaseId: '%SRCROOT%' }, region: { startLine: 4 } });
    // A result the schema must reject, so the validation above can fail.
    expect(validate({ ...sarif, version: '2.0.0' })).toBe(false);
  }, 60_000);

  it('writes JSON and a Markdown summary', async () => {
    const json = JSON.parse((await check('--repo', repo, '--format', 'json', '--fail-on', 'never')).stdout) as { counts: Record<string, number>; findings: Finding[] };
    expect(json.counts).toEqual({ error: 3, warning: 3, info: 0 });
    expect(json.findings.map((finding) => `${finding.rule} ${finding.path}:${finding.line}`)).toEqual([
      'group-without-leads README.md:1',
      'missing-file README.md:3',
      'missing-anchor README.md:4',
      'near-duplicate-person docs/guide.md:5',
      'missing-format docs/publications.md:6',
      'near-duplicate-person people/list.md:6',
    ]);
    const markdown = (await check('--repo', repo, '--format', 'markdown', '--fail-on', 'never')).stdout;
    expect(markdown).toContain('| `missing-file` | error | 1 |');
    expect(markdown).toContain('<details><summary>README.md (3)</summary>');
  }, 60_000);

  it('applies decisions: confirmed merges change the graph, dismissals hold, stale ones are reported', async () => {
    const config = join(scratch, 'decisions.json');
    writeFileSync(
      config,
      JSON.stringify({
        same: [['Bob Stone', 'Bob Ston'], ['Nobody Here', 'Bob Stone']],
        different: [['Carl Nkansah', 'Carl Nikansah'], ['Ann Lee', 'Ana Lee']],
        dismiss: [{ rule: 'group-without-leads', path: 'README.md' }, { rule: 'missing-file', path: 'gone/**' }],
      }),
    );
    const json = JSON.parse((await check('--repo', repo, '--config', config, '--format', 'json', '--fail-on', 'never')).stdout) as { findings: Finding[] };
    const rules = json.findings.map((finding) => `${finding.rule} ${finding.path}`);
    expect(rules).not.toContain('near-duplicate-person docs/guide.md');
    expect(rules).not.toContain('near-duplicate-person people/list.md');
    expect(rules).not.toContain('group-without-leads README.md');
    const stale = json.findings.filter((finding) => finding.rule === 'stale-decision').map((finding) => finding.message);
    expect(stale).toEqual([
      '"different": ["Ann Lee", "Ana Lee"] no longer matches a possible duplicate',
      '"dismiss": { "rule": "missing-file", "path": "gone/**" } dismisses nothing',
      '"same": ["Nobody Here", "Bob Stone"] names someone nobody in the repository is called',
    ]);
    expect(json.findings.find((finding) => finding.rule === 'stale-decision')!.path).toBe(config);
    const graphOut = join(scratch, 'graph-out');
    await run(process.execPath, ['scripts/run-bundled.mjs', 'scripts/build-graph.ts', '--repo', repo, '--out', graphOut, '--config', config, '--no-layout', '--quiet']);
    const graph = JSON.parse(readFileSync(join(graphOut, 'graph.json'), 'utf8')) as { nodes: Array<{ kind: string; label: string; attrs?: { aliases?: string[] } }> };
    const bobs = graph.nodes.filter((node) => node.kind === 'person' && node.label.startsWith('Bob'));
    expect(bobs).toHaveLength(1);
    expect(bobs[0]!.attrs?.aliases).toContain(bobs[0]!.label === 'Bob Stone' ? 'Bob Ston' : 'Bob Stone');
  }, 120_000);
});
