/**
 * A Subflow element's call beside the called flow's interface (issue 13): what the caller passes in and takes
 * back, each beside the callee's declaration, the inputs it declares but is not passed, and the calls to a flow.
 *
 * Names match case-insensitively: Salesforce API names (of flows and of their variables) are unique without
 * regard to case, so `recordId` passed to a flow that declares `RecordId` is that input, not an undeclared one.
 */
import type { SetIndex, SetCall, SetFlow, SetParameter } from './set';
import type { BindingRow, SubflowBinding } from './setTypes';
import { asObjList, isObj, str, type FlowElement, type Obj } from './types';

const key = (name: string) => name.toLowerCase();

function declared(params: readonly SetParameter[]): Map<string, SetParameter> {
  const m = new Map<string, SetParameter>();
  for (const p of params) if (!m.has(key(p.name))) m.set(key(p.name), p);
  return m;
}

function row(name: string, value: Obj | undefined, callee: Map<string, SetParameter> | undefined): BindingRow {
  const r: BindingRow = { name };
  if (value) r.value = value;
  const d = callee?.get(key(name));
  if (d) r.declared = d;
  else if (callee) r.problem = 'undeclared';
  return r;
}

/** The element's inputs and outputs beside `callee`'s interface (undefined: the set has no such flow). */
export function subflowBinding(element: FlowElement, callee: SetFlow | undefined): SubflowBinding {
  const ins = callee ? declared(callee.interface.inputs) : undefined;
  const outs = callee ? declared(callee.interface.outputs) : undefined;
  const inputs = asObjList(element.data.inputAssignments).map((a) => {
    const value = a.value;
    return row(str(a.name) ?? '', isObj(value) ? value : undefined, ins);
  });
  const outputs = asObjList(element.data.outputAssignments).map((a) => {
    const to = str(a.assignToReference);
    return row(str(a.name) ?? '', to !== undefined ? { elementReference: to } : undefined, outs);
  });
  const passed = new Set(inputs.map((i) => key(i.name)));
  return {
    callee: str(element.data.flowName) ?? '',
    resolved: callee !== undefined,
    inputs,
    notPassed: callee ? callee.interface.inputs.filter((p) => !passed.has(key(p.name))) : [],
    outputs,
    automaticOutputs: str(element.data.storeOutputAutomatically) === 'true',
  };
}

/** The calls to the flow `name` (its callers' Subflow elements), by caller then element. */
export function callersOf(index: Pick<SetIndex, 'calls'>, name: string): SetCall[] {
  const k = key(name);
  return index.calls
    .filter((c) => key(c.callee) === k)
    .sort((a, b) => (a.caller < b.caller ? -1 : a.caller > b.caller ? 1 : a.element < b.element ? -1 : 1));
}

/** The set's flow of that API name, matched as Salesforce does (without regard to case); exact name first. */
export function findFlow(flows: readonly SetFlow[], name: string): SetFlow | undefined {
  return flows.find((f) => f.name === name) ?? flows.find((f) => key(f.name) === key(name));
}
