/**
 * A flow set (issue 13): many flows read together — a project's `flows/` folder, a zip, a repository — and
 * what ties them: each flow's facts (type, trigger, size, interface) and every subflow call, resolved
 * against the set. Pure: the CLI's `flowscope index` and, later, the browser's set view build on it.
 */
import { str, type FlowDoc, type Obj } from './types';

export interface SetParameter {
  name: string;
  dataType?: string;
  isCollection: boolean;
  /** The sObject of a record variable. */
  objectType?: string;
}

export interface SetTrigger {
  /** The object whose records start the flow (`start.object`). */
  object: string;
  /** `start.triggerType`: RecordBeforeSave, RecordAfterSave, RecordBeforeDelete, Scheduled, PlatformEvent… */
  type?: string;
  /** `start.recordTriggerType`: Create, Update, CreateAndUpdate, Delete. */
  when?: string;
  /** The flow's `triggerOrder` (Flow Trigger Explorer's order among flows on one object). */
  order?: number;
}

export interface SetFlow {
  /** The API name: the file's name (Metadata XML keeps it there), else the record's FullName. */
  name: string;
  label: string;
  processType?: string;
  status?: string;
  /** Where it was read from, as given (a path inside a folder, a zip or a repository). */
  file: string;
  /** Canvas elements (not the start). */
  elements: number;
  /** The release the flow was saved with (`apiVersion` 58.0 → 58); absent when it has none (or not a number). */
  apiVersion?: number;
  /** null for a flow without a start object. */
  trigger: SetTrigger | null;
  /** What a caller passes in and gets back: the variables marked available for input or output. */
  interface: { inputs: SetParameter[]; outputs: SetParameter[] };
}

export interface SetCall {
  caller: string;
  /** The calling Subflow element's API name. */
  element: string;
  /** The called flow's API name (`flowName`). */
  callee: string;
  /** The set has a flow of that name. */
  resolved: boolean;
}

export interface SetSkip {
  file: string;
  reason: string;
}

export interface SetIndex {
  flows: SetFlow[];
  calls: SetCall[];
  skipped: SetSkip[];
}

const FLOW_FILE = /\.(flow-meta\.xml|flow|json)$/i;

/** A file's API name: its base name without `.flow-meta.xml`, `.flow` or `.json`. */
export function flowNameOfFile(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(FLOW_FILE, '');
}

/**
 * A FullName without the version it may carry (`My_Flow-3`, as names did up to API 43 and as a Tooling
 * record's may): an API name has no `-`, and a subflow calls the flow by its name without one.
 */
export const withoutVersion = (fullName: string): string => fullName.replace(/^([A-Za-z]\w*)-\d+$/, '$1');

const isTrue = (v: unknown) => v === 'true';

function parameter(v: Obj): SetParameter {
  const p: SetParameter = { name: str(v.name) ?? '', isCollection: isTrue(v.isCollection) };
  const dataType = str(v.dataType);
  if (dataType) p.dataType = dataType;
  const objectType = str(v.objectType);
  if (objectType) p.objectType = objectType;
  return p;
}

function triggerOf(doc: FlowDoc): SetTrigger | null {
  const object = str(doc.start?.object);
  if (!object) return null;
  const t: SetTrigger = { object };
  const type = str(doc.start?.triggerType);
  if (type) t.type = type;
  const when = str(doc.start?.recordTriggerType);
  if (when) t.when = when;
  const order = Number(str(doc.properties.triggerOrder));
  if (str(doc.properties.triggerOrder) !== undefined && Number.isFinite(order)) t.order = order;
  return t;
}

/** One flow's facts. `name` defaults to the parser's API name. */
export function indexFlow(doc: FlowDoc, file: string, name = doc.name): SetFlow {
  const variables = doc.resources.filter((r) => r.type === 'variables').map((r) => r.data);
  const flow: SetFlow = {
    name,
    label: doc.label,
    file,
    elements: doc.elements.length,
    trigger: triggerOf(doc),
    interface: {
      inputs: variables.filter((v) => isTrue(v.isInput)).map(parameter),
      outputs: variables.filter((v) => isTrue(v.isOutput)).map(parameter),
    },
  };
  const processType = str(doc.properties.processType);
  if (processType) flow.processType = processType;
  const status = str(doc.properties.status);
  if (status) flow.status = status;
  const api = str(doc.properties.apiVersion)?.trim();
  if (api && /^\d+(\.\d+)?$/.test(api)) flow.apiVersion = Math.floor(Number(api));
  return flow;
}

/** The set: every flow's facts, and every Subflow element's call resolved against the set's names. */
export function indexSet(
  entries: readonly { file: string; doc: FlowDoc; name?: string }[],
  skipped: SetSkip[] = [],
): SetIndex {
  const flows = entries.map((e) => indexFlow(e.doc, e.file, e.name));
  const names = new Set(flows.map((f) => f.name));
  const calls: SetCall[] = [];
  entries.forEach((e, i) => {
    const caller = (flows[i] as SetFlow).name;
    for (const el of e.doc.elements) {
      if (el.type !== 'subflows') continue;
      const callee = str(el.data.flowName) ?? '';
      calls.push({ caller, element: el.name, callee, resolved: names.has(callee) });
    }
  });
  return { flows, calls, skipped };
}

/** Whether a path looks like a flow file worth reading (Metadata XML, the old `.flow`, Tooling JSON). */
export const isFlowFileName = (file: string): boolean => FLOW_FILE.test(file);
