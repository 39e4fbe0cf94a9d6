import type { AttrValue, GraphNode } from '../../schema/graph.ts';
import type { GraphModel } from '../../view/graph-model.ts';

/** Attributes too long or too internal for a table cell. */
const NOT_COLUMNS = new Set(['summary', 'description', 'headings', 'title', 'urls', 'aliases', 'references', 'root', 'folder', 'release']);

export interface ListColumn {
  key: string;
  label: string;
  /** Text of the cell. */
  text(node: GraphNode): string;
  /** Sort key: numbers sort as numbers. */
  sortKey(node: GraphNode): string | number;
}

const show = (value: AttrValue | undefined): string => (value === undefined ? '' : Array.isArray(value) ? value.join(', ') : String(value));

/**
 * The columns a list of these nodes answers questions with: name, kind and links always; then
 * the attributes the shown kinds declare and carry (dates and formats for publications, year
 * and types for compromises, assessments for projects…), and for people the roles they hold.
 */
export function listColumns(model: GraphModel, nodes: readonly GraphNode[]): ListColumn[] {
  const kinds = new Set(nodes.map((node) => node.kind));
  const declared = new Set(model.kinds.nodes.filter((info) => kinds.has(info.kind)).flatMap((info) => Object.keys(info.attributes)));
  const carried = [...declared].filter((key) => !NOT_COLUMNS.has(key) && nodes.some((node) => node.attrs?.[key] !== undefined)).sort();
  const columns: ListColumn[] = [
    { key: 'name', label: 'Name', text: (node) => node.label, sortKey: (node) => node.label.toLowerCase() },
    { key: 'kind', label: 'Kind', text: (node) => model.kinds.node(node.kind).label, sortKey: (node) => model.kinds.node(node.kind).label },
    { key: 'links', label: 'Links', text: (node) => String(model.degree(node.id)), sortKey: (node) => model.degree(node.id) },
  ];
  if (kinds.has('person')) {
    const rolesOf = (node: GraphNode): string =>
      [...new Set(model.incidencesOf(node.id).filter(({ edge, outgoing }) => outgoing && edge.kind === 'role' && edge.role).map(({ edge }) => edge.role!.replace(/-/g, ' ')))].sort().join(', ');
    columns.push({ key: 'roles', label: 'Roles', text: rolesOf, sortKey: rolesOf });
  }
  for (const key of carried) {
    columns.push({
      key,
      label: key.charAt(0).toUpperCase() + key.slice(1),
      text: (node) => show(node.attrs?.[key]),
      sortKey: (node) => {
        const value = node.attrs?.[key];
        return typeof value === 'number' ? value : show(value).toLowerCase();
      },
    });
  }
  return columns;
}
