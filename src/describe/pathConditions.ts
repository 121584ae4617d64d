import type { FlowGraph, GraphEdge } from '../model/graph';
import { START_ID } from '../model/graph';
import { pathOrder, type PathSet } from '../model/paths';
import { asObjList, type FlowElement, type Obj, type Value } from '../model/types';
import { OPERATORS } from './conditions';
import { formatValue, txt, words } from './values';

/** One condition as its parts: the resource (drawn as code), the operator and the value in Builder's words. */
export interface ConditionPart {
  left: string;
  operator: string;
  value?: string;
}

/**
 * What holds on the way to an element, in Builder's words: an outcome taken ("Check Amount → Over 500K"), the
 * Start's entry conditions, a Get Records filter, a wait event, a loop the element is inside.
 */
export interface PathCondition {
  /** The graph node it is about. */
  node: string;
  kind: 'start' | 'outcome' | 'filter' | 'wait' | 'loop' | 'fault' | 'path';
  /** The element's label: "Check Amount". */
  subject: string;
  /** The outcome, path or event taken: "Over 500K", "Default Outcome". */
  branch?: string;
  /** How the conditions combine: "All conditions are met (AND)"; absent for one condition. */
  logic?: string;
  conditions: ConditionPart[];
  /** Words instead of (or after) conditions: "none of the others", "for each item in {!contacts}". */
  note?: string;
  /** The whole line as plain text. */
  text: string;
}

/** Where the conditions come from: the element behind each graph node, and the start (a comparison: either side's). */
export interface PathSource {
  element: (nodeId: string) => FlowElement | undefined;
  start?: Obj;
}

const part = (left: Value | undefined, operator: Value | undefined, value: Value | undefined): ConditionPart => {
  const p: ConditionPart = { left: txt(left) ?? '(no resource)', operator: words(OPERATORS, operator) ?? '' };
  const v = formatValue(value);
  if (v !== undefined) p.value = v;
  return p;
};
const ruleParts = (list: Value | undefined) =>
  asObjList(list).map((c) => part(c.leftValueReference, c.operator, c.rightValue));
const filterParts = (list: Value | undefined) => asObjList(list).map((f) => part(f.field, f.operator, f.value));

/** "1 AND (2 OR 3)", "Any condition is met (OR)": only when there is more than one condition. */
function logicOf(logic: Value | undefined, count: number): string | undefined {
  const l = txt(logic)?.trim();
  if (count < 2) return undefined;
  if (l === undefined || l.toLowerCase() === 'and') return 'All conditions are met (AND)';
  if (l.toLowerCase() === 'or') return 'Any condition is met (OR)';
  return `Custom condition logic: ${l.toUpperCase()}`;
}

export const partText = (p: ConditionPart) => [p.left, p.operator, p.value ?? ''].filter(Boolean).join(' ');

function line(c: Omit<PathCondition, 'text'>): PathCondition {
  const head = c.branch ? `${c.subject} → ${c.branch}` : c.subject;
  const body = c.conditions.map((p, i) => (c.conditions.length > 1 ? `${i + 1}. ` : '') + partText(p)).join('; ');
  const rest = [c.logic, body, c.note].filter(Boolean).join(' — ');
  return { ...c, text: rest ? `${head}: ${rest}` : head };
}

const named = (list: Value | undefined, key: string | undefined) =>
  key === undefined ? undefined : asObjList(list).find((o) => txt(o.name) === key);
const labelOf = (o: Obj | undefined, fallback: string) => txt(o?.label) ?? txt(o?.name) ?? fallback;

/** The branch a connector takes out of a branching element, with its conditions. */
function branchOf(node: string, subject: string, el: FlowElement | undefined, e: GraphEdge): PathCondition {
  const d = el?.data ?? {};
  const base = { node, subject, conditions: [] as ConditionPart[] };
  if (e.kind === 'fault') return line({ ...base, kind: 'fault', branch: 'Fault', note: 'when it fails' });
  if (e.kind === 'outcome') {
    const rule = named(d.rules, e.key);
    const conditions = ruleParts(rule?.conditions);
    const changed = rule?.doesRequireRecordChangedToMeetCriteria === 'true';
    return line({
      ...base,
      kind: 'outcome',
      branch: labelOf(rule, e.label ?? e.key ?? 'Outcome'),
      conditions,
      ...(logicOf(rule?.conditionLogic, conditions.length)
        ? { logic: logicOf(rule?.conditionLogic, conditions.length) }
        : {}),
      ...(changed
        ? { note: 'only when the record is changed to meet them' }
        : conditions.length === 0
          ? { note: 'always' }
          : {}),
    });
  }
  if (e.kind === 'waitEvent') {
    const event = named(d.waitEvents, e.key);
    const conditions = ruleParts(event?.conditions);
    const logic = logicOf(event?.conditionLogic, conditions.length);
    return line({
      ...base,
      kind: 'wait',
      branch: labelOf(event, e.label ?? e.key ?? 'Event'),
      conditions,
      ...(logic ? { logic } : {}),
      ...(conditions.length === 0 ? { note: 'when the event happens' } : {}),
    });
  }
  if (e.kind === 'default') {
    const fallback = el?.type === 'waits' ? 'Default Path' : 'Default Outcome';
    return line({
      ...base,
      kind: el?.type === 'waits' ? 'wait' : 'outcome',
      branch: txt(d.defaultConnectorLabel) ?? fallback,
      note: 'none of the others',
    });
  }
  if (e.kind === 'timeout')
    return line({ ...base, kind: 'wait', branch: 'Timeout', note: 'when no event happens in time' });
  const fallback = e.kind === 'next' ? 'Run Immediately' : (e.key ?? 'Path');
  return line({ ...base, kind: 'path', branch: e.label ?? fallback });
}

