/**
 * A small LRU of layout results keyed by a hash of everything the layout depends on (node ids and
 * types — sizes follow from types — and every edge's ends, kind, label and Go To flag), so re-opening
 * a flow or switching diff views never lays out the same graph twice. Results are shared: treat them
 * as immutable.
 */
import type { LayoutGraphInput, LayoutResult } from './types';

/** cyrb53: a fast 53-bit string hash (public domain). */
function hash53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

export function graphKey(graph: LayoutGraphInput, variant: string): string {
  const parts: string[] = [variant];
  for (const n of graph.nodes) parts.push(n.id, n.type);
  parts.push('\u0001');
  for (const e of graph.edges) parts.push(e.id, e.source, e.target, e.kind, e.label ?? '', e.goTo ? '1' : '0');
  if (graph.positions) {
    parts.push('\u0002');
    for (const n of graph.nodes) {
      const p = graph.positions[n.id];
      if (p) parts.push(n.id, String(p.x), String(p.y));
    }
  }
  if (graph.openPaths) {
    parts.push('\u0003');
    for (const p of graph.openPaths) parts.push(p.source, p.kind, p.key ?? '', p.label ?? '');
  }
  const text = parts.join('\u0000');
  return `${hash53(text).toString(36)}.${hash53(text, 7).toString(36)}.${text.length}`;
}

export class LayoutCache {
  private readonly entries = new Map<string, LayoutResult>();
  constructor(private readonly capacity = 16) {}

  get(key: string): LayoutResult | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, value: LayoutResult): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  clear(): void {
    this.entries.clear();
  }
}
