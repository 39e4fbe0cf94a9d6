import { describe, expect, it } from 'vitest';
import { looksLikePersonName, parsePeople } from '../../src/build/text/people.ts';
import { CNCF } from '../helpers/graph.ts';

describe('parsePeople', () => {
  const cases: Array<[string, unknown[]]> = [
    ['Anca Sailer, Robert Ficcaglia', [{ name: 'Anca Sailer' }, { name: 'Robert Ficcaglia' }]],
    ['Marina Moore @mnm678, and Victor Lu @victorjunlu', [{ name: 'Marina Moore', handle: 'mnm678' }, { name: 'Victor Lu', handle: 'victorjunlu' }]],
    ['Yi-Ying He(@q82419), Hung-Ying Tai(@hydai)', [{ name: 'Yi-Ying He', handle: 'q82419' }, { name: 'Hung-Ying Tai', handle: 'hydai' }]],
    ['Ann Lee @ann Bo Chan @bochan', [{ name: 'Ann Lee', handle: 'ann' }, { name: 'Bo Chan', handle: 'bochan' }]],
    ['Danielle Tal and Thilo Fromm', [{ name: 'Danielle Tal' }, { name: 'Thilo Fromm' }]],
    ['Brandon Lum (IBM) , Chase Pettet (Mirantis (chase@example.com))', [{ name: 'Brandon Lum', organization: 'IBM' }, { name: 'Chase Pettet', organization: 'Mirantis' }]],
    ['Rowan Baker & Andrew Martin (ControlPlane)', [{ name: 'Rowan Baker' }, { name: 'Andrew Martin', organization: 'ControlPlane' }]],
    ['Emily Fox (TOC Liaison)', [{ name: 'Emily Fox', roleNote: 'toc-liaison' }]],
    ['Alex Floyd Marshall - Soren Technology', [{ name: 'Alex Floyd Marshall', organization: 'Soren Technology' }]],
    ['@lizrice', [{ handle: 'lizrice' }]],
    ['Marco De Benedictis', [{ name: 'Marco De Benedictis' }]],
    ['Link', []],
    ['Dan Shaw (@dshaw), PayPal', [{ name: 'Dan Shaw', handle: 'dshaw', organization: 'PayPal' }]],
    ['Evan Gilman (@evan2645), Andrew Jessup, Tyler Julian (@apty)', [{ name: 'Evan Gilman', handle: 'evan2645' }, { name: 'Andrew Jessup' }, { name: 'Tyler Julian', handle: 'apty' }]],
    ['Gaius @gaius-qi', [{ name: 'Gaius', handle: 'gaius-qi' }]],
    ['TBD', []],
    ['Daniel Oh | GitHub (@danieloh30) | Twitter', [{ name: 'Daniel Oh', handle: 'danieloh30' }]],
    ['Edward (Ted) Newman, Kief Morris', [{ name: 'Edward Newman' }, { name: 'Kief Morris' }]],
    ['PDF', []],
    ['someone@example.com, other@example.org', []],
    ['Original White Paper authors', []],
    ['_list names and github handles as appropriate_', []],
  ];
  it.each(cases)('%s', (text, expected) => {
    expect(parsePeople(text, CNCF)).toEqual(expected);
  });
});

describe('looksLikePersonName', () => {
  it('accepts names with accents and particles', () => {
    expect(looksLikePersonName('Andrés Vega', CNCF)).toBe(true);
    expect(looksLikePersonName('Ana de la Cruz', CNCF)).toBe(true);
  });
  it('rejects words, sentences and teams', () => {
    for (const text of ['Link', 'TBD', 'the security team', 'Security Assessments', 'Responsible for code review', 'https://x.io']) {
      expect(looksLikePersonName(text, CNCF)).toBe(false);
    }
  });
});

describe('parsePeople with contact details', () => {
  it.each<[string, unknown[]]>([
    ['Aurora Cruci: <aac9988@nyu.edu>', [{ name: 'Aurora Cruci' }]],
    ['cyrush@google.com, rayc@google.com 10 May 2017', []],
    ['Akash HR(akashhr)', [{ name: 'Akash HR' }]],
    ['Sushanth Rabipalli sushanth3120', [{ name: 'Sushanth Rabipalli', handle: 'sushanth3120' }]],
  ])('%s', (text, expected) => {
    expect(parsePeople(text, CNCF)).toEqual(expected);
  });
});
