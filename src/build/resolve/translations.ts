import { posix } from 'node:path';
import { languageOf } from '../text/languages.ts';
import { byCodePoint } from '../text/order.ts';
import { append } from '../multimap.ts';

export interface TranslationInput {
  path: string;
  translationKey?: string;
  lang?: string;
}

export interface Translations {
  /** Each document's language, where its path or front matter says. */
  languageOf: ReadonlyMap<string, string>;
  /** A translated document's original. */
  originalOf: ReadonlyMap<string, string>;
}

/**
 * Which documents translate which. Recognised shapes, each only when the original exists:
 * - a Hugo site's `…/content/<lang>/rest` translates `…/content/<main>/rest`, where the main
 *   language is the one with the most documents (`en`, usually);
 * - `name.<lang>.md`, `name-<lang>.md` and `name_<lang>.md` translate `name.md`;
 * - `…/translations/<lang>/rest` translates `…/rest`;
 * - documents that share a front-matter `translationKey` translate the one in the main language
 *   (or the first by path).
 */
export function findTranslations(documents: readonly TranslationInput[]): Translations {
  const paths = new Set(documents.map((doc) => doc.path));
  const language = new Map<string, string>();
  const original = new Map<string, string>();
  for (const doc of documents) if (doc.lang) language.set(doc.path, languageOf(doc.lang) ?? doc.lang);

  // Hugo: content/<lang>/… folders.
  const contentRoots = new Map<string, Map<string, number>>();
  for (const path of paths) {
    const match = /^(.*?(?:^|\/)content)\/([^/]+)\/(.+)$/.exec(path);
    const lang = match ? languageOf(match[2]!) : undefined;
    if (!match || !lang) continue;
    const counts = contentRoots.get(match[1]!) ?? new Map<string, number>();
    counts.set(match[2]!, (counts.get(match[2]!) ?? 0) + 1);
    contentRoots.set(match[1]!, counts);
  }
  for (const [root, counts] of contentRoots) {
    if (counts.size < 2) continue;
    const main = [...counts.entries()].sort((a, b) => b[1] - a[1] || byCodePoint(a[0], b[0]))[0]![0];
    for (const path of paths) {
      if (!path.startsWith(`${root}/`)) continue;
      const [folder, ...rest] = path.slice(root.length + 1).split('/');
      const lang = languageOf(folder!);
      if (!lang) continue;
      language.set(path, lang);
      const candidate = `${root}/${main}/${rest.join('/')}`;
      if (folder !== main && paths.has(candidate)) original.set(path, candidate);
    }
  }

  for (const path of paths) {
    if (original.has(path)) continue;
    const folder = posix.dirname(path);
    const name = posix.basename(path);
    const suffix = /^(.+?)[._-]([A-Za-z]{2}(?:[-_][A-Za-z]{2,4})?)\.(md|markdown)$/.exec(name);
    const suffixLang = suffix ? languageOf(suffix[2]!) : undefined;
    if (suffix && suffixLang) {
      const candidate = posix.join(folder, `${suffix[1]}.${suffix[3]}`);
      if (paths.has(candidate)) {
        original.set(path, candidate);
        language.set(path, suffixLang);
        continue;
      }
    }
    const translated = /^(.*?)(?:^|\/)translations\/([^/]+)\/(.+)$/.exec(path);
    const folderLang = translated ? languageOf(translated[2]!) : undefined;
    if (translated && folderLang) {
      const candidate = translated[1] ? `${translated[1]}/${translated[3]}` : translated[3]!;
      if (paths.has(candidate)) {
        original.set(path, candidate);
        language.set(path, folderLang);
      }
    }
  }

  const byKey = new Map<string, string[]>();
  for (const doc of documents) if (doc.translationKey) append(byKey, doc.translationKey, doc.path);
  for (const group of byKey.values()) {
    if (group.length < 2) continue;
    const sorted = [...group].sort();
    const head = sorted.find((path) => !original.has(path) && (language.get(path) ?? 'en').startsWith('en')) ?? sorted[0]!;
    for (const path of sorted) if (path !== head && !original.has(path)) original.set(path, head);
  }
  // A chain (a translation of a translation) leads to the first original.
  for (const [path, target] of original) {
    let root = target;
    for (let steps = 0; original.has(root) && steps < 10; steps += 1) root = original.get(root)!;
    original.set(path, root);
  }
  return { languageOf: language, originalOf: original };
}
