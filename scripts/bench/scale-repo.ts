import { link, mkdir, readdir, readFile, writeFile, copyFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { seededRandom } from '../../src/build/seeded-random.ts';
import type { GraphDocument } from '../../src/schema/graph.ts';

/**
 * A synthetic repository of a template's shape at `factor` times its size, for benchmarks:
 * `factor` copies of the template side by side (copy-00/, copy-01/…), each with its own people,
 * groups, projects, publications and compromises (their names and handles get a per-copy
 * syllable, so that copies do not merge into one set of entities), the same organisations and
 * external sites (shared, as in real repositories), and links from each copy's README into
 * others, so that the graph stays one connected whole. Files other than markdown are hard links.
 */
export interface ScaleOptions {
  template: string;
  /** The template's graph, for the names to vary per copy. */
  graph: GraphDocument;
  factor: number;
  out: string;
  /** Links from each copy into other copies. */
  crossLinks?: number;
  seed?: number;
}

const SYLLABLES = ['ka', 'lo', 'mi', 'nu', 're', 'sa', 'to', 'vi', 'ze', 'du'];
/** Kinds whose names are shared across copies: the same organisations, the same vocabulary. */
const SHARED_KINDS = new Set(['document', 'asset', 'external', 'organization', 'category']);

function suffix(copy: number): string {
  return copy === 0 ? '' : `${SYLLABLES[copy % 10]}${copy >= 10 ? SYLLABLES[Math.floor(copy / 10) % 10] : ''}`;
}


async function listFiles(root: string, folder = root): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    if (entry.name === '.git' || entry.name === 'node_modules') continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(root, path)));
    else if (entry.isFile()) files.push(relative(root, path));
  }
  return files.sort();
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The names of one copy: each entity's label and aliases, and each handle, with the copy's syllable on the last word. */
function namesOf(graph: GraphDocument): string[] {
  const names = new Set<string>();
  for (const node of graph.nodes) {
    if (SHARED_KINDS.has(node.kind)) continue;
    const aliases = node.attrs?.['aliases'];
    for (const name of [node.label, ...(Array.isArray(aliases) ? aliases : [])]) if (typeof name === 'string' && name.trim().length >= 3) names.add(name.trim().replace(/^@/, ''));
    const handle = node.attrs?.['handle'];
    if (typeof handle === 'string' && handle.length >= 2) names.add(handle);
  }
  return [...names].sort((a, b) => b.length - a.length);
}

export async function generateScaledRepo(options: ScaleOptions): Promise<{ files: number; markdownBytes: number }> {
  const files = await listFiles(options.template);
  const markdown = files.filter((path) => /\.(md|markdown|mdx)$/i.test(path));
  const isMarkdown = new Set(markdown);
  const names = namesOf(options.graph);
  // One pass over each file: every name at once, longest first, whole words only.
  const pattern = names.length > 0 ? new RegExp(`(?<![\\p{L}\\p{N}_-])(?:${names.map(escape).join('|')})(?![\\p{L}\\p{N}_-])`, 'gu') : undefined;
  const random = seededRandom(options.seed ?? 42);
  let markdownBytes = 0;
  const cache = new Map<string, string>();
  for (let copy = 0; copy < options.factor; copy += 1) {
    const base = join(options.out, `copy-${String(copy).padStart(2, '0')}`);
    const tail = suffix(copy);
    for (const path of files) {
      const target = join(base, path);
      await mkdir(dirname(target), { recursive: true });
      if (!isMarkdown.has(path)) {
        await link(join(options.template, path), target).catch(() => copyFile(join(options.template, path), target));
        continue;
      }
      const text = cache.get(path) ?? (await readFile(join(options.template, path), 'utf8'));
      cache.set(path, text);
      // Names in prose and tables change; link targets stay, so links still resolve.
      const renamed = !pattern || !tail ? text : text.split(/(\]\([^)]*\)|^\[[^\]]+\]:.*$|<https?:[^>]*>)/m).map((part, index) => (index % 2 === 1 ? part : part.replace(pattern, (name) => `${name}${tail}`))).join('');
      let content = renamed;
      if (path.toLowerCase() === 'readme.md' && options.factor > 1) {
        const others = Array.from({ length: options.crossLinks ?? 20 }, () => {
          const other = Math.floor(random() * options.factor);
          const file = markdown[Math.floor(random() * markdown.length)]!;
          return other === copy ? undefined : `- [${file}](../copy-${String(other).padStart(2, '0')}/${file.split('/').map(encodeURIComponent).join('/')})`;
        }).filter((line): line is string => line !== undefined);
        content = `${renamed}\n\n## Related\n\n${others.join('\n')}\n`;
      }
      markdownBytes += Buffer.byteLength(content);
      await writeFile(target, content);
    }
  }
  return { files: files.length * options.factor, markdownBytes };
}
