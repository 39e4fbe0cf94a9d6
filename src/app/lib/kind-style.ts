import type { EdgeKind, NodeKind } from '../../schema/graph.ts';

/** How each node kind looks, in the graph and in the legend. Colours read on light and dark backgrounds. */
export const NODE_STYLE: Readonly<Record<NodeKind, { color: string; shape: string; label: string }>> = {
  document: { color: '#6b7b8c', shape: 'round-rectangle', label: 'Document' },
  publication: { color: '#d9822b', shape: 'star', label: 'Publication' },
  group: { color: '#2f80ed', shape: 'hexagon', label: 'Group' },
  person: { color: '#27ae60', shape: 'ellipse', label: 'Person' },
  organization: { color: '#9b51e0', shape: 'diamond', label: 'Organisation' },
  project: { color: '#00a3a3', shape: 'octagon', label: 'Project' },
  compromise: { color: '#eb5757', shape: 'triangle', label: 'Compromise' },
  category: { color: '#c94f7c', shape: 'tag', label: 'Category' },
  asset: { color: '#a0a060', shape: 'rectangle', label: 'File' },
  external: { color: '#8c8c8c', shape: 'vee', label: 'External site' },
};

/** The cytoscape node shapes above, as CSS clip-paths, so the legend shows what the graph draws. */
export const SHAPE_CLIP: Readonly<Record<string, string>> = {
  'round-rectangle': 'inset(10% round 25%)',
  rectangle: 'inset(10%)',
  ellipse: 'circle(50%)',
  star: 'polygon(50% 0%, 61% 35%, 98% 35%, 68% 57%, 79% 91%, 50% 70%, 21% 91%, 32% 57%, 2% 35%, 39% 35%)',
  hexagon: 'polygon(25% 5%, 75% 5%, 100% 50%, 75% 95%, 25% 95%, 0% 50%)',
  diamond: 'polygon(50% 0%, 100% 50%, 50% 100%, 0% 50%)',
  octagon: 'polygon(30% 0%, 70% 0%, 100% 30%, 100% 70%, 70% 100%, 30% 100%, 0% 70%, 0% 30%)',
  triangle: 'polygon(50% 0%, 100% 100%, 0% 100%)',
  tag: 'polygon(0% 0%, 70% 0%, 100% 50%, 70% 100%, 0% 100%)',
  vee: 'polygon(0% 0%, 50% 40%, 100% 0%, 50% 100%)',
};

export const EDGE_STYLE: Readonly<Record<EdgeKind, { color: string; line: 'solid' | 'dashed' | 'dotted'; label: string }>> = {
  links_to: { color: '#9aa5b1', line: 'solid', label: 'links to' },
  role: { color: '#27ae60', line: 'solid', label: 'role' },
  author: { color: '#6fcf97', line: 'dashed', label: 'author' },
  affiliated_with: { color: '#9b51e0', line: 'dotted', label: 'affiliated with' },
  describes: { color: '#2f80ed', line: 'dashed', label: 'describes' },
  has_format: { color: '#d9822b', line: 'dashed', label: 'has format' },
  assesses: { color: '#00a3a3', line: 'solid', label: 'assesses' },
  in_category: { color: '#c94f7c', line: 'solid', label: 'in category' },
  part_of: { color: '#bdbdbd', line: 'dotted', label: 'part of' },
};
