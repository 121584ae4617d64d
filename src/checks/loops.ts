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
 * For every element, the loops whose For Each path reaches it: from each `loopNext` edge's target, along every
 * edge of the graph (any kind, Go To and fault too), never entering the loop element itself. The For Each
 * target counts (unless it is the loop).
 */
export function loopsAround(scan: Scan): Map<FlowElement, FlowElement[]> {
  const out = new Map<string, string[]>();
  for (const e of scan.graph.edges) {
    const list = out.get(e.source);
    if (list) list.push(e.target);
    else out.set(e.source, [e.target]);
  }
  const around = new Map<FlowElement, FlowElement[]>();
  for (const [loopId, loop] of scan.index.elements) {
    if (loop.type !== 'loops') continue;
    const seen = new Set<string>([loopId]);
    const queue: string[] = [];
    for (const e of scan.graph.edges)
      if (e.source === loopId && e.kind === 'loopNext' && !seen.has(e.target)) {
        seen.add(e.target);
        queue.push(e.target);
      }
    while (queue.length > 0) {
      const id = queue.pop() as string;
      const el = scan.index.elements.get(id);
      if (el) {
        const loops = around.get(el);
        if (loops) loops.push(loop);
        else around.set(el, [loop]);
      }
      for (const t of out.get(id) ?? [])
        if (!seen.has(t)) {
          seen.add(t);
          queue.push(t);
        }
    }
  }
  return around;
}

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
      const loopWords = names.map((n) => {
        const l = byName.get(n) as FlowElement;
        return named(l.label, l.name);
      });
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
