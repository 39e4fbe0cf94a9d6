import type { KindRegistry } from '../kinds/registry.ts';
import type { Profile } from '../profiles/profile.ts';
import type { DocumentFacts } from './facts.ts';
import { fileTitle } from './extract/document.ts';
import { extractDocument } from './extract/index.ts';

export interface ExtractRequest {
  id: number;
  path: string;
  text: string;
}

/** Facts of a document that could not be read: its name as title, and why. */
export function emptyFacts(path: string, message?: string): DocumentFacts {
  return {
    path,
    title: fileTitle(path),
    headings: [],
    anchors: [],
    words: 0,
    summary: '',
    sections: [],
    links: [],
    entities: [],
    roles: [],
    authors: [],
    people: [],
    warnings: message ? [{ path, message }] : [],
  };
}

/**
 * Extraction that turns a parser failure (a stack overflow on absurd nesting, say) into a
 * warning on that document, so one bad file never stops the build.
 */
export function extractSafely(path: string, text: string, profile: Profile, registry: KindRegistry): DocumentFacts {
  if (!text) return emptyFacts(path);
  try {
    return extractDocument(path, text, profile, registry);
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return emptyFacts(path, `could not parse markdown (${reason}); kept without content`);
  }
}
