import type { FlowGraph } from '../model/graph';
import { asObjList, type FlowDoc } from '../model/types';
import { triggerObject, triggerText } from './trigger';
import { row, section, type Section } from './types';
import { formatValue, lookup, strings, txt, words } from './values';

export const PROCESS_TYPES: Record<string, string> = {
  Flow: 'Screen Flow',
  AutoLaunchedFlow: 'Autolaunched Flow (No Trigger)',
  Workflow: 'Process Builder process',
  CustomEvent: 'Process Builder process (platform event)',
  InvocableProcess: 'Process Builder process (invocable)',
  Orchestrator: 'Orchestration',
  EvaluationFlow: 'Evaluation Flow',
  RoutingFlow: 'Omni-Channel Flow',
  PromptFlow: 'Template-Triggered Prompt Flow',
  Survey: 'Survey',
  AppProcess: 'App Process (legacy Orchestrator)',
  ApprovalWorkflow: 'Approval Orchestration',
  ContactRequestFlow: 'Contact Request Flow',
  FieldServiceMobile: 'Field Service Mobile Flow',
  FieldServiceWeb: 'Field Service Embedded Flow',
  CheckoutFlow: 'Checkout Flow',
  UserProvisioningFlow: 'User Provisioning Flow',
  Appointments: 'Appointments Flow',
  Journey: 'Journey',
};

// The start's trigger, not processType, makes an autolaunched flow record- or schedule-triggered.
const TRIGGERED: Record<string, string> = {
  RecordAfterSave: 'Record-Triggered',
  RecordBeforeSave: 'Record-Triggered',
  RecordBeforeDelete: 'Record-Triggered',
  Scheduled: 'Schedule-Triggered',
  PlatformEvent: 'Platform Event–Triggered',
  AutomationEvent: 'Automation Event–Triggered',
  Capability: 'Capability',
};

/** "Screen Flow", "Record-Triggered Flow", "Record-Triggered Orchestration", "Process Builder process". */
export function processTypeName(doc: FlowDoc): string | undefined {
  return flowTypeWords(txt(doc.properties.processType), txt(doc.start?.triggerType));
}

/** A flow's type in Builder's words from its `processType` and its start's `triggerType` (a set's list too). */
export function flowTypeWords(pt: string | undefined, trigger: string | undefined): string | undefined {
  const prefix = trigger ? lookup(TRIGGERED, trigger) : undefined;
  if (prefix && (pt === undefined || pt === 'AutoLaunchedFlow')) return `${prefix} Flow`;
  if (prefix && pt === 'Orchestrator') return `${prefix} Orchestration`;
  if (pt === 'Orchestrator') return 'Autolaunched Orchestration';
  return words(PROCESS_TYPES, pt);
}

export const RUN_MODES: Record<string, string> = {
  DefaultMode: 'Default Mode',
  SystemModeWithSharing: 'System Context With Sharing',
  SystemModeWithoutSharing: 'System Context Without Sharing',
};

export const STATUSES: Record<string, string> = {
  Active: 'Active',
  Draft: 'Draft (inactive)',
  Obsolete: 'Obsolete (inactive)',
  InvalidDraft: 'Invalid draft',
};

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The flow header's facts: the section title is the flow's label. `nameKnown` false: the input did not say
 * the API name (Metadata XML keeps it in the file name; pasted text has none), so none is claimed.
 */
export function describeFlow(doc: FlowDoc, graph: FlowGraph, nameKnown = true): Section {
  const p = doc.properties;
  const trigger = triggerText(doc.start, doc);
  const object = triggerObject(doc.start, doc);
  const canvas = asObjList(p.processMetadataValues).find((m) => m.name === 'CanvasMode');
  const canvasMode = formatValue(canvas?.value)?.replace(/"/g, '');
  const elements = graph.nodes.filter((n) => n.type !== 'start' && n.type !== 'missing').length;
  return section(
    doc.label,
    nameKnown
      ? row('API name', doc.name, { mono: true })
      : row('API name', 'not in the input (a flow file names it by its file name)'),
    row('Type', processTypeName(doc)),
    row('Trigger', trigger && `${trigger}${object ? ` (${object})` : ''}`),
    row('Status', words(STATUSES, p.status)),
    row('API version', graph.flow.apiVersion),
    row('How to run the flow', words(RUN_MODES, p.runInMode)),
    row('Interview label', txt(p.interviewLabel), { mono: true }),
    row('Description', txt(p.description)),
    row(
      'Canvas',
      canvasMode === 'AUTO_LAYOUT_CANVAS'
        ? 'Auto-Layout'
        : canvasMode === 'FREE_FORM_CANVAS'
          ? 'Free-Form'
          : canvasMode,
    ),
    row('Environments', strings(p.environments).join(', ')),
    row('Template', p.isTemplate === 'true' ? 'Yes' : undefined),
    row(
      'Size',
      [
        count(elements, 'element'),
        count(graph.edges.length, 'connector'),
        count(doc.resources.length, 'resource'),
      ].join(', '),
    ),
  );
}
