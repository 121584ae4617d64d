import { buildGraph, elementIndex, type FlowGraph, type GraphEdge } from '../graph';
import type { FlowDoc, FlowElement, Obj } from '../types';
import { canonical, ownProps } from './own';

/** One element of one side, under its graph node id (its API name; `Name~2` for a duplicate name). */
interface SideElement {
  id: string;
  element: FlowElement;
  /** Own properties (no name, coordinates or connectors), label included. */
  own: Obj;
  /** Canonical text of `own` without the label: equal for a strict rename. */
  body: string;
}

/** Everything the differ reads of one version, computed once. */
export interface Side {
  doc: FlowDoc;
  graph: FlowGraph;
  elements: Map<string, SideElement>;
  /** Element ids in document order. */
  order: string[];
  /** Graph node ids of any type (start, elements, missing placeholders) → type. */
  nodeType: Map<string, string>;
  out: Map<string, GraphEdge[]>;
  in: Map<string, GraphEdge[]>;
}

export function side(doc: FlowDoc): Side {
  const graph = buildGraph(doc);
  const elements = new Map<string, SideElement>();
  const order: string[] = [];
  for (const [id, element] of elementIndex(doc).elements) {
    const own = ownProps(element.data);
    const { label: _label, ...unlabelled } = own;
    elements.set(id, { id, element, own, body: `${element.type}\u0000${canonical(unlabelled)}` });
    order.push(id);
  }
  const out = new Map<string, GraphEdge[]>();
  const inn = new Map<string, GraphEdge[]>();
  const push = (m: Map<string, GraphEdge[]>, k: string, e: GraphEdge) => {
    const list = m.get(k);
    if (list) list.push(e);
    else m.set(k, [e]);
  };
  for (const e of graph.edges) {
    push(out, e.source, e);
    push(inn, e.target, e);
  }
  return { doc, graph, elements, order, nodeType: new Map(graph.nodes.map((n) => [n.id, n.type])), out, in: inn };
}
