import type { Root } from 'mdast';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { parse as parseYaml } from 'yaml';

/**
 * GitHub-flavoured markdown without the autolink-literal extension, which alone costs about
 * 40% of parse time on the TAG corpus (see docs/design.md). Bare URLs are found in text by the
 * links extractor instead. Tables are optional: see `mayContainTable`.
 */
function remarkGfmWithoutAutolinkLiterals(this: Processor, options: { tables: boolean }): void {
  const data = this.data();
  data.micromarkExtensions = [...(data.micromarkExtensions ?? []), ...(options.tables ? [gfmTable()] : []), gfmStrikethrough(), gfmFootnote(), gfmTaskListItem()];
  data.fromMarkdownExtensions = [
    ...(data.fromMarkdownExtensions ?? []),
    ...(options.tables ? [gfmTableFromMarkdown()] : []),
    gfmStrikethroughFromMarkdown(),
    gfmFootnoteFromMarkdown(),
    gfmTaskListItemFromMarkdown(),
  ];
}

/** The build's markdown parser, with or without GFM tables. */
export function markdownProcessor(tables: boolean) {
  return unified().use(remarkParse).use(remarkGfmWithoutAutolinkLiterals, { tables }).use(remarkFrontmatter, ['yaml', 'toml']);
}
const withTables = markdownProcessor(true);
const withoutTables = markdownProcessor(false);

/**
 * The table construct is tried at the start of every block, which makes it the dearest GFM
 * extension; most files have no table. A table needs a delimiter row: after any indentation or
 * `>` markers, only `-`, `:`, `|` and blanks, with a `-` and a `:` or `|` (micromark refuses a
 * row with neither, as a thematic break or setext underline). A file without such a line parses
 * to the same tree without the extension.
 */
const DELIMITER_ROW = /^[ \t>]*(?=[^\n\r]*-)(?=[^\n\r]*[:|])[-:| \t]+$/m;
export function mayContainTable(text: string): boolean {
  return DELIMITER_ROW.test(text);
}

export interface FrontMatter {
  data: Record<string, unknown>;
  /** File line of each top-level key, for provenance. */
  keyLines: Record<string, number>;
  /** Set when the block exists but could not be read. */
  error?: { message: string; line: number };
}

export interface ParsedMarkdown {
  tree: Root;
  frontMatter: FrontMatter;
}

/** Markdown text to an mdast tree with GFM and front matter. Pure; throws only on parser failure. */
export function parseMarkdown(text: string): ParsedMarkdown {
  const tree = (mayContainTable(text) ? withTables : withoutTables).parse(text);
  return { tree, frontMatter: readFrontMatter(tree) };
}

function readFrontMatter(tree: Root): FrontMatter {
  const first = tree.children[0];
  if (!first || first.type !== 'yaml') return { data: {}, keyLines: {} };
  // The block starts after the opening `---` on line 1.
  const keyLines: Record<string, number> = {};
  first.value.split('\n').forEach((text, index) => {
    const key = /^([A-Za-z_][\w-]*)\s*:/.exec(text)?.[1];
    if (key && !(key in keyLines)) keyLines[key] = index + 2;
  });
  try {
    const data: unknown = parseYaml(first.value, { prettyErrors: false });
    if (data === null || data === undefined) return { data: {}, keyLines };
    if (typeof data !== 'object' || Array.isArray(data)) {
      return { data: {}, keyLines, error: { message: 'front matter is not a mapping', line: 1 } };
    }
    return { data: data as Record<string, unknown>, keyLines };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { data: {}, keyLines, error: { message: `invalid YAML front matter: ${reason}`, line: 1 + yamlErrorLine(error) } };
  }
}

function yamlErrorLine(error: unknown): number {
  if (typeof error === 'object' && error !== null && 'linePos' in error) {
    const linePos = (error as { linePos?: Array<{ line: number }> }).linePos;
    if (linePos?.[0]) return linePos[0].line;
  }
  return 1;
}
