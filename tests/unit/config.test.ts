import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileProfile, ProfileError } from '../../src/profiles/profile.ts';
import { loadConfig } from '../../scripts/lib/config.ts';

let dir: string;
let repo: string;
let cwd: string;
const write = (path: string, value: unknown): string => {
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'config-'));
  repo = join(dir, 'repo');
  cwd = join(dir, 'cwd');
  mkdirSync(repo);
  mkdirSync(cwd);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadConfig', () => {
  it('defaults to the cncf profile with no config file', async () => {
    const config = await loadConfig({}, repo, cwd);
    expect(config.profile.name).toBe('cncf');
    expect(config.excludes).toEqual([]);
    expect(config.path).toBeUndefined();
  });

  it('extends a profile: extra role words win, recognisers switch, excludes add up', async () => {
    const path = write(join(dir, 'extend.json'), {
      profile: { extends: 'cncf', roles: [{ role: 'steward', patterns: ['\\bstewards?\\b'], governance: true }], recognisers: { disable: ['compromise-table'] }, notNames: ['Nobody Here'] },
      exclude: ['drafts/**'],
    });
    const config = await loadConfig({ config: path, exclude: ['old/**'] }, repo, cwd);
    const profile = compileProfile(config.profile);
    expect(profile.normaliseRole('Stewards')).toBe('steward');
    expect(profile.isGovernanceRole('steward')).toBe(true);
    expect(profile.normaliseRole('Leads')).toBe('lead');
    expect(profile.recognises('compromise-table')).toBe(false);
    expect(profile.recognises('role-table')).toBe(true);
    expect(profile.isNotName('nobody here')).toBe(true);
    expect(config.excludes).toEqual(['drafts/**', 'old/**']);
  });

  it('lets --profile name the base over the file, and finds the repository’s own .taggraph.json', async () => {
    write(join(repo, '.taggraph.json'), { profile: 'cncf', exclude: ['x/**'] });
    const config = await loadConfig({ profile: 'generic' }, repo, cwd);
    expect(config.profile.name).toBe('generic');
    expect(config.excludes).toEqual(['x/**']);
    expect(config.path).toBe(join(repo, '.taggraph.json'));
    rmSync(join(repo, '.taggraph.json'));
  });

  it.each([
    [{ profile: 'nope' }, /unknown profile "nope"; known: cncf, generic/],
    [{ profile: { extends: 'cncf', roles: [{ role: 'x', patterns: ['(unclosed'] }] } }, /bad pattern "\(unclosed"/],
    [{ profile: { extends: 'cncf', colours: {} } }, /no setting "colours"/],
    [{ exclude: 'docs/**' }, /"exclude" must be a list of strings/],
    [{ profiles: 'cncf' }, /no setting "profiles"/],
    ['{ not json', /is not valid JSON/],
    [{ views: ['node=x'] }, /"views" must map names to views/],
    [{ views: { 'a b': 'node=x' } }, /view "a b": a view's name may hold only letters, digits, - and _/],
    [{ views: { wg: { node: 'x', depth: 7 } } }, /view "wg": "depth" must be one of 1, 2, 3, not "7"/],
    [{ views: { wg: { node: ['x'] } } }, /view "wg" must be a query string or an object of parameters/],
  ])('refuses %j with a message that names the file', async (content, message) => {
    const path = write(join(dir, 'bad.json'), content);
    const failure = loadConfig({ config: path }, repo, cwd);
    await expect(failure).rejects.toThrow(ProfileError);
    await expect(failure).rejects.toThrow(message);
  });

  it('reads declared views as objects of parameters or query strings', async () => {
    const path = write(join(dir, 'views.json'), { views: { 'supply-chain': { node: 'group:supply chain', focus: true, depth: 2 }, hubs: '?labels=hubs&theme=dark' } });
    const config = await loadConfig({ config: path }, repo, cwd);
    expect(config.views).toEqual({ 'supply-chain': 'node=group%3Asupply+chain&focus=1&depth=2', hubs: 'labels=hubs&theme=dark' });
  });

  it('says which config file it cannot read', async () => {
    await expect(loadConfig({ config: join(dir, 'missing.json') }, repo, cwd)).rejects.toThrow(/cannot read config .*missing\.json: ENOENT/);
  });
});
