import { describe, expect, it } from 'vitest';
import { parseLooseDate } from '../../src/build/text/dates.ts';
import { foldKey, slugify } from '../../src/build/text/fold.ts';
import { CNCF } from '../helpers/graph.ts';

const normaliseRole = (label: string): string | undefined => CNCF.normaliseRole(label);
const normaliseRoles = (label: string): string[] => CNCF.normaliseRoles(label);

describe('normaliseRole', () => {
  it.each([
    ['Leads', 'lead'],
    ['Co-Leads', 'lead'],
    ['STAG Rep', 'stag-rep'],
    ['Chairs', 'chair'],
    ['Co-Chair', 'chair'],
    ['Tech Leads', 'tech-lead'],
    ['TAG Security Chair Emeriti', 'chair-emeritus'],
    ['tag emeritus leaders', 'chair-emeritus'],
    ['Security reviewers', 'security-reviewer'],
    ['Project Security Lead', 'project-security-lead'],
    ['TOC Liaison', 'toc-liaison'],
    ['Authors', 'author'],
  ])('%s → %s', (label, role) => {
    expect(normaliseRole(label)).toBe(role);
  });
  it('names no role for other labels', () => {
    expect(normaliseRole('Completed')).toBeUndefined();
    expect(normaliseRole('Source code')).toBeUndefined();
  });
  it('splits joined labels', () => {
    expect(normaliseRoles('Contributors/Reviewers')).toEqual(['contributor', 'reviewer']);
  });
});

describe('parseLooseDate', () => {
  it.each([
    ['March, 2025', '2025-03'],
    ['November 2019 - Present', '2019-11'],
    ['April 24th 2019', '2019-04-24'],
    ['Completed: April 28, 2020', '2020-04-28'],
    ['24 May 2019', '2019-05-24'],
    ['2024-03-01', '2024-03-01'],
    ['Sept 2023', '2023-09'],
    ['in 2021', '2021'],
  ])('%s → %s', (text, iso) => {
    expect(parseLooseDate(text)).toBe(iso);
  });
  it('is undefined without a date', () => {
    expect(parseLooseDate('soon')).toBeUndefined();
  });
});

describe('foldKey and slugify', () => {
  it('fold accents, case and spaces', () => {
    expect(foldKey('  Andrés   VEGA ')).toBe(foldKey('andres vega'));
    expect(slugify('Publishing infrastructure')).toBe('publishing-infrastructure');
    expect(slugify('日本語 タイトル')).toBe('日本語-タイトル');
    expect(slugify('!!!')).toBe('untitled');
  });
});
