/**
 * Work repeated per loop item: `dml-in-loop` and `soql-in-loop` (issue 15's definitions, followed exactly), and
 * loops with no After Last path.
 */
import type { FlowElement } from '../model/types';
import type { RuleId } from './types';
import type { RuleCheck, Scan } from './scan';
import { andList, type Draft, ELEMENT, elementNamed, named, typeWord } from './words';

const DML = new Set(['recordCreates', 'recordUpdates', 'recordDeletes']);
const SOQL = new Set(['recordLookups']);

const VERB: ReadonlyMap<string, string> = new Map([
  ['recordCreates', 'creates records'],
  ['recordUpdates', 'updates records'],
  ['recordDeletes', 'deletes records'],
  ['recordLookups', 'queries records'],
]);

/**
 * For every data element (Create, Update, Delete, Get Records), the loops whose For Each path reaches it: from
 * each `loopNext` edge's target, along every edge of the graph (any kind, Go To and fault too), never entering
 * the loop element itself. The For Each target counts (unless it is the loop). One search per loop over
 * integer adjacency lists, with a visit stamp per loop instead of a fresh set (a 20,000-element flow has a
 * thousand loops).
 */
export function loopsAround(scan: Scan): Map<FlowElement, FlowElement[]> {
  const { nodes, edges } = scan.graph;
  const at = new Map<string, number>();
  nodes.forEach((n, i) => {
    at.set(n.id, i);
  });
  const start = new Int32Array(nodes.length + 1);
  for (const e of edges) {
    const s = at.get(e.source);
    if (s !== undefined) start[s + 1] = (start[s + 1] as number) + 1;
  }
  for (let i = 0; i < nodes.length; i++) start[i + 1] = (start[i + 1] as number) + (start[i] as number);
  const fill = start.slice(0, nodes.length);
  const next = new Int32Array(edges.length);
  const kind: string[] = new Array(edges.length);
  for (const e of edges) {
    const s = at.get(e.source);
    const t = at.get(e.target);
    if (s === undefined || t === undefined) continue;
    const k = fill[s] as number;
    fill[s] = k + 1;
    next[k] = t;
    kind[k] = e.kind;
  }
  const elementAt = nodes.map((n) => scan.index.elements.get(n.id));
  // Only data elements are reported: the others need no list of loops.
  const wanted = elementAt.map((el) => el !== undefined && (DML.has(el.type) || SOQL.has(el.type)));
  const stamp = new Int32Array(nodes.length);
  const queue = new Int32Array(nodes.length);
  const around = new Map<FlowElement, FlowElement[]>();
  let round = 0;
  nodes.forEach((_, li) => {
    const loop = elementAt[li];
    if (loop?.type !== 'loops') return;
    round++;
    stamp[li] = round;
    let head = 0;
    let tail = 0;
    for (let k = start[li] as number; k < (start[li + 1] as number); k++) {
      const t = next[k] as number;
      if (kind[k] === 'loopNext' && stamp[t] !== round) {
        stamp[t] = round;
        queue[tail++] = t;
      }
    }
    while (head < tail) {
      const id = queue[head++] as number;
      const el = elementAt[id];
      if (el && wanted[id]) {
        const loops = around.get(el);
        if (loops) loops.push(loop);
        else around.set(el, [loop]);
      }
      for (let k = start[id] as number; k < (start[id + 1] as number); k++) {
        const t = next[k] as number;
        if (stamp[t] !== round) {
          stamp[t] = round;
          queue[tail++] = t;
        }
      }
    }
  });
  return around;
}

const MAX_NAMED = 5;

function inLoop(rule: RuleId, types: ReadonlySet<string>): RuleCheck {
  return (scan) => {
    const drafts: Draft[] = [];
    const around = scan.loopsAround ?? loopsAround(scan);
    scan.loopsAround = around;
    for (const [el, loops] of around) {
      if (!types.has(el.type)) continue;
      const byName = new Map<string, FlowElement>();
      for (const l of loops) if (!byName.has(l.name)) byName.set(l.name, l);
      const names = [...byName.keys()].sort();
      // Every loop in `detail`; the message names the first few (deep nests of generated flows have dozens).
      const loopWords = names.slice(0, names.length > MAX_NAMED ? MAX_NAMED - 1 : MAX_NAMED).map((n) => {
        const l = byName.get(n) as FlowElement;
        return named(l.label, l.name);
      });
      if (names.length > MAX_NAMED) loopWords.push(`${names.length - loopWords.length} other loops`);
      drafts.push({
        rule,
        element: el.name,
        node: scan.index.nodeIdOf(el),
        message:
          `${typeWord(el.type)} ${elementNamed(el)} runs inside the loop${names.length > 1 ? 's' : ''} ` +
          `${andList(loopWords)}: it ${VERB.get(el.type) ?? 'runs'} once for every item.`,
        detail: names.join(','),
        order: [ELEMENT, scan.position.get(el) ?? 0],
      });
    }
    return drafts;
  };
}

export const dmlInLoop: RuleCheck = inLoop('dml-in-loop', DML);
export const soqlInLoop: RuleCheck = inLoop('soql-in-loop', SOQL);

export const loopWithoutAfterLast: RuleCheck = (scan) =>
  scan.doc.elements
    .filter((el) => el.type === 'loops' && !Object.hasOwn(el.data, 'noMoreValuesConnector'))
    .map((el) => ({
      rule: 'loop-without-after-last',
      element: el.name,
      node: scan.index.nodeIdOf(el),
      message:
        `Loop ${elementNamed(el)} has no After Last connector: when the last item is done, the flow ends ` +
        'there and nothing after the loop runs.',
      order: [ELEMENT, scan.position.get(el) ?? 0],
    }));
