import { asList, isObj, str, type Obj } from './types';

/**
 * Where a connector lives in Flow metadata: a field named `connector`, `connectors` or `…Connector`
 * (`faultConnector`, `defaultConnector`, `nextValueConnector`…). Whole names are compared:
 * `defaultConnector` ends in "faultConnector", and `connectorLabel`-like fields are data.
 */
const CONNECTOR_FIELD = /^(connector|connectors|[a-z]\w*Connector)$/;

const seen = new Map<string, boolean>();
/** Whether a field holds connectors. Hot (every field of every element, in the graph and the differ): field
 * names are few, so each is tested once. */
export function isConnectorField(field: string): boolean {
  let v = seen.get(field);
  if (v === undefined) {
    v = CONNECTOR_FIELD.test(field);
    if (seen.size < 4096) seen.set(field, v);
  }
  return v;
}

/** Edge kinds of the graph contract (DESIGN.md). */
export type EdgeKind =
  | 'next'
  | 'fault'
  | 'timeout'
  | 'default'
  | 'outcome'
  | 'waitEvent'
  | 'scheduledPath'
  | 'experimentPath'
  | 'actionPath'
  | 'loopNext'
  | 'loopEnd';

/**
 * Where a connector sits decides its kind: list context (rules[], waitEvents[]…) then field name. Maps,
 * not records: the names come from the flow (a list called `constructor` must not find Object).
 */
const LIST_KIND: ReadonlyMap<string, EdgeKind> = new Map([
  ['rules', 'outcome'],
  ['waitEvents', 'waitEvent'],
  ['scheduledPaths', 'scheduledPath'],
  ['paths', 'experimentPath'],
  ['actionCallPaths', 'actionPath'],
]);
const FIELD_KIND: ReadonlyMap<string, EdgeKind> = new Map([
  ['faultConnector', 'fault'],
  ['timeoutConnector', 'timeout'],
  ['defaultConnector', 'default'],
  ['nextValueConnector', 'loopNext'],
  ['noMoreValuesConnector', 'loopEnd'],
]);
/** Left-to-right order of a node's outgoing edges, as Flow Builder draws them. */
export const KIND_ORDER: Record<EdgeKind, number> = {
  next: 0,
  outcome: 1,
  waitEvent: 1,
  scheduledPath: 1,
  experimentPath: 1,
  actionPath: 1,
  default: 2,
  loopNext: 3,
  loopEnd: 4,
  timeout: 5,
  fault: 6,
};

export interface FoundConnector {
  kind: EdgeKind;
  target: string;
  goTo: boolean;
  label?: string;
  key?: string;
}

/** Every connector in an element, at any depth, with its kind and label. */
export function findConnectors(element: Obj, owner: { type: string; hasScheduledPaths?: boolean }): FoundConnector[] {
  const found: FoundConnector[] = [];
  const walk = (obj: Obj, list: string | undefined, item: Obj | undefined) => {
    for (const [field, value] of Object.entries(obj)) {
      if (field === 'processMetadataValues') continue;
      if (isConnectorField(field)) {
        for (const c of asList(value)) {
          const target = isObj(c) ? str(c.targetReference) : undefined;
          if (!target || !isObj(c)) continue;
          const kind = FIELD_KIND.get(field) ?? (list ? LIST_KIND.get(list) : undefined) ?? 'next';
          found.push({ kind, target, goTo: c.isGoTo === 'true', ...labelOf(kind, element, item, owner) });
        }
        continue;
      }
      for (const child of asList(value)) if (isObj(child)) walk(child, field, child);
    }
  };
  walk(element, undefined, undefined);
  return found.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
}

function labelOf(
  kind: EdgeKind,
  element: Obj,
  item: Obj | undefined,
  owner: { type: string; hasScheduledPaths?: boolean },
): { label?: string; key?: string } {
  const itemName = item ? (str(item.name) ?? str(item.pathName)) : undefined;
  const itemLabel = item ? (str(item.label) ?? itemName) : undefined;
  switch (kind) {
    case 'next':
      return owner.type === 'start' && owner.hasScheduledPaths
        ? { label: 'Run Immediately' }
        : item && item !== element
          ? { label: itemLabel, key: itemName }
          : {};
    case 'outcome':
    case 'waitEvent':
    case 'experimentPath':
    case 'actionPath':
      return { label: itemLabel, key: itemName };
    case 'scheduledPath':
      return {
        label: itemLabel ?? (item && item.pathType === 'AsyncAfterCommit' ? 'Run Asynchronously' : undefined),
        key: itemName,
      };
    case 'default':
      return {
        label: str(element.defaultConnectorLabel) ?? (owner.type === 'waits' ? 'Default Path' : 'Default Outcome'),
      };
    case 'loopNext':
      return { label: 'For Each' };
    case 'loopEnd':
      return { label: 'After Last' };
    case 'fault':
      return { label: 'Fault' };
    case 'timeout':
      return { label: 'Timeout' };
    default:
      return assertNever(kind);
  }
}

export function assertNever(x: never): never {
  throw new Error(`Unexpected value: ${String(x)}`);
}
