/**
 * What a graph knows about its kinds of node and edge: how each is named, drawn and ranked.
 * The build writes the catalogue of the kinds it used into the graph document, and the app
 * reads it from there, so a kind added to the build's registry shows in the app with no app
 * change. Isomorphic: no Node or DOM imports.
 */

/** Node shapes the explorer can draw (cytoscape's names). */
export const NODE_SHAPES = ['round-rectangle', 'rectangle', 'ellipse', 'star', 'hexagon', 'diamond', 'octagon', 'triangle', 'tag', 'vee'] as const;
export type NodeShape = (typeof NODE_SHAPES)[number];

export type LineStyle = 'solid' | 'dashed' | 'dotted';

export interface NodeKindInfo {
  /** The kind's name in node ids (`person:ann-lee`) and in the data. */
  kind: string;
  /** Singular name for people (`Person`). */
  label: string;
  color: string;
  shape: NodeShape;
  /** Multiplies a search hit's score: entities rank above documents that merely mention them. */
  searchBoost: number;
  /** Attributes worth finding by text, in the order they are joined. */
  searchedAttributes: string[];
  /** The attributes nodes of this kind may carry, with what each means. */
  attributes: Record<string, string>;
  /** Laid out as a ring around the node it hangs from, not by the force layout. */
  satellite?: boolean;
  /** Hidden in the explorer until asked for (there are many and they are rarely what one looks for). */
  hiddenByDefault?: boolean;
}

export interface EdgeKindInfo {
  kind: string;
  label: string;
  color: string;
  line: LineStyle;
  /**
   * How the edge reads from its source and from its target. `{role}` stands for the edge's
   * role (`lead of`), `{roles}` for its plural (`leads`); `fallback` when the edge has none.
   */
  outgoing: string;
  incoming: string;
  fallbackRole?: string;
}

/** Node kinds in display and search order (entities first), then edge kinds. */
export interface KindCatalog {
  nodes: NodeKindInfo[];
  edges: EdgeKindInfo[];
}

/** `lead` → `leads`, `security reviewer` → `security reviewers`, `chair emeritus` → `chairs emeritus`. */
export function pluralRole(noun: string): string {
  if (noun.endsWith(' emeritus')) return `${noun.slice(0, -' emeritus'.length)}s emeritus`;
  if (noun.endsWith('s')) return noun;
  return `${noun}s`;
}

/** How an edge of `info` reads from one of its ends, with its role filled in. */
export function relationLabel(info: EdgeKindInfo, role: string | undefined, outgoing: boolean): string {
  const name = role?.replace(/-/g, ' ') ?? info.fallbackRole ?? info.label;
  return (outgoing ? info.outgoing : info.incoming).replace('{roles}', pluralRole(name)).replace('{role}', name);
}
