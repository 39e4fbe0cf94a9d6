import type { DocumentFacts, Subject } from '../facts.ts';
import { resolveIdentities, type Identities, type IdentityDecisions } from '../resolve/identity.ts';
import { documentId, type AssemblyContext } from './context.ts';
import type { Subjects } from './subjects.ts';

/** People and organisations from every mention, and their roles, authorship and affiliations. */
export function addPeople(
  context: AssemblyContext,
  documents: readonly DocumentFacts[],
  subjects: Subjects,
  entityOf: ReadonlyMap<string, string>,
  decisions: IdentityDecisions,
): Pick<Identities, 'possibleDuplicates' | 'staleDecisions'> {
  const { builder } = context;
  const identities = resolveIdentities(documents.flatMap((doc) => [...doc.roles.map((r) => r.person), ...doc.authors, ...doc.people]), context.profile, decisions);
  for (const person of identities.people) {
    builder.addNode({
      id: person.id,
      kind: 'person',
      label: person.label,
      attrs: {
        ...(person.handle ? { handle: person.handle } : {}),
        ...(person.organizations[0] ? { organization: person.organizations.map((o) => o.label).join(', ') } : {}),
        ...(person.aliases.length > 0 ? { aliases: person.aliases } : {}),
      },
      sources: person.sources,
    });
  }
  for (const organization of identities.organizations) {
    builder.addNode({ id: organization.id, kind: 'organization', label: organization.label, attrs: organization.aliases.length > 0 ? { aliases: organization.aliases } : {}, sources: organization.sources });
  }
  for (const person of identities.people) {
    for (const organization of person.organizations) {
      const id = identities.organizationOf(organization.label);
      if (id) builder.addEdge({ source: person.id, target: id, kind: 'affiliated_with', sources: organization.sources });
    }
  }
  for (const doc of documents) {
    const holder = (subject: Subject, role: string): string | undefined => {
      if (subject.type === 'document') return subjects.subjectOf(doc.path, role);
      return entityOf.get(subject.key);
    };
    for (const role of doc.roles) {
      const person = identities.personOf(role.person);
      const target = holder(role.subject, role.role);
      if (person && target) builder.addEdge({ source: person, target, kind: 'role', role: role.role, ...(role.attrs ? { attrs: role.attrs } : {}), sources: [role.person.source] });
    }
    for (const author of doc.authors) {
      const person = identities.personOf(author);
      if (person) builder.addEdge({ source: person, target: documentId(doc.path), kind: 'author', sources: [author.source] });
    }
  }
  return { possibleDuplicates: identities.possibleDuplicates, staleDecisions: identities.staleDecisions };
}
