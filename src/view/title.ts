import type { GraphModel } from './graph-model.ts';
import type { ViewState } from './view.ts';

/** A view in words, for titles, frame names and alternative text: "Compliance: its neighbourhood to depth 2". */
export function viewTitle(model: GraphModel, view: ViewState): string {
  const selected = view.selected ? model.node(view.selected) : undefined;
  if (!selected) return model.document.repo.name;
  if (!view.focus) return selected.label;
  return `${selected.label}: its neighbourhood${view.depth > 1 ? ` to depth ${view.depth}` : ''}`;
}
