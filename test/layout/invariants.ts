/**
 * Picture invariants every layout must keep, as a list of violations (empty = fine). Shared by the
 * layout tests and handy from scripts when tuning.
 */
import type { Box, LayoutGraphInput, LayoutResult, Point } from '../../src/layout/types';

const TOL = 1;

function overlaps(a: Box, b: Box, tol = 0.5): boolean {
  return (
    a.x + tol < b.x + b.width && b.x + tol < a.x + a.width && a.y + tol < b.y + b.height && b.y + tol < a.y + a.height
  );
}

/** On the boundary of `b`, within `tol`. */
export function onBoundary(p: Point, b: Box, tol = TOL): boolean {
  const inOuter = p.x >= b.x - tol && p.x <= b.x + b.width + tol && p.y >= b.y - tol && p.y <= b.y + b.height + tol;
  const inInner = p.x > b.x + tol && p.x < b.x + b.width - tol && p.y > b.y + tol && p.y < b.y + b.height - tol;
  return inOuter && !inInner;
}

export function checkLayout(graph: LayoutGraphInput, r: LayoutResult): string[] {
  const bad: string[] = [];
  const ids = new Set(graph.nodes.map((n) => n.id));
  const within = (x: number, y: number) => x >= -TOL && y >= -TOL && x <= r.width + TOL && y <= r.height + TOL;
  for (const n of graph.nodes) {
    const b = r.nodes[n.id];
    if (!b || ![b.x, b.y, b.width, b.height].every(Number.isFinite) || b.width <= 0 || b.height <= 0)
      bad.push(`node ${n.id} not placed`);
    else if (!within(b.x, b.y) || !within(b.x + b.width, b.y + b.height)) bad.push(`node ${n.id} outside the picture`);
  }
  const boxes = graph.nodes
    .map((n) => ({ id: n.id, b: r.nodes[n.id] }))
    .filter((e): e is { id: string; b: Box } => e.b !== undefined);
  boxes.sort((p, q) => p.b.y - q.b.y);
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i] as { id: string; b: Box };
    for (let j = i + 1; j < boxes.length && (boxes[j] as { b: Box }).b.y < a.b.y + a.b.height; j++) {
      const c = boxes[j] as { id: string; b: Box };
      if (overlaps(a.b, c.b)) bad.push(`nodes ${a.id} and ${c.id} overlap`);
    }
  }
  for (const e of graph.edges) {
    if (!ids.has(e.source) || !ids.has(e.target)) continue;
    const route = r.edges[e.id];
    const s = r.nodes[e.source];
    const t = r.nodes[e.target];
    if (!route || route.points.length < 2 || !s || !t) {
      bad.push(`edge ${e.id} not routed`);
      continue;
    }
    const first = route.points[0] as Point;
    const last = route.points[route.points.length - 1] as Point;
    if (!onBoundary(first, s))
      bad.push(`edge ${e.id} does not start on ${e.source}'s boundary (${first.x},${first.y})`);
    if (!onBoundary(last, t)) bad.push(`edge ${e.id} does not end on ${e.target}'s boundary (${last.x},${last.y})`);
    for (let k = 1; k < route.points.length; k++) {
      const p = route.points[k - 1] as Point;
      const q = route.points[k] as Point;
      if (Math.abs(p.x - q.x) > 0.01 && Math.abs(p.y - q.y) > 0.01) bad.push(`edge ${e.id} has a diagonal segment`);
    }
    for (const p of route.points) if (!within(p.x, p.y)) bad.push(`edge ${e.id} leaves the picture`);
    if (route.label) {
      if (
        !within(route.label.x, route.label.y) ||
        !within(route.label.x + route.label.width, route.label.y + route.label.height)
      )
        bad.push(`label of ${e.id} outside the picture`);
      for (const { id, b } of boxes) if (overlaps(route.label, b)) bad.push(`label of ${e.id} overlaps ${id}`);
    }
  }
  return bad;
}

/**
 * The column an outgoing branch of `source` takes: the x of the route's first downward segment that
 * reaches below the split line (20px under the source), else its start.
 */
function branchX(r: LayoutResult, edgeId: string, source: Box): number {
  const pts = r.edges[edgeId]?.points ?? [];
  const below = source.y + source.height + 20.5;
  for (let k = 1; k < pts.length; k++) {
    const p = pts[k - 1] as Point;
    const q = pts[k] as Point;
    if (Math.abs(p.x - q.x) < 0.01 && q.y > p.y && q.y > below) return q.x;
  }
  return (pts[0] as Point).x;
}

/** Outcome order: every Decision/Wait's branches left to right in rule order, the default last. */
export function checkOutcomeOrder(graph: LayoutGraphInput, r: LayoutResult, strict: boolean): string[] {
  const bad: string[] = [];
  const bySource = new Map<string, (typeof graph.edges)[number][]>();
  for (const e of graph.edges) {
    if (e.kind !== 'outcome' && e.kind !== 'default' && e.kind !== 'waitEvent') continue;
    const list = bySource.get(e.source) ?? [];
    list.push(e);
    bySource.set(e.source, list);
  }
  for (const [source, list] of bySource) {
    const ordered = [...list.filter((e) => e.kind !== 'default'), ...list.filter((e) => e.kind === 'default')];
    const box = r.nodes[source];
    if (!box) continue;
    const xs = ordered.map((e) => branchX(r, e.id, box));
    for (let k = 1; k < xs.length; k++) {
      const d = (xs[k] as number) - (xs[k - 1] as number);
      if (strict ? d <= 0.5 : d < -0.5)
        bad.push(`${source}: ${ordered[k - 1]?.id} (x ${xs[k - 1]}) is not left of ${ordered[k]?.id} (x ${xs[k]})`);
    }
  }
  return bad;
}

/** A chain u → v (u's only connector, v's only incoming one, neither a Go To nor a fault) keeps one centre x. */
export function checkSpine(graph: LayoutGraphInput, r: LayoutResult): string[] {
  const bad: string[] = [];
  const outs = new Map<string, number>();
  const ins = new Map<string, number>();
  const plain = graph.edges.filter((e) => !e.goTo && e.kind !== 'fault' && e.source !== e.target);
  for (const e of plain) {
    outs.set(e.source, (outs.get(e.source) ?? 0) + 1);
    ins.set(e.target, (ins.get(e.target) ?? 0) + 1);
  }
  const incomingAll = new Map<string, number>();
  for (const e of graph.edges) if (!e.goTo) incomingAll.set(e.target, (incomingAll.get(e.target) ?? 0) + 1);
  for (const e of plain) {
    if (outs.get(e.source) !== 1 || incomingAll.get(e.target) !== 1 || e.kind !== 'next') continue;
    const s = r.nodes[e.source];
    const t = r.nodes[e.target];
    if (!s || !t || t.y <= s.y) continue;
    if (Math.abs(s.x + s.width / 2 - (t.x + t.width / 2)) > 0.5) bad.push(`${e.source} → ${e.target} leaves the spine`);
  }
  return bad;
}
