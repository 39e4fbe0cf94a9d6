import { describe, expect, it } from 'vitest';
import { externalKey, LinkResolver } from '../../src/build/resolve/links.ts';

const files = new Set([
  'README.md',
  'governance/process.md',
  'governance/README.md',
  'community/catalog/compromises/README.md',
  'community/catalog/compromises/compromise-definitions.md',
  'community/docs/my file.md',
  'community/docs/a#b.md',
  'community/docs/résumé.md',
  'community/empty/image.png',
  'community/wg/_index.md',
]);
const anchors = new Map([
  ['governance/process.md', new Set(['getting-on-the-agenda', 'fn-2', 'fnref-2'])],
  ['README.md', new Set(['working-groups'])],
]);
const resolver = new LinkResolver({ files, anchors, aliases: new Map([['docs-link/process.md', 'governance/process.md'], ['gov', 'governance']]) }, { slug: 'Owner/Repo' });
const resolve = (from: string, href: string) => resolver.resolve(from, href);

describe('LinkResolver', () => {
  it('resolves relative, root-absolute and folder links', () => {
    expect(resolve('governance/README.md', 'process.md')).toEqual({ type: 'file', path: 'governance/process.md' });
    expect(resolve('community/docs/x.md', '/governance/process.md')).toEqual({ type: 'file', path: 'governance/process.md' });
    expect(resolve('README.md', 'community/catalog/compromises')).toEqual({ type: 'file', path: 'community/catalog/compromises/README.md' });
    expect(resolve('README.md', './community/wg/')).toEqual({ type: 'file', path: 'community/wg/_index.md' });
    expect(resolve('community/docs/x.md', '..')).toEqual({ type: 'folder', path: 'community' });
  });
  it('keeps anchors and checks them against headings', () => {
    expect(resolve('README.md', 'governance/process.md#getting-on-the-agenda')).toEqual({ type: 'file', path: 'governance/process.md', anchor: 'getting-on-the-agenda' });
    expect(resolve('README.md', '#Working-Groups')).toEqual({ type: 'file', path: 'README.md', anchor: 'Working-Groups' });
    expect(resolve('README.md', 'governance/process.md#nope')).toMatchObject({ type: 'broken', reason: 'no heading or anchor #nope in governance/process.md', path: 'governance/process.md' });
    expect(resolve('README.md', 'governance/process.md#user-content-getting-on-the-agenda')).toEqual({ type: 'file', path: 'governance/process.md', anchor: 'getting-on-the-agenda' });
    expect(resolve('README.md', 'governance/process.md#user-content-fn-2-4a8e1b')).toEqual({ type: 'file', path: 'governance/process.md', anchor: 'fn-2-4a8e1b' });
    expect(resolve('README.md', 'governance/process.md#fnref-2')).toEqual({ type: 'file', path: 'governance/process.md', anchor: 'fnref-2' });
    expect(resolve('README.md', 'governance/process.md#fn-3-4a8e1b')).toMatchObject({ type: 'broken' });
  });
  it('decodes escaped names and keeps # inside names', () => {
    expect(resolve('community/docs/x.md', 'my%20file.md')).toEqual({ type: 'file', path: 'community/docs/my file.md' });
    expect(resolve('community/docs/x.md', 'a%23b.md')).toEqual({ type: 'file', path: 'community/docs/a#b.md' });
    expect(resolve('community/docs/x.md', 'r%C3%A9sum%C3%A9.md')).toEqual({ type: 'file', path: 'community/docs/résumé.md' });
    expect(resolve('community/docs/x.md', 'bad%zzescape.md')).toMatchObject({ type: 'broken' });
  });
  it('suggests a file of the same name only in a folder of the same name or near the written path, and a moved folder by its name', () => {
    expect(resolve('README.md', 'old/governance/process.md')).toMatchObject({ type: 'broken', suggestion: 'governance/process.md' });
    expect(resolve('README.md', 'docs/process.md')).toEqual({ type: 'broken', reason: 'file not found', target: 'docs/process.md' });
    expect(resolve('README.md', 'nowhere/README.md')).toEqual({ type: 'broken', reason: 'file not found', target: 'nowhere/README.md' });
    expect(resolve('README.md', 'old/governance')).toMatchObject({ type: 'broken', suggestion: expect.stringMatching(/^governance\//) });
  });
  it('leaves GitHub URLs into another branch unchecked', () => {
    expect(resolve('README.md', 'https://github.com/owner/repo/tree/feature-x/content')).toMatchObject({ type: 'external' });
    expect(resolve('README.md', 'https://raw.githubusercontent.com/owner/repo/feature-x/governance/charter.md')).toMatchObject({ type: 'external' });
    expect(resolve('README.md', 'https://github.com/owner/repo/tree/master/governance/process.md')).toMatchObject({ type: 'file', path: 'governance/process.md' });
  });
  it('reads GitHub URLs into the same repository as paths', () => {
    expect(resolve('README.md', 'https://github.com/owner/repo/blob/main/governance/process.md#getting-on-the-agenda')).toEqual({ type: 'file', path: 'governance/process.md', anchor: 'getting-on-the-agenda' });
    expect(resolve('README.md', 'https://github.com/OWNER/REPO/tree/main/community/catalog/compromises')).toEqual({ type: 'file', path: 'community/catalog/compromises/README.md' });
    expect(resolve('README.md', 'https://github.com/owner/repo/blob/main/governance/charter.md')).toMatchObject({ type: 'broken', reason: 'file not found' });
    expect(resolve('README.md', 'https://github.com/other/repo/blob/main/README.md')).toEqual({ type: 'external', url: 'https://github.com/other/repo/blob/main/README.md', key: 'github.com/other/repo' });
  });
  it('reports missing files with a suggestion when the name exists elsewhere', () => {
    expect(resolve('community/catalog/README.md', 'community/catalog/compromises/compromise-definitions.md')).toEqual({
      type: 'broken',
      reason: 'file not found',
      target: 'community/catalog/compromises/compromise-definitions.md',
      suggestion: 'community/catalog/compromises/compromise-definitions.md',
    });
    expect(resolve('governance/process.md', 'charter.md')).toEqual({ type: 'broken', reason: 'file not found', target: 'charter.md' });
    expect(resolve('README.md', '../outside.md')).toMatchObject({ type: 'broken', reason: 'points outside the repository' });
    expect(resolve('README.md', 'security@example.io')).toMatchObject({ type: 'broken', reason: 'email address without mailto:' });
    expect(resolve('README.md', 'github.com/a/b/blob/main/x.md')).toMatchObject({ type: 'broken', reason: 'web address without https://' });
  });
  it('follows symlink aliases and ignores non-web schemes', () => {
    expect(resolve('README.md', 'docs-link/process.md')).toEqual({ type: 'file', path: 'governance/process.md' });
    expect(resolve('README.md', 'gov/process.md')).toEqual({ type: 'file', path: 'governance/process.md' });
    expect(resolve('README.md', 'gov')).toEqual({ type: 'file', path: 'governance/README.md' });
    expect(resolve('README.md', 'mailto:a@example.com')).toEqual({ type: 'ignored' });
  });
});

describe('externalKey', () => {
  it('keeps hosts, and owner/repo for GitHub', () => {
    expect(externalKey('https://www.cncf.io/calendar/')).toBe('cncf.io');
    expect(externalKey('https://github.com/cncf/toc/blob/main/process')).toBe('github.com/cncf/toc');
    expect(externalKey('https://github.com/cncf/toc.git')).toBe('github.com/cncf/toc');
  });
});

describe('LinkResolver in a Hugo site', () => {
  const site = new LinkResolver({
    files: new Set(['site/config.toml', 'site/static/images/logo.svg', 'site/content/en/_index.md', 'site/content/en/blog/post.md', 'site/content/en/blog/assets/chart.png', 'site/content/en/publications/_index.md', 'README.md']),
    anchors: new Map(),
  });
  const from = 'site/content/en/blog/post.md';
  it('reads /… from static/ and from the pages of content/, in the page’s language', () => {
    expect(site.resolve(from, '/images/logo.svg')).toEqual({ type: 'file', path: 'site/static/images/logo.svg' });
    expect(site.resolve(from, '/publications/')).toEqual({ type: 'file', path: 'site/content/en/publications/_index.md' });
    expect(site.resolve(from, '/README.md')).toEqual({ type: 'file', path: 'README.md' });
    expect(site.resolve(from, '/images/missing.svg')).toMatchObject({ type: 'broken' });
  });
  it('reads relative links from the page’s own address', () => {
    expect(site.resolve(from, '../assets/chart.png')).toEqual({ type: 'file', path: 'site/content/en/blog/assets/chart.png' });
    expect(site.resolve('site/content/en/_index.md', './blog/post.md')).toEqual({ type: 'file', path: 'site/content/en/blog/post.md' });
    expect(site.resolve('README.md', 'images/logo.svg')).toMatchObject({ type: 'broken' });
  });
});
