import type { SetFlow } from '../../../src/model/set';
import type { SetSummary } from '../../../src/model/setTypes';
import type { FlowSetState } from '../../../src/state/types';

/** A set flow with the facts a test cares about. */
export function setFlow(name: string, over: Partial<SetFlow> = {}): SetFlow {
  return {
    name,
    label: name.replace(/_/g, ' '),
    processType: 'AutoLaunchedFlow',
    status: 'Active',
    file: `flows/${name}.flow-meta.xml`,
    elements: 3,
    trigger: null,
    interface: { inputs: [], outputs: [] },
    ...over,
  };
}

/** A small project: two record-triggered flows on Case, a screen flow calling a subflow, odd names. */
export function smallSummary(): SetSummary {
  const flows = [
    setFlow('Case_After', {
      label: 'Case After',
      elements: 12,
      trigger: { object: 'Case', type: 'RecordAfterSave', when: 'CreateAndUpdate', order: 20 },
    }),
    setFlow('Case_Before', {
      label: 'Case Before',
      elements: 2,
      trigger: { object: 'Case', type: 'RecordBeforeSave', when: 'Create', order: 10 },
    }),
    setFlow('Intake', { label: 'Intake Wizard', processType: 'Flow', elements: 7 }),
    setFlow('Notify_Queue', { label: 'Notify Queue', status: 'Draft', elements: 4 }),
    setFlow('__proto__', { label: '<img src=x onerror=alert(1)>', elements: 1 }),
  ];
  return {
    flows,
    calls: [
      { caller: 'Intake', element: 'Call_Notify', callee: 'Notify_Queue', resolved: true },
      { caller: 'Case_After', element: 'Tell_Queue', callee: 'Notify_Queue', resolved: true },
      { caller: 'Intake', element: 'Call_Missing', callee: 'Not_Here', resolved: false },
    ],
    skipped: [{ file: 'README.md', reason: 'not a flow file' }],
    triggers: [
      {
        object: 'Case',
        flows: [
          { name: 'Case_Before', label: 'Case Before', phase: 'RecordBeforeSave', when: 'Create', order: 10 },
          {
            name: 'Case_After',
            label: 'Case After',
            phase: 'RecordAfterSave',
            when: 'CreateAndUpdate',
            order: 20,
            status: 'Active',
          },
          { name: 'Case_Late', label: 'Case Late', phase: 'RecordAfterSave', when: 'Update', status: 'Draft' },
        ],
      },
    ],
  };
}

/** The store's set state for a set that is open and listed. */
export function readySet(summary: SetSummary = smallSummary(), over: Partial<FlowSetState> = {}): FlowSetState {
  return { source: { kind: 'folder', name: 'my-project' }, status: 'ready', summary, path: [], listing: true, ...over };
}
