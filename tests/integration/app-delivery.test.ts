import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGraph, type BuildOutput } from '../../src/build/pipeline.ts';
import { GraphQuery } from '../helpers/graph.ts';

/** The shared copy of cncf/tag-app-delivery: a Hugo site with translations, written for nobody's recognisers. */
const corpus = join(import.meta.dirname, '../../../shared/corpus/tag-app-delivery');
let output: BuildOutput;
let q: GraphQuery;

describe.skipIf(!existsSync(corpus) && !process.env.CI)('build on the tag-app-delivery corpus', () => {
  beforeAll(async () => {
    output = await buildGraph({ repo: corpus, layout: false });
    q = new GraphQuery(output.graph);
  });

  it('makes no organisation of a handle, an address or a role word', () => {
    const organizations = output.graph.nodes.filter((node) => node.kind === 'organization').map((node) => node.label);
    for (const label of organizations) expect(label).not.toMatch(/^@|\/|github\.com|^(TL|Chair|Co-Chair|의장)$/i);
    // The corpus names no employer at all: every organisation the old build made was a handle, a role or a nickname.
    expect(organizations).toEqual([]);
    expect(output.graph.nodes.some((node) => node.kind === 'organization' && /AlexsJones/.test(node.label))).toBe(false);
  });

  it('makes each working group one node: README, website page and translations', () => {
    const groups = output.graph.nodes.filter((node) => node.kind === 'group');
    expect(groups.map((node) => node.label).sort()).toEqual(['App Development Working Group', 'Artifacts WG', 'CNCF TAG App Delivery', 'Infrastructure Lifecycle WG', 'Operator Working Group', 'Platforms WG']);
    const platforms = q.find('group', 'Platforms WG');
    const homes = q.edges({ target: platforms.id, kind: 'describes' }).map((edge) => edge.source).sort();
    expect(homes).toEqual([
      'doc:platforms-wg/README.md',
      'doc:website/content/en/wgs/platforms/_index.md',
      'doc:website/content/ja/wgs/platforms/_index.md',
      'doc:website/content/ko/wgs/platforms/_index.md',
      'doc:website/content/zh/wgs/platforms/_index.md',
    ]);
    expect(platforms.attrs?.['aliases']).toEqual(expect.arrayContaining(['Platforms Working Group', '플랫폼 작업 그룹(WG)', 'プラットフォームWG', '平台工作组']));
    expect(q.labels(q.edges({ target: platforms.id, role: 'chair' }).map((edge) => edge.source))).toEqual(['Abby Bangser', 'Atulpriya Sharma', 'Colin Griffin']);
    expect(q.labels(q.edges({ target: platforms.id, role: 'tech-lead' }).map((edge) => edge.source))).toEqual(['Roberth Strand']);
  });

  it('keeps charters as documents about their group, not groups', () => {
    const operator = q.find('group', 'Operator Working Group');
    const charters = q.edges({ target: operator.id, kind: 'about' }).map((edge) => `${edge.role} ${edge.source}`).sort();
    expect(charters).toContain('charter doc:website/content/en/wgs/operator/charter/index.md');
    expect(charters).toContain('charter doc:website/content/ko/wgs/operator/charter/index.md');
    expect(output.graph.nodes.some((node) => node.kind === 'group' && /charter|憲章|章程/i.test(node.label))).toBe(false);
  });

  it('links translations to their original and knows their language', () => {
    expect(q.edges({ source: 'doc:website/content/ko/wgs/platforms/_index.md', kind: 'translation_of' }).map((edge) => edge.target)).toEqual(['doc:website/content/en/wgs/platforms/_index.md']);
    expect(q.node('doc:website/content/ja/_index.md').attrs?.['lang']).toBe('ja');
    expect(q.node('doc:website/content/en/_index.md').attrs?.['lang']).toBe('en');
  });

  it('gives contributors written as `Name (github.com/handle)` their handles', () => {
    expect(q.find('person', 'Alex Jones').attrs?.['handle']).toBe('AlexsJones');
    expect(q.find('person', 'Noah Kantrowitz').attrs?.['handle']).toBe('coderanger');
    const lian = q.find('person', 'Lian Li');
    expect(lian.attrs?.['handle']).toBe('lianmakesthings');
    expect(q.edges({ source: lian.id, target: q.find('group', 'CNCF TAG App Delivery').id, role: 'chair' })).toHaveLength(1);
  });
});
