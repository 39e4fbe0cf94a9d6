import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Generated files whose parsing grows with the square of their size. */
export const PATHOLOGICAL: Record<string, string> = {
  'deep-indented-list.md': `# Nested plans\n\n${Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- step ${i}`).join('\n')}\n\n## Afterword\n\nDone.\n`,
  'emphasis-run.md': `# Stars\n\n${'*a'.repeat(50_000)}\n`,
  'bracket-run.md': `# Brackets\n\n${'[a]('.repeat(30_000)}\n`,
  'many-nested-lines.md': `# Nested lines\n\n${`${'- '.repeat(64)}x\n`.repeat(200)}`,
};

/**
 * A repository of hostile input in `workspace/repo`, with a folder outside it that symlinks
 * point to (`workspace/outside`): broken front matter, invalid UTF-8, binary and empty files, a
 * file over the size limit, nesting thousands deep, the `PATHOLOGICAL` shapes, a very long line,
 * names with spaces, `#`, `%` and accents, markup in labels, symlinks out, in a loop and within.
 * The hostile input tests read it, and `bench:build` times a build of it.
 */
export function writeHostileTree(workspace: string): { repo: string; outside: string } {
  const repo = join(workspace, 'repo');
  const outside = join(workspace, 'outside');
  const write = (path: string, content: string | Uint8Array): void => {
    const full = join(repo, path);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, content);
  };
  mkdirSync(repo, { recursive: true });
  mkdirSync(outside, { recursive: true });
  writeFileSync(join(outside, 'secret.md'), '# Outside\n\nLead: Should Not Appear\n');
  write('README.md', '# Hostile\n\nSee [spaces](docs/with%20spaces.md), [hash](docs/a%23b.md), [accents](docs/%C3%A9t%C3%A9.md), [percent](docs/100%25.md), [through a link](docs-alias/a%23b.md).\n');
  write('bad-yaml.md', '---\ntitle: [unclosed\n---\n# Still a document\n');
  write('invalid-utf8.md', Buffer.concat([Buffer.from('# Broken bytes\n\ntext '), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(' more\n')]));
  write('binary.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0x02]));
  write('empty.md', '');
  write('huge.md', `# Huge\n\n${'lorem ipsum dolor sit amet '.repeat(800_000)}\n`);
  write('deep-quotes.md', `${'>'.repeat(5000)} deep\n`);
  // `- - - … item` opens a list inside a list at every dash: 3000 levels on one line.
  write('deep-lists.md', `${'- '.repeat(3000)}deepest item\n`);
  // Shapes whose parsing grows with the square of their size (see src/build/extract/pathology.ts).
  for (const [name, text] of Object.entries(PATHOLOGICAL)) write(name, text);
  write('long-line.md', `# Long line\n\n${'word '.repeat(200_000)}\n`);
  write('docs/with spaces.md', '# Spaces\n');
  write('docs/a#b.md', '# Hash\n');
  write('docs/été.md', '# Accents\n');
  write('docs/100%.md', '# Percent\n');
  write('xss.md', '# <script>alert(1)</script> title\n\n| Project | Leads |\n|---|---|\n| <img src=x onerror=alert(1)> | Evil Person |\n\n[click](javascript:alert(1))\n');
  symlinkSync(outside, join(repo, 'escape'));
  symlinkSync(join(outside, 'secret.md'), join(repo, 'secret-link.md'));
  symlinkSync(repo, join(repo, 'loop'));
  symlinkSync(join(repo, 'docs'), join(repo, 'docs-alias'));
  return { repo, outside };
}
