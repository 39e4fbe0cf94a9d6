// Baseline for bench:build: read and parse every markdown file once with remark-parse +
// remark-gfm in one process, skipping the same vendored folders the build skips by default.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const root = process.argv[2];
const skip = new Set(['node_modules', '.git', 'themes']);
const processor = unified().use(remarkParse).use(remarkGfm);
let files = 0;
const pending = [root];
while (pending.length > 0) {
  const folder = pending.pop();
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (skip.has(entry.name)) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) pending.push(path);
    else if (entry.isFile() && /\.(md|markdown)$/i.test(entry.name)) {
      processor.parse(readFileSync(path, 'utf8'));
      files += 1;
    }
  }
}
process.stdout.write(`${files}\n`);
