// Runs remark-validate-links (with remark-gfm) over a repository the way `remark .` does, and
// prints its messages as JSON lines on stdout: the reference the checker is compared with.
//   node scripts/bench/remark-validate-links.mjs DIR REPOSITORY_URL [IGNORE_GLOB…]
// (remark-validate-links asks git for the repository otherwise; the corpus copy is no checkout.)
import { engine } from 'unified-engine';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import remarkValidateLinks from 'remark-validate-links';

const [cwd, repository, ...ignorePatterns] = process.argv.slice(2);
engine(
  {
    processor: remark(),
    cwd,
    files: ['.'],
    extensions: ['md', 'markdown'],
    ignorePatterns,
    plugins: [[remarkGfm], [remarkValidateLinks, { repository }]],
    output: false,
    out: false,
    silent: true,
    quiet: true,
    reporter: () => '',
    color: false,
  },
  (error, code, context) => {
    if (error) throw error;
    for (const file of context?.files ?? []) {
      for (const message of file.messages) {
        process.stdout.write(`${JSON.stringify({ path: file.path, line: message.line ?? 0, rule: message.ruleId, reason: message.reason })}\n`);
      }
    }
  },
);
