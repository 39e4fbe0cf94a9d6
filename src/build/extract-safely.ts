import type { KindRegistry } from '../kinds/registry.ts';
import type { Profile } from '../profiles/profile.ts';
import type { DocumentFacts } from './facts.ts';
import { fileTitle } from './extract/document.ts';
import { extractDocument } from './extract/index.ts';
import { pathologyOf } from './extract/pathology.ts';
import { plainTextFacts } from './extract/plain-text.ts';

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
 * Extraction that no file can stall or stop: a file whose shape would make parsing grow out of
 * bounds is kept as plain text with its headings, and a parser failure becomes a warning on
 * that document. Either way the file is named in the report's warnings.
 */
export function extractSafely(path: string, text: string, profile: Profile, registry: KindRegistry): DocumentFacts {
  if (!text) return emptyFacts(path);
  const pathology = pathologyOf(text);
  if (pathology) return plainTextFacts(path, text, pathology);
  try {
    return extractDocument(path, text, profile, registry);
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return emptyFacts(path, `could not parse markdown (${reason}); kept without content`);
  }
}
