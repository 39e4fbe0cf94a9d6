import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import GithubSlugger from 'github-slugger';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/build/pipeline.ts';

/**
 * One case per anchor rule: a document that defines anchors, a link that must resolve and one
 * that must be reported. Heading anchors are what github-slugger makes of the heading's text.
 */
interface AnchorCase {
  rule: string;
  files: Record<string, string>;
  good: string;
  bad: string;
}

const slugs = (...texts: string[]): string[] => {
  const slugger = new GithubSlugger();
  return texts.map((text) => slugger.slug(text));
};

const CASES: AnchorCase[] = [
  { rule: 'punctuation', files: { 'doc.md': "## What's new? (v2.0)\n" }, good: `#${slugs("What's new? (v2.0)")[0]}`, bad: "#what's-new" },
  { rule: 'duplicate headings', files: { 'doc.md': '## Setup\n\n## Setup\n' }, good: `#${slugs('Setup', 'Setup')[1]}`, bad: '#setup-2' },
  { rule: 'emoji', files: { 'doc.md': '## 🚀 Launch\n' }, good: `#${slugs('🚀 Launch')[0]}`, bad: '#launch' },
  { rule: 'non-Latin script', files: { 'doc.md': '## 概要と目的\n' }, good: `#${encodeURIComponent(slugs('概要と目的')[0]!)}`, bad: '#gaiyou' },
  { rule: 'TAB inside a heading', files: { 'doc.md': '## Threat\tmodel\n' }, good: `#${slugs('Threat\tmodel')[0]}`, bad: '#threat-model' },
  { rule: 'two spaces inside a heading', files: { 'doc.md': '## Threat  model\n' }, good: `#${slugs('Threat  model')[0]}`, bad: '#threat-model' },
  { rule: 'HTML id on an anchor', files: { 'doc.md': '<a id="centrally_admin"></a>\n\nText.\n' }, good: '#centrally_admin', bad: '#centrally-admin' },
  { rule: 'HTML name', files: { 'doc.md': 'See <a name="mapping"></a>the mapping.\n' }, good: '#mapping', bad: '#mappings' },
  { rule: 'HTML id on another tag', files: { 'doc.md': '<p id="gdcalert3">Alert</p>\n' }, good: '#gdcalert3', bad: '#gdcalert4' },
  { rule: 'footnote', files: { 'doc.md': 'Claim.[^note]\n\n[^note]: Source.\n' }, good: '#fn-note', bad: '#fn-other' },
  { rule: 'footnote reference with GitHub’s suffix', files: { 'doc.md': 'Claim.[^1]\n\n[^1]: Source.\n' }, good: '#user-content-fnref-1-4a8e1b2c', bad: '#fnref-2-4a8e1b2c' },
  { rule: 'user-content- prefix', files: { 'doc.md': '## Setup\n' }, good: '#user-content-setup', bad: '#user-content-nope' },
  { rule: 'line anchors', files: { 'doc.md': '## Setup\n' }, good: '#L10-L20', bad: '#L10-L20x' },
  { rule: "another file's heading", files: { 'doc.md': '# Doc\n', 'other.md': '## Intro\n' }, good: 'other.md#intro', bad: 'other.md#outro' },
  { rule: "a folder's README", files: { 'doc.md': '# Doc\n', 'guide/README.md': '# Guide\n\n## Install\n' }, good: 'guide/#install', bad: 'guide/#uninstall' },
];

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'anchors-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function brokenTargets(name: string, files: Record<string, string>, links: string[]): Promise<string[]> {
  const repo = join(root, name.replace(/[^a-z0-9]+/gi, '-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    writeFileSync(join(repo, path), path === 'doc.md' ? `${text}\n${links.map((link) => `- [x](${link})`).join('\n')}\n` : text);
  }
  const { report } = await buildGraph({ repo, threads: 1, layout: false });
  return report.brokenLinks.map((link) => link.target);
}

describe('anchors', () => {
  it.each(CASES)('$rule: $good resolves, $bad is reported', async ({ rule, files, good, bad }) => {
    expect(await brokenTargets(rule, files, [good, bad])).toEqual([bad]);
  });
});
