/** A Subflow element's call beside the called flow's interface (issue 13). Placeholder until it lands. */
import type { SetFlow } from './set';
import type { SubflowBinding } from './setTypes';
import { str, type FlowElement } from './types';

export function subflowBinding(element: FlowElement, callee: SetFlow | undefined): SubflowBinding {
  return {
    callee: str(element.data.flowName) ?? '',
    resolved: callee !== undefined,
    inputs: [],
    notPassed: [],
    outputs: [],
    automaticOutputs: false,
  };
}
