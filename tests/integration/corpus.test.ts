import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { runSearch, searchCatalogOf } from '../../src/app/lib/search-engine.ts';
import { loadShards } from '../helpers/search.ts';
import { buildGraph, type BuildOutput } from '../../src/build/pipeline.ts';
import { searchIndexOf } from '../../src/build/search-index.ts';
import { DEFAULT_REGISTRY } from '../../src/kinds/registry.ts';
import { GraphQuery } from '../helpers/graph.ts';
import { graphCommandArgs } from '../../scripts/lib/graph-command.ts';

/** The shared copy of cncf/tag-security; CI always has it beside the checkout. */
const corpus = process.env.TAG_REPO ?? join(import.meta.dirname, '../../../shared/corpus/tag-security');
let output: BuildOutput;
let q: GraphQuery;

describe.skipIf(!existsSync(corpus) && !process.env.CI)('build on the tag-security corpus', () => {
  beforeAll(async () => {
    output = await buildGraph({ repo: corpus });
    q = new GraphQuery(output.graph);
  });

  it('reads every markdown file outside vendored themes as a document', () => {
    expect(output.report.stats.documents).toBe(282);
    expect(output.report.stats.excluded).toEqual(['website/themes']);
    expect(output.graph.repo).toMatchObject({ name: 'cncf/tag-security', url: 'https://github.com/cncf/tag-security' });
  });

  it('knows who leads each working group', () => {
    const leads = (group: string): string[] =>
      q.labels(q.edges({ target: q.find('group', group).id, kind: 'role', role: 'lead' }).map((e) => e.source));
    expect(leads('Automated Governance')).toContain('Brandt Keller');
    expect(leads('Compliance')).toEqual(['Anca Sailer', 'Robert Ficcaglia']);
    expect(leads('Security Assessments')).toEqual(['Justin Cappos']);
    expect(leads('Catalog of Supply Chain Compromises')).toEqual(['Santiago Arias Torres']);
    expect(q.labels(q.edges({ target: q.find('group', 'Commons').id, role: 'stag-rep' }).map((e) => e.source))).toEqual(['Marco De Benedictis']);
  });

  it('merges people by name and handle', () => {
    const emily = q.find('person', 'Emily Fox');
    expect(emily.attrs?.['handle']).toBe('TheFoxAtWork');
    expect(q.edges({ source: emily.id, role: 'chair-emeritus' }).map((e) => q.node(e.target).label)).toEqual(['Security Technical Advisory Group']);
    expect(output.graph.nodes.filter((n) => n.kind === 'person' && /^andr[eé]s vega$/i.test(n.label))).toHaveLength(1);
    expect(output.report.possibleDuplicates.map((d) => d.labels)).toEqual(
      expect.arrayContaining([
        ['Robert Ficaglia', 'Robert Ficcaglia'],
        ['Santiago Arias Torres', 'Santiago Torres Arias'],
      ]),
    );
    for (const word of ['Link', 'PDF', 'TBD', 'Outcome']) expect(output.graph.nodes.some((n) => n.kind === 'person' && n.label === word)).toBe(false);
  });

  it('catalogs compromises with years and split categories', () => {
    const xz = q.find('compromise', 'xz backdoor incident');
    expect(xz.attrs).toMatchObject({ year: 2024, types: ['Malicious Maintainer'] });
    expect(q.edges({ source: xz.id, kind: 'in_category' }).map((e) => e.target)).toEqual(['category:malicious-maintainer']);
    expect(q.edges({ target: xz.id, kind: 'describes' }).map((e) => e.source)).toEqual(['doc:community/catalog/compromises/2024/xz.md']);
    expect(q.node('category:publishing-infrastructure').label).toBe('Publishing Infrastructure');
    const twoTypes = output.graph.nodes.filter((n) => n.kind === 'compromise' && Array.isArray(n.attrs?.['types']) && n.attrs['types'].length > 1);
    expect(twoTypes.length).toBeGreaterThanOrEqual(10);
  });

  it('finds assessed projects with their documents, reviewers and security leads', () => {
    expect(output.report.stats.nodesByKind['project']).toBe(50);
    const harbor = q.find('project', 'Harbor');
    expect(q.labels(q.edges({ target: harbor.id, role: 'project-security-lead' }).map((e) => e.source))).toEqual(['Michael Michael']);
    const cappos = q.find('person', 'Justin Cappos');
    const reviewed = q.labels(q.edges({ source: cappos.id, role: 'security-reviewer' }).map((e) => e.target));
    expect(reviewed).toEqual(expect.arrayContaining(['Dragonfly', 'Harbor', 'OPA', 'WasmEdge', 'spiffe-spire']));
    const cortex = q.find('project', 'Cortex');
    expect(q.edges({ target: cortex.id, kind: 'assesses' }).map((e) => e.role).sort()).toEqual(['self-assessment', 'threat-model']);
  });

  it('merges a handle with the named person who carries it, and reads labelled tables', () => {
    const vega = q.find('person', 'Andres Vega');
    expect(vega.attrs?.['handle']).toBe('anvega');
    expect(output.graph.nodes.some((n) => n.kind === 'person' && n.label === '@anvega')).toBe(false);
    expect(q.edges({ source: vega.id, kind: 'author' }).map((e) => e.target)).toContain('doc:community/assessments/projects/spiffe-spire/self-assessment.md');
    const kyverno = q.find('project', 'Kyverno');
    expect(q.labels(q.edges({ target: kyverno.id, role: 'security-reviewer' }).map((e) => e.source))).toEqual(['John Kinsella', 'Wesley Steehouwer']);
    expect(q.labels(q.edges({ target: kyverno.id, role: 'project-security-lead' }).map((e) => e.source))).toEqual(['Jim Bugwadia', 'Shuting Zhao']);
  });

  it('links translations of the whitepaper to its original, and makes no organisation of a handle or role', () => {
    const original = 'doc:community/resources/security-whitepaper/v2/cloud-native-security-whitepaper.md';
    expect(q.edges({ target: original, kind: 'translation_of' }).map((e) => e.source).sort()).toEqual([
      'doc:community/resources/security-whitepaper/v2/cloud-native-security-whitepaper-it.md',
      'doc:community/resources/security-whitepaper/v2/cloud-native-security-whitepaper-ja.md',
    ]);
    expect(q.node('doc:community/resources/security-whitepaper/v2/cloud-native-security-whitepaper-ja.md').attrs?.['lang']).toBe('ja');
    for (const node of output.graph.nodes.filter((n) => n.kind === 'organization')) expect(node.label).not.toMatch(/^@|\/|^(chair|lead|tl)$/i);
  });

  it('makes the same search index from a build’s facts afterwards (watch mode) as during the build', async () => {
    expect(await searchIndexOf(output.documents, output.graph, DEFAULT_REGISTRY)).toEqual(output.searchIndex);
  });

  it('finds entities by a swapped pair of letters and by the names in their write-ups', () => {
    const index = loadShards(output.searchIndex!);
    const catalog = searchCatalogOf(output.graph);
    expect(runSearch(index, 'kyvreno', catalog)[0]).toMatchObject({ nodeId: 'project:kyverno' });
    expect(runSearch(index, 'SolarWinds', catalog)[0]).toMatchObject({ kind: 'compromise', title: 'SUNBURST/SUNSPOT/Solarigate' });
    expect(runSearch(index, 'harbr', catalog)[0]).toMatchObject({ nodeId: 'project:harbor' });
  });

  it('reads publications with release dates and formats', () => {
    const whitepaper = q.find('publication', 'Cloud Native Security Whitepaper');
    expect(whitepaper.attrs?.['date']).toBe('2022-05');
    expect(whitepaper.attrs?.['formats']).toEqual(expect.arrayContaining(['audio', 'markdown', 'pdf']));
    const formats = q.edges({ source: whitepaper.id, kind: 'has_format' }).map((e) => e.target);
    expect(formats).toContain('doc:community/resources/security-whitepaper/v2/cloud-native-security-whitepaper.md');
    expect(formats).toContain('asset:community/resources/security-whitepaper/v2/CNCF_cloud-native-security-whitepaper-May2022-v2.pdf');
    expect(q.find('publication', 'Software Supply Chain Best Practices v2').attrs?.['date']).toBe('2025-03');
  });

  it('reports broken links with suggestions', () => {
    expect(output.report.brokenLinks).toContainEqual({ source: 'governance/process.md', line: 111, target: 'charter.md', missing: 'file', reason: 'file not found' });
    expect(output.report.brokenLinks).toContainEqual({
      source: 'community/assessments/projects/karmada/self-assessment.md',
      line: 327,
      target: '/assessments/projects/karmada/threatmodeling.md',
      missing: 'file',
      reason: 'file not found',
      suggestion: 'community/assessments/projects/karmada/threatmodeling.md',
    });
  });

  it('resolves links to folders and back into the repository from GitHub URLs', () => {
    expect(q.edges({ source: 'doc:README.md', target: 'doc:community/catalog/compromises/README.md', kind: 'links_to' })).toHaveLength(1);
    const inbound = q.edges({ target: 'doc:community/working-groups/supply-chain-security/supply-chain-security-paper/sscsp.md', kind: 'links_to' });
    expect(inbound.length).toBeGreaterThanOrEqual(3);
  });

  it('npm run graph (the bundled CLI, its worker bundles and V8 flags) writes what the pipeline builds', async () => {
    const out = mkdtempSync(join(tmpdir(), 'corpus-cli-'));
    try {
      const { nodeOptions, script } = graphCommandArgs(join(import.meta.dirname, '../..'));
      await promisify(execFile)(process.execPath, [...nodeOptions, ...script, '--repo', corpus, '--out', out, '--quiet', '--stats', `${out}.stats.json`]);
      for (const name of ['graph.json', 'search-index.json']) expect(readFileSync(join(out, name), 'utf8')).toBe(output.files.get(name));
      // Each stage's time, and when it began since the process started (bench:build reads both).
      const stats = JSON.parse(readFileSync(`${out}.stats.json`, 'utf8')) as { timeByStageMs: Record<string, number>; stageStartMs: Record<string, number> };
      expect(Object.keys(stats.stageStartMs).slice(0, 4)).toEqual(['collect', 'load', 'extract', 'assemble']);
      const { collect, load, extract, assemble } = stats.stageStartMs as Record<'collect' | 'load' | 'extract' | 'assemble', number>;
      expect(collect).toBeGreaterThan(0);
      // Each figure is rounded to a millisecond on its own.
      expect(extract).toBeGreaterThanOrEqual(load + stats.timeByStageMs['load']! - 2);
      expect(assemble).toBeGreaterThanOrEqual(extract + stats.timeByStageMs['extract']! - 2);
    } finally {
      rmSync(out, { recursive: true, force: true });
      rmSync(`${out}.stats.json`, { force: true });
    }
  }, 120_000);
});
