import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownProcessor, mayContainTable, parseMarkdown } from '../../src/build/parse.ts';

const withTables = markdownProcessor(true);
const withoutTables = markdownProcessor(false);

/** Lines that make and break tables: container prefixes, then pipes, delimiters and text. */
const PREFIXES = ['', '', ' ', '  ', '    ', '\t', '>', '> ', '> > ', '- ', '* ', '1. ', '  > ', '[^1]: '];
const PIECES = ['|', '|', '-', '--', ':', ' ', '\t', 'a', 'b c', '`', '\\', '#', '~~', '*', '<br>'];
const line = fc.tuple(fc.constantFrom(...PREFIXES), fc.array(fc.constantFrom(...PIECES), { maxLength: 8 })).map(([prefix, pieces]) => prefix + pieces.join(''));
const markdownish = fc
  .tuple(fc.array(line, { maxLength: 6 }), fc.constantFrom('\n', '\r\n', '\r'))
  .map(([lines, ending]) => lines.join(ending));

describe('mayContainTable', () => {
  it.each([
    ['| a | b |\n| - | - |\n| 1 | 2 |', 'a plain table'],
    ['a | b\n--|--', 'a table without outer pipes'],
    ['| a |\n|:-|', 'one column, aligned'],
    ['> | a |\n> | --- |', 'a table in a blockquote'],
    ['- item\n\n  | a |\n  | - |', 'a table in a list item'],
    ['a\n:-', 'a colon makes a delimiter of a lone dash'],
  ])('keeps tables: %j (%s)', (text) => {
    expect(mayContainTable(text)).toBe(true);
    expect(withTables.parse(text)).not.toEqual(withoutTables.parse(text));
  });

  it.each([
    ['# Title\n\nText with a | pipe and a - dash.', 'pipes and dashes in prose'],
    ['Title\n---', 'a setext underline'],
    ['---\ntitle: x\n---\n# Doc', 'front matter fences'],
    ['- a\n- b', 'a list'],
  ])('lets files without a delimiter row skip the table extension: %j (%s)', (text) => {
    expect(mayContainTable(text)).toBe(false);
  });

  it('never skips a table: without a delimiter row, both parsers give the same tree', () => {
    fc.assert(
      fc.property(markdownish, (text) => {
        if (mayContainTable(text)) return;
        expect(withoutTables.parse(text)).toEqual(withTables.parse(text));
      }),
      { numRuns: 3000, seed: 20261126 },
    );
  });

  it('every parsed table had a delimiter row', () => {
    fc.assert(
      fc.property(markdownish, (text) => {
        const hasTable = JSON.stringify(withTables.parse(text)).includes('"type":"table"');
        if (hasTable) expect(mayContainTable(text)).toBe(true);
      }),
      { numRuns: 3000, seed: 7 },
    );
  });

  it('parseMarkdown reads tables where there are some', () => {
    const { tree } = parseMarkdown('Intro\n\n| Name | Role |\n| ---- | ---- |\n| Ada | Lead |\n');
    expect(tree.children.map((node) => node.type)).toEqual(['paragraph', 'table']);
  });
});
