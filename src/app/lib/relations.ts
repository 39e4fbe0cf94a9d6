import type { GraphEdge, GraphNode } from '../../schema/graph.ts';
import type { GraphModel } from '../../view/graph-model.ts';


const LINKED_VIA_FORMAT = 'linked from (any format)';

export interface RelationGroup {
  name: string;
  items: Array<{ node: GraphNode; edge: GraphEdge }>;
}

/** A node's neighbours grouped by relation, groups and items in a stable, readable order. */
export function relationsOf(model: GraphModel, id: string): RelationGroup[] {
  const groups = new Map<string, RelationGroup>();
  for (const { edge, other, outgoing } of model.incidencesOf(id)) {
    const node = model.node(other);
    if (!node) continue;
    const name = model.kinds.relation(edge.kind, edge.role, outgoing);
    const group = groups.get(name) ?? { name, items: [] };
    if (!group.items.some((item) => item.node.id === node.id)) group.items.push({ node, edge });
    groups.set(name, group);
  }
  // A publication is read through its formats: what links to any of them links to it.
  const formats = model.incidencesOf(id).filter(({ edge, outgoing }) => outgoing && edge.kind === 'has_format');
  for (const { other: format } of formats) {
    for (const { edge, other, outgoing } of model.incidencesOf(format)) {
      const node = model.node(other);
      if (outgoing || edge.kind !== 'links_to' || !node || other === id) continue;
      const group = groups.get(LINKED_VIA_FORMAT) ?? { name: LINKED_VIA_FORMAT, items: [] };
      if (!group.items.some((item) => item.node.id === node.id)) group.items.push({ node, edge });
      groups.set(LINKED_VIA_FORMAT, group);
    }
  }
  const order = (name: string): number => (name === 'links to' ? 2 : name === 'linked from' || name === LINKED_VIA_FORMAT ? 3 : name === 'part of' || name === 'contains' ? 1 : 0);
  return [...groups.values()]
    .map((group) => ({ ...group, items: group.items.sort((a, b) => a.node.label.localeCompare(b.node.label)) }))
    .sort((a, b) => order(a.name) - order(b.name) || a.name.localeCompare(b.name));
}
