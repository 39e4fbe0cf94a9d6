import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractRoleTable } from '../../src/build/extract/role-table.ts';
import { mentionKey, type EntityMention } from '../../src/build/facts.ts';
import { parsePeople } from '../../src/build/text/people.ts';
import { loadShards } from '../helpers/search.ts';
import { buildGraph } from '../../src/build/pipeline.ts';
import type { KindModule } from '../../src/kinds/kind.ts';
import { DEFAULT_REGISTRY, RegistryError } from '../../src/kinds/registry.ts';
import { CNCF_PROFILE } from '../../src/profiles/cncf.ts';
import { GENERIC_PROFILE } from '../../src/profiles/generic.ts';
import { extendProfile } from '../../src/profiles/profile.ts';
import { runSearch, searchCatalogOf } from '../../src/app/lib/search-engine.ts';
import { CNCF, GraphQuery } from '../helpers/graph.ts';

const fixtures = join(import.meta.dirname, '../fixtures');
const ENTITY_FREE_KINDS = new Set(['document', 'asset', 'external']);
let scratch: string;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'profiles-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('evidence before entities', () => {
  const negatives = readdirSync(join(fixtures, 'negatives')).sort();

  it.each(negatives)('%s yields no entity and no person with the cncf profile', async (name) => {
    // Alone in a folder below the root, so no root group or folder convention applies.
    const repo = join(scratch, name.replace(/\.md$/, ''));
    mkdirSync(join(repo, 'docs'), { recursive: true });
    cpSync(join(fixtures, 'negatives', name), join(repo, 'docs', name));
    const { graph } = await buildGraph({ repo, threads: 1, layout: false });
    expect(graph.nodes.filter((node) => !ENTITY_FREE_KINDS.has(node.kind)).map((node) => `${node.kind} ${node.label}`)).toEqual([]);
    expect(graph.edges.filter((edge) => edge.kind === 'role' || edge.kind === 'author')).toEqual([]);
  });

  it('a role table needs people in most rows', () => {
    const table = (rows: string[][]) => ({ headers: ['Project', 'Leads'], line: 1, rows: rows.map((row) => row.map((text, index) => ({ parts: [text], text, links: [], strong: false, line: 2 + index }))) });
    const profile = CNCF;
    expect(extractRoleTable('a.md', table([['Alpha', 'Ann Lee'], ['Beta', 'TBD'], ['Gamma', 'Bo Chan']]), profile)?.entities).toHaveLength(3);
    expect(extractRoleTable('a.md', table([['Alpha', 'yes'], ['Beta', 'TBD'], ['Gamma', 'Bo Chan']]), profile)).toBeUndefined();
  });
});

describe('handles', () => {
  const profile = CNCF;
  it.each([
    ['Alex Jones (github.com/AlexsJones)', [{ name: 'Alex Jones', handle: 'AlexsJones' }]],
    ['Alex Jones (https://github.com/AlexsJones/)', [{ name: 'Alex Jones', handle: 'AlexsJones' }]],
    ['Ann Lee - @annlee', [{ name: 'Ann Lee', handle: 'annlee' }]],
    ['Sarah Christoff (@schristoff) (TL)', [{ name: 'Sarah Christoff', handle: 'schristoff', roleNote: 'tech-lead' }]],
    ['Thomas Schuetz (의장)', [{ name: 'Thomas Schuetz', roleNote: 'chair' }]],
    ['Lian Li (@lianmakesthings) (Co-Chair, Term: 2024/04/16 - 2026/04/15)', [{ name: 'Lian Li', handle: 'lianmakesthings', roleNote: 'chair' }]],
  ])('%s', (text, expected) => {
    expect(parsePeople(text, profile)).toEqual(expected);
  });
});

describe('a repository shaped like the TOC', () => {
  it('makes one project per project folder, with its documents attached', async () => {
    const { graph } = await buildGraph({ repo: join(fixtures, 'toc-repo'), threads: 1, layout: false });
    const q = new GraphQuery(graph);
    const projects = graph.nodes.filter((node) => node.kind === 'project');
    expect(projects.map((node) => node.label).sort()).toEqual(['Argo', 'Flux', 'Kyverno']);
    const about = (label: string): string[] =>
      graph.edges.filter((edge) => (edge.kind === 'about' || edge.kind === 'assesses') && edge.target === q.find('project', label).id).map((edge) => `${edge.kind}:${edge.role} ${edge.source}`).sort();
    expect(about('Argo')).toEqual([
      'about:annual-review doc:projects/argo/annual-review-2023.md',
      'about:due-diligence doc:projects/argo/due-diligence.md',
      'about:proposal doc:projects/argo/graduation-proposal.md',
    ]);
    expect(about('Flux')).toEqual([
      'about:adopter-interview doc:projects/flux/adopter-interviews/acme.md',
      'about:due-diligence doc:projects/flux/due-diligence.md',
      'about:proposal doc:projects/flux/incubation-proposal.md',
    ]);
    expect(about('Kyverno')).toContain('assesses:security-assessment doc:projects/kyverno/security-assessment.md');
    const kyverno = q.find('project', 'Kyverno');
    expect(q.labels(q.edges({ target: kyverno.id, role: 'security-reviewer' }).map((edge) => edge.source))).toEqual(['Bo Chan', 'Cyd Ortiz']);
    expect(q.labels(q.edges({ target: q.find('project', 'Argo').id, role: 'project-security-lead' }).map((edge) => edge.source))).toEqual(['Ada Quinn']);
    expect(q.find('project', 'Argo').attrs).toMatchObject({ folder: 'projects/argo', documents: ['annual-review', 'due-diligence', 'proposal'] });
  });
});

