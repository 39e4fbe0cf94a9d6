import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { median } from './bench/stats.ts';

/**
 * `npm run bench:check`: the checker against remark-validate-links on the same tree, side by
 * side in one run. Each run is a cold process; the two alternate so machine noise falls on
 * both. Prints wall time and peak memory, then the findings of both by type and where they
 * differ, for a person to judge.
 */
const { values } = parseArgs({
  options: {
    repo: { type: 'string', default: process.env.TAG_REPO ?? '../shared/corpus/tag-security' },
    'repo-url': { type: 'string', default: 'https://github.com/cncf/tag-security' },
    runs: { type: 'string', default: '5' },
  },
});
const runs = Number(values.runs);
const repoUrl = values['repo-url'];
// remark-validate-links reads the tree it is given; it gets a copy, as the corpus is read-only.
const copy = mkdtempSync(join(tmpdir(), 'bench-check-'));
cpSync(resolve(values.repo), copy, { recursive: true });
const rss = resolve('scripts/bench/report-rss.cjs');

interface Run {
  ms: number;
  maxRssMb: number;
  stdout: string;
}

function measure(args: string[]): Run {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['-r', rss, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const peak = /maxrss-kb (\d+)/.exec(result.stderr)?.[1];
  if (result.status !== 0 || !peak) throw new Error(`${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return { ms, maxRssMb: Number(peak) / 1024, stdout: result.stdout };
}

const [, ...checkArgs] = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts['check']!.split(' ');
const ours: Run[] = [];
const oursWarm: Run[] = [];
const theirs: Run[] = [];
// Cold: nothing cached. Warm: the cache a previous run of the same tree left (as in CI with a
// cache step, or a second local run).
const cacheDir = mkdtempSync(join(tmpdir(), 'bench-check-cache-'));
const check = [...checkArgs, '--repo', copy, '--repo-url', repoUrl, '--format', 'json', '--fail-on', 'never'];
measure([...check, '--cache', cacheDir]);
for (let run = 0; run < runs; run += 1) {
  theirs.push(measure(['scripts/bench/remark-validate-links.mjs', copy, repoUrl, '**/themes/**', '**/node_modules/**']));
  ours.push(measure([...check, '--no-cache']));
  oursWarm.push(measure([...check, '--cache', cacheDir]));
}
rmSync(copy, { recursive: true, force: true });
rmSync(cacheDir, { recursive: true, force: true });

const row = (label: string, results: Run[]): string =>
  `${label.padEnd(36)}${`${(median(results.map((r) => r.ms)) / 1000).toFixed(2)} s`.padStart(10)}${`${median(results.map((r) => r.maxRssMb)).toFixed(0)} MB`.padStart(10)}`;
process.stdout.write(`repo: ${resolve(values.repo)}, ${runs} cold runs each, alternating\n${'what'.padEnd(36)}${'time'.padStart(10)}${'peak RSS'.padStart(10)}\n`);
process.stdout.write(`${row('remark-validate-links (+ remark-gfm)', theirs)}\n${row('npm run check, cold (--no-cache)', ours)}\n${row('npm run check, warm cache', oursWarm)}\n`);
for (const [label, results] of [['cold', ours], ['warm', oursWarm]] as const) {
  const ratio = median(results.map((r) => r.ms)) / median(theirs.map((r) => r.ms));
  const paired = median(results.map((r, index) => r.ms / theirs[index]!.ms));
  process.stdout.write(`check (${label}) / remark-validate-links: ×${ratio.toFixed(2)} (medians), ×${paired.toFixed(2)} (run by run)\n`);
}
process.stdout.write('\n');

interface Theirs {
  path: string;
  line: number;
  rule: string;
  reason: string;
}
interface Ours {
  path: string;
  line: number;
  rule: string;
  message: string;
}
const theirFindings = theirs[0]!.stdout.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Theirs);
const ourFindings = (JSON.parse(ours[0]!.stdout) as { findings: Ours[] }).findings;
const count = (rules: string[]): string => {
  const counts = new Map<string, number>();
  for (const rule of rules) counts.set(rule, (counts.get(rule) ?? 0) + 1);
  return [...counts].sort().map(([rule, n]) => `${rule} ${n}`).join(', ');
};
process.stdout.write(`remark-validate-links: ${count(theirFindings.map((f) => f.rule))}\n`);
process.stdout.write(`check: ${count(ourFindings.map((f) => f.rule))}\n\n`);
const at = (finding: { path: string; line: number }): string => `${finding.path}:${finding.line}`;
const ourPlaces = new Set(ourFindings.filter((f) => f.rule.startsWith('missing-')).map(at));
const theirPlaces = new Set(theirFindings.map(at));
process.stdout.write('reported by remark-validate-links only:\n');
for (const finding of theirFindings.filter((f) => !ourPlaces.has(at(f)))) process.stdout.write(`  ${at(finding)}  ${finding.rule}  ${finding.reason}\n`);
process.stdout.write('reported by the check only (links):\n');
for (const finding of ourFindings.filter((f) => f.rule.startsWith('missing-') && !theirPlaces.has(at(f)))) process.stdout.write(`  ${at(finding)}  ${finding.rule}  ${finding.message}\n`);
