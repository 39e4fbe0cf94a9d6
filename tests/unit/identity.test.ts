import { describe, expect, it } from 'vitest';
import type { PersonMention } from '../../src/build/facts.ts';
import { resolveIdentities } from '../../src/build/resolve/identity.ts';
import { CNCF } from '../helpers/graph.ts';

let line = 0;
const mention = (fields: Omit<PersonMention, 'source'>, path = 'a.md'): PersonMention => ({ ...fields, source: { path, line: ++line } });

describe('resolveIdentities', () => {
  it('merges by folded name, by handle, and through a name given with a handle', () => {
    const mentions = [
      mention({ name: 'Andres Vega' }),
      mention({ name: 'Andrés Vega' }),
      mention({ name: 'andrés  vega' }),
      mention({ handle: 'TheFoxAtWork' }),
      mention({ name: 'Emily Fox', handle: 'thefoxatwork' }),
      mention({ name: 'Emily Fox' }),
      mention({ name: 'Santiago Torres-Arias' }),
      mention({ name: 'Santiago Torres Arias' }),
    ];
    const identities = resolveIdentities(mentions, CNCF);
    expect(identities.people.map((p) => p.label).sort()).toEqual(['Andrés Vega', 'Emily Fox', 'Santiago Torres Arias'].sort());
    const emily = identities.people.find((p) => p.label === 'Emily Fox')!;
    expect(emily.handle).toBe('TheFoxAtWork');
    expect(identities.personOf(mentions[3]!)).toBe(emily.id);
    expect(identities.personOf(mentions[0]!)).toBe(identities.personOf(mentions[1]!));
  });

  it('reports near-misses without merging them', () => {
    const identities = resolveIdentities([
      mention({ name: 'Robert Ficaglia' }),
      mention({ name: 'Robert Ficcaglia' }),
      mention({ name: 'Santiago Torres Arias' }),
      mention({ name: 'Santiago Arias Torres' }),
      mention({ name: 'Ann Lee' }),
      mention({ name: 'Ann Lei' }),
    ], CNCF);
    expect(identities.people).toHaveLength(6);
    expect(identities.possibleDuplicates.map((d) => [d.labels, d.reason])).toEqual([
      [['Robert Ficaglia', 'Robert Ficcaglia'], 'names 1 letter apart'],
      [['Santiago Arias Torres', 'Santiago Torres Arias'], 'same words in another order'],
    ]);
  });

  it('keeps organisations apart from people and links affiliations', () => {
    const identities = resolveIdentities([
      mention({ name: 'Jeyappragash JJ', organization: 'Tetrate.io' }),
      mention({ name: 'Gadi Naor', organization: 'Tetrate IO' }),
      mention({ name: 'Tetrate' }),
      mention({ name: 'Pushkar Joglekar', organization: 'Independent' }),
    ], CNCF);
    expect(identities.people.map((p) => p.label).sort()).toEqual(['Gadi Naor', 'Jeyappragash JJ', 'Pushkar Joglekar']);
    expect(identities.organizations.map((o) => o.label)).toHaveLength(1);
    expect(identities.organizationOf('tetrate.io')).toBe(identities.organizations[0]!.id);
    expect(identities.people.find((p) => p.label === 'Pushkar Joglekar')!.organizations).toEqual([]);
  });

  it('gives distinct ids to distinct people with the same slug, whatever the input order', () => {
    const first = resolveIdentities([mention({ name: 'Jo Li', handle: 'joli1' }), mention({ name: 'Jö Li', handle: 'joli2' })], CNCF);
    const second = resolveIdentities([mention({ name: 'Jö Li', handle: 'joli2' }), mention({ name: 'Jo Li', handle: 'joli1' })], CNCF);
    expect(first.people.map((p) => p.id)).toEqual(second.people.map((p) => p.id));
    expect(new Set(first.people.map((p) => p.id)).size).toBe(first.people.length);
  });
});

describe('aliases', () => {
  it('lists a handle once whatever its case', () => {
    const identities = resolveIdentities([mention({ name: 'Justin Cappos', handle: 'JustinCappos' }), mention({ handle: 'justincappos' }), mention({ name: 'Justin Cappos', handle: 'JustinCappos' })], CNCF);
    expect(identities.people).toHaveLength(1);
    expect(identities.people[0]).toMatchObject({ label: 'Justin Cappos', handle: 'JustinCappos', aliases: ['@JustinCappos'] });
  });
});

describe('organisations', () => {
  it('reads a list of organisations as several', () => {
    const identities = resolveIdentities([mention({ name: 'Ann Lee', organization: 'SparkFabrik, Cartografos' }), mention({ name: 'Bo Chan', organization: 'SparkFabrik' })], CNCF);
    expect(identities.organizations.map((o) => o.label)).toEqual(['Cartografos', 'SparkFabrik']);
    expect(identities.people.find((p) => p.label === 'Ann Lee')!.organizations.map((o) => o.label)).toEqual(['Cartografos', 'SparkFabrik']);
  });
});
