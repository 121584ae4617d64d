/** Small graph builders and loaders for the layout tests. */
import type { EdgeKind, FlowGraph } from '../../src/model/graph';
import { buildGraph } from '../../src/model/graph';
import { generateFlow } from '../support/generate';
import { parseFlow } from '../../src/model/parse/index';
import type { LayoutGraphInput, LayoutResult } from '../../src/layout/types';

type E = [source: string, target: string, kind?: EdgeKind, label?: string, goTo?: boolean];

/** A graph from [id, type] nodes and [source, target, kind, label, goTo] edges (ids like buildGraph's). */
export function graph(nodes: [string, string][], edges: E[]): LayoutGraphInput {
  return {
    nodes: nodes.map(([id, type]) => ({ id, type, label: id })),
    edges: edges.map(([source, target, kind = 'next', label, goTo = false], k) => ({
      id: `${source}->${target}#${kind}#${k}`,
      source,
      target,
      kind,
      goTo,
      ...(label ? { label } : {}),
    })),
  };
}

export function parseToGraph(text: string, fileName?: string): FlowGraph {
  const r = parseFlow(text, fileName ? { fileName } : {});
  if (!r.ok) throw new Error(`${fileName ?? 'flow'}: ${r.error.message}`);
  return buildGraph(r.doc);
}

export function generatedGraph(size: number, seed = 1): FlowGraph {
  return parseToGraph(generateFlow(size, seed).xml);
}

export const centreX = (r: LayoutResult, id: string): number => {
  const b = r.nodes[id];
  if (!b) throw new Error(`${id} not placed`);
  return b.x + b.width / 2;
};

export const withoutTimings = (r: LayoutResult): Omit<LayoutResult, 'ms'> => {
  const { ms: _ms, ...rest } = r;
  return rest;
};