/** The Start's entry conditions (a record-triggered flow's filters or formula), if it has any. */
function entryOf(start: Obj | undefined): PathCondition | undefined {
  if (!start) return undefined;
  const base = { node: START_ID, kind: 'start' as const, subject: 'Start', branch: 'Entry conditions' };
  const formula = txt(start.filterFormula);
  if (formula) return line({ ...base, conditions: [], logic: 'Formula evaluates to true', note: formula });
  const conditions = filterParts(start.filters);
  if (conditions.length === 0) return undefined;
  const logic = logicOf(start.filterLogic, conditions.length);
  return line({ ...base, conditions, ...(logic ? { logic } : {}) });
}

const FILTERED = new Set(['recordLookups', 'recordUpdates', 'recordDeletes']);

/** A Get, Update or Delete Records element's filters: "Get Contacts (Contact): AccountId Equals {!recordId}". */
function filterOf(node: string, el: FlowElement): PathCondition | undefined {
  const conditions = filterParts(el.data.filters);
  if (conditions.length === 0) return undefined;
  const object = txt(el.data.object);
  const logic = logicOf(el.data.filterLogic, conditions.length);
  return line({
    node,
    kind: 'filter',
    subject: `${el.label || el.name}${object ? ` (${object})` : ''}`,
    conditions,
    ...(logic ? { logic } : {}),
  });
}

/** Connectors that are no branch of their own (the way on past a fault path, into or out of a loop). */
const PLAIN = new Set(['next', 'loopNext', 'loopEnd']);
const BRANCHING = new Set([
  'outcome',
  'default',
  'waitEvent',
  'timeout',
  'fault',
  'scheduledPath',
  'actionPath',
  'experimentPath',
]);

/**
 * The conditions along the ways from Start to `target` (the set `pathsTo` found), ordered from Start to the
 * element: the Start's entry conditions; for each element on the way that branches (a Decision, a Wait, a fault
 * path, a scheduled path) and whose branches leading on to the element (without passing it again) are not all of
 * them, the branch or branches taken;
 * the filters of Get, Update and Delete Records on the way; and each Loop the element is inside.
 */
export function pathConditions(graph: FlowGraph, set: PathSet, target: string, source: PathSource): PathCondition[] {
  const out = new Map<string, GraphEdge[]>();
  for (const e of graph.edges) {
    if (!set.nodes.has(e.source)) continue;
    const list = out.get(e.source);
    if (list) list.push(e);
    else out.set(e.source, [e]);
  }
  const label = new Map(graph.nodes.map((n) => [n.id, n.label || n.id]));
  const result: PathCondition[] = [];
  for (const id of pathOrder(graph, set.nodes)) {
    if (id === target) continue;
    const el = source.element(id);
    const subject = label.get(id) ?? id;
    if (id === START_ID) {
      const entry = entryOf(source.start);
      if (entry) result.push(entry);
    } else if (el && FILTERED.has(el.type)) {
      const filter = filterOf(id, el);
      if (filter) result.push(filter);
    }
    const edges = out.get(id) ?? [];
    const taken = edges.filter((e) => set.edges.has(e.id) && leadsOn(out, set, id, e, target));
    if (el?.type === 'loops') {
      const inside = taken.some((e) => e.kind === 'loopNext');
      if (inside) {
        const collection = txt(el.data.collectionReference);
        const note = collection ? `for each item in {!${collection}}` : 'for each item';
        result.push(line({ node: id, kind: 'loop', subject: `inside the loop ${subject}`, conditions: [], note }));
      }
      continue;
    }
    if (taken.length === edges.length || !edges.some((e) => BRANCHING.has(e.kind))) continue;
    for (const e of taken)
      if (!PLAIN.has(e.kind) || (id === START_ID && taken.length < edges.length))
        result.push(branchOf(id, subject, el, e));
  }
  return result;
}

/**
 * Whether the connector `e` out of `from` leads on to `target` without passing `from` again: the branch taken the
 * last time the flow passed `from` (a Wait event that loops back round is not how the element is reached).
 */
function leadsOn(out: Map<string, GraphEdge[]>, set: PathSet, from: string, e: GraphEdge, target: string): boolean {
  const seen = new Set([e.target]);
  const stack = [e.target];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    if (id === target) return true;
    if (id === from) continue;
    for (const x of out.get(id) ?? [])
      if (set.edges.has(x.id) && !seen.has(x.target)) {
        seen.add(x.target);
        stack.push(x.target);
      }
  }
  return false;
}
