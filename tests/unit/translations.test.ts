import { describe, expect, it } from 'vitest';
import { findTranslations } from '../../src/build/resolve/translations.ts';
import { languageOf } from '../../src/build/text/languages.ts';

const docs = (...paths: string[]) => paths.map((path) => ({ path }));

describe('findTranslations', () => {
  it('reads a Hugo site: content/<lang>/ translates the language with the most pages', () => {
    const { originalOf, languageOf: lang } = findTranslations(
      docs('site/content/en/_index.md', 'site/content/en/wgs/a.md', 'site/content/en/blog/b.md', 'site/content/ko/_index.md', 'site/content/ko/wgs/a.md', 'site/content/ja/only-ja.md'),
    );
    expect(Object.fromEntries(originalOf)).toEqual({ 'site/content/ko/_index.md': 'site/content/en/_index.md', 'site/content/ko/wgs/a.md': 'site/content/en/wgs/a.md' });
    expect(lang.get('site/content/ja/only-ja.md')).toBe('ja');
    expect(lang.get('site/content/en/wgs/a.md')).toBe('en');
  });

  it('reads language suffixes and translations folders only when the original exists', () => {
    const { originalOf, languageOf: lang } = findTranslations(
      docs('paper.md', 'paper-it.md', 'paper.ja.md', 'README.md', 'README_zh-CN.md', 'guide/translations/es/intro.md', 'guide/intro.md', 'do-it.md', 'notes-de.md'),
    );
    expect(Object.fromEntries(originalOf)).toEqual({ 'paper-it.md': 'paper.md', 'paper.ja.md': 'paper.md', 'README_zh-CN.md': 'README.md', 'guide/translations/es/intro.md': 'guide/intro.md' });
    expect(lang.get('README_zh-CN.md')).toBe('zh-cn');
    expect(lang.has('notes-de.md')).toBe(false);
  });

  it('groups documents by front-matter translationKey around the English one', () => {
    const { originalOf } = findTranslations([
      { path: 'a/ueber.md', translationKey: 'about', lang: 'de' },
      { path: 'b/about.md', translationKey: 'about', lang: 'en' },
      { path: 'c/acerca.md', translationKey: 'about', lang: 'es' },
      { path: 'd/alone.md', translationKey: 'alone' },
    ]);
    expect(Object.fromEntries(originalOf)).toEqual({ 'a/ueber.md': 'b/about.md', 'c/acerca.md': 'b/about.md' });
  });
});

describe('languageOf', () => {
  it.each([
    ['ko', 'ko'],
    ['pt_BR', 'pt-br'],
    ['zh-Hans', 'zh-hans'],
    ['jp', 'jp'],
    ['xx', undefined],
    ['docs', undefined],
    ['e', undefined],
  ])('%s → %s', (tag, expected) => {
    expect(languageOf(tag)).toBe(expected);
  });
});