describe('the generic profile', () => {
  it('keeps documents, links, people tables and front-matter authors, and invents no groups', async () => {
    const { graph } = await buildGraph({ repo: join(fixtures, 'demo-repo'), threads: 1, layout: false, profile: GENERIC_PROFILE });
    const kinds = new Set(graph.nodes.map((node) => node.kind));
    for (const kind of ['group', 'publication', 'compromise', 'category', 'project']) expect(kinds.has(kind), kind).toBe(false);
    expect(graph.nodes.filter((node) => node.kind === 'document')).toHaveLength(13);
    expect(graph.kinds.nodes.map((info) => info.kind)).toEqual(DEFAULT_REGISTRY.modules.map((m) => m.info.kind).filter((kind) => kinds.has(kind)));
  });
});

describe('a toy kind registered in one folder', () => {
  const talk: KindModule = {
    identity: 'link-or-label',
    info: { kind: 'talk', label: 'Talk', color: '#123456', shape: 'star', searchBoost: 2.5, searchedAttributes: ['year'], attributes: { year: 'when it was given' } },
    tables: [
      {
        name: 'talk-table',
        priority: 5,
        read(table, { path, profile }) {
          if (table.headers[0] !== 'Talk' || table.headers[1] !== 'Speaker') return undefined;
          const entities: EntityMention[] = [];
          const roles = table.rows.flatMap((row) => {
            const mention: EntityMention = { kind: 'talk', label: row[0]!.text, attrs: { year: Number(row[2]!.text) }, source: { path, line: row[0]!.line } };
            entities.push(mention);
            return parsePeople(row[1]!.text, profile).map((person) => ({ person: { ...person, source: { path, line: row[1]!.line } }, role: 'speaker', subject: { type: 'mention' as const, key: mentionKey(mention) } }));
          });
          return { entities, roles };
        },
      },
    ],
  };

  it('goes end to end: graph, catalogue and search index', async () => {
    const repo = join(scratch, 'talks-repo');
    mkdirSync(join(repo, 'docs'), { recursive: true });
    writeFileSync(join(repo, 'docs/talks.md'), '# Talks\n\n| Talk | Speaker | Year |\n| --- | --- | --- |\n| Supply chains at scale | Ann Lee (@annlee) | 2024 |\n| Policy as code | Bo Chan | 2023 |\n');
    const { graph, searchIndex } = await buildGraph({
      repo,
      threads: 1,
      layout: false,
      registry: DEFAULT_REGISTRY.with(talk),
      profile: extendProfile(CNCF_PROFILE, { recognisers: { enable: ['talk-table'] } }),
    });
    const q = new GraphQuery(graph);
    const node = q.find('talk', 'Supply chains at scale');
    expect(node).toMatchObject({ id: 'talk:supply-chains-at-scale', attrs: { year: 2024 }, sources: [{ path: 'docs/talks.md', line: 5 }] });
    expect(q.edges({ target: node.id, kind: 'role', role: 'speaker' }).map((edge) => edge.source)).toEqual(['person:ann-lee']);
    expect(graph.kinds.nodes.find((info) => info.kind === 'talk')).toEqual(talk.info);
    const index = loadShards(searchIndex!);
    const catalog = searchCatalogOf(graph);
    expect(runSearch(index, 'policy', catalog)[0]).toMatchObject({ nodeId: 'talk:policy-as-code', kind: 'talk', title: 'Policy as code' });
    expect(runSearch(index, '2024', catalog).map((hit) => hit.nodeId)).toContain('talk:supply-chains-at-scale');
  });

  it('is refused when it clashes with a registered kind', () => {
    expect(() => DEFAULT_REGISTRY.with({ ...talk, info: { ...talk.info, kind: 'person' } })).toThrow(RegistryError);
    expect(() => DEFAULT_REGISTRY.with({ ...talk, info: { ...talk.info, kind: 'Not A Kind' } })).toThrow(/lower-case/);
  });
});
