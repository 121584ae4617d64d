/**
 * The fast layout: the degraded picture of flows too big for the structured engine in time (see
 * engine.ts). Elements go in rows by their distance from Start (breadth-first, in Builder's connector
 * order), side by side in the order they are reached; a connector to the next row drops to the gap
 * between the rows and across into its target's top, every other one (up, along a row, or down several
 * rows) leaves its source's right side for a lane right of the picture and enters its target's right
 * side. No connector labels: nothing is measured. Linear in elements and connectors.
 */
import { KIND_ORDER } from '../model/graph';
import { finish } from './result';
import { nodeSize, type Size } from './structured/sizes';
import type { Box, EdgeRoute, LayoutEdgeInput, LayoutGraphInput, LayoutResult, Point } from './types';

const COLUMN_GAP = 40;
const ROW_GAP = 64;
const LANE = 8;
const LANES = 64;
const LOOP = 16;

export function layoutFast(graph: LayoutGraphInput): Pick<LayoutResult, 'width' | 'height' | 'nodes' | 'edges'> {
  const n = graph.nodes.length;
  const index = new Map<string, number>();
  graph.nodes.forEach((node, v) => {
    index.set(node.id, v);
  });
  const sizes: Size[] = graph.nodes.map((node) => nodeSize(node.type));
  const edges = graph.edges.filter((e) => index.has(e.source) && index.has(e.target));
  const out: number[][] = Array.from({ length: n }, () => []);
  edges.forEach((e, i) => {
    (out[index.get(e.source) as number] as number[]).push(i);
  });
  const edge = (i: number) => edges[i] as LayoutEdgeInput;
  for (const list of out) list.sort((x, y) => KIND_ORDER[edge(x).kind] - KIND_ORDER[edge(y).kind] || x - y);

  // Rows: breadth-first from Start, then from each element not reached yet.
  const row = new Int32Array(n).fill(-1);
  const rows: number[][] = [];
  const visit = (root: number) => {
    if (row[root] !== -1) return;
    row[root] = 0;
    const queue = [root];
    for (let k = 0; k < queue.length; k++) {
      const v = queue[k] as number;
      const r = row[v] as number;
      let members = rows[r];
      if (!members) {
        members = [];
        rows[r] = members;
      }
      members.push(v);
      for (const i of out[v] as number[]) {
        const t = index.get(edge(i).target) as number;
        if (row[t] === -1) {
          row[t] = r + 1;
          queue.push(t);
        }
      }
    }
  };
  const start = index.get('$start');
  if (start !== undefined) visit(start);
  for (let v = 0; v < n; v++) visit(v);

  let pitch = 0;
  for (const s of sizes) pitch = Math.max(pitch, s.width + COLUMN_GAP);
  const boxes: Box[] = new Array(n);
  const gapTop: number[] = [];
  let y = 0;
  let right = 0;
  rows.forEach((members, r) => {
    let h = 0;
    members.forEach((v, c) => {
      const s = sizes[v] as Size;
      boxes[v] = { x: c * pitch + (pitch - s.width) / 2, y, width: s.width, height: s.height };
      h = Math.max(h, s.height);
    });
    right = Math.max(right, members.length * pitch);
    y += h;
    gapTop[r] = y;
    y += ROW_GAP;
  });

  const routes = new Map<string, EdgeRoute>();
  edges.forEach((e, i) => {
    const s = boxes[index.get(e.source) as number] as Box;
    const t = boxes[index.get(e.target) as number] as Box;
    const sx = s.x + s.width / 2;
    const tx = t.x + t.width / 2;
    const sy = s.y + s.height / 2;
    const ty = t.y + t.height / 2;
    let points: Point[];
    if (s === t) {
      const x = s.x + s.width + LOOP;
      points = [
        { x: s.x + s.width, y: sy - LOOP / 2 },
        { x, y: sy - LOOP / 2 },
        { x, y: sy + LOOP / 2 },
        { x: s.x + s.width, y: sy + LOOP / 2 },
      ];
    } else if (row[index.get(e.target) as number] === (row[index.get(e.source) as number] as number) + 1) {
      const mid = (gapTop[row[index.get(e.source) as number] as number] as number) + ROW_GAP / 2;
      points =
        sx === tx
          ? [
              { x: sx, y: s.y + s.height },
              { x: tx, y: t.y },
            ]
          : [
              { x: sx, y: s.y + s.height },
              { x: sx, y: mid },
              { x: tx, y: mid },
              { x: tx, y: t.y },
            ];
    } else {
      const x = right + COLUMN_GAP + (i % LANES) * LANE;
      points = [
        { x: s.x + s.width, y: sy },
        { x, y: sy },
        { x, y: ty },
        { x: t.x + t.width, y: ty },
      ];
    }
    routes.set(e.id, { points });
  });
  const nodes = new Map<string, Box>();
  graph.nodes.forEach((node, v) => {
    nodes.set(node.id, boxes[v] as Box);
  });
  return finish(nodes, routes);
}
