import { asObjList, type Obj, type Value } from '../model/types';
import { conditionsRow } from './conditions';
import { inputRows, listSection, outputRows } from './generic';
import { row, section, type Section, type Describer } from './types';
import { formatValue, txt, words, yesNo } from './values';

export const ACTION_TYPES: Record<string, string> = {
  apex: 'Apex Action',
  flow: 'Flow',
  emailSimple: 'Send Email',
  emailAlert: 'Email Alert',
  quickAction: 'Quick Action',
  chatterPost: 'Post to Chatter',
  customNotificationAction: 'Send Custom Notification',
  submit: 'Submit for Approval',
  component: 'Local Action',
  externalService: 'External Service',
  createWorkItem: 'Create Work Item',
  stepInteractive: 'Interactive Step',
  stepBackground: 'Background Step',
  evaluationFlow: 'Evaluation Flow',
  routeWork: 'Route Work',
  slackPostMessage: 'Slack: Send Message',
  slackGetConversationInfo: 'Slack: Get Conversation Info',
  activateSessionPermSet: 'Activate Session-Based Permission Set',
  deactivateSessionPermSet: 'Deactivate Session-Based Permission Set',
};

export const TRANSACTIONS: Record<string, string> = {
  CurrentTransaction: 'Always run in the current transaction',
  NewTransaction: 'Always run in a new transaction',
  Automatic: 'Let the flow decide',
};

function mappings(list: Value | undefined): Section | undefined {
  const items = asObjList(list).map((m) => ({ label: txt(m.typeName) ?? '', value: txt(m.typeValue) ?? '' }));
  return listSection('Object Types', items);
}

export const actionCalls: Describer = {
  keys: [
    'actionName',
    'actionType',
    'nameSegment',
    'versionSegment',
    'flowTransactionModel',
    'storeOutputAutomatically',
    'inputParameters',
    'outputParameters',
    'dataTypeMappings',
    'offset',
  ],
  describe: (d) => [
    section(
      'Action',
      row('Action', txt(d.actionName), { mono: true }),
      row('Type', words(ACTION_TYPES, d.actionType)),
      row('Version', txt(d.versionSegment)),
      row('Transaction control', words(TRANSACTIONS, d.flowTransactionModel)),
      row('Output values', d.storeOutputAutomatically === 'true' ? 'Stored automatically' : undefined),
    ),
    listSection('Input Values', inputRows(d.inputParameters)),
    listSection('Output Values', outputRows(d.outputParameters)),
    mappings(d.dataTypeMappings),
  ],
};

export const apexPluginCalls: Describer = {
  keys: ['apexClass', 'inputParameters', 'outputParameters'],
  describe: (d) => [
    section('Apex Plugin', row('Apex class', txt(d.apexClass), { mono: true }) ?? row('Apex class', '(not set)')),
    listSection('Input Values', inputRows(d.inputParameters)),
    listSection('Output Values', outputRows(d.outputParameters)),
  ],
};

export const subflows: Describer = {
  keys: ['flowName', 'inputAssignments', 'outputAssignments', 'storeOutputAutomatically'],
  describe: (d) => [
    section(
      'Subflow',
      row('Flow', txt(d.flowName), { mono: true }) ?? row('Flow', '(not set)'),
      row('Output values', d.storeOutputAutomatically === 'true' ? 'Stored automatically' : undefined),
    ),
    listSection('Input Values', inputRows(d.inputAssignments)),
    listSection('Output Values', outputRows(d.outputAssignments)),
  ],
};

function stepSection(s: Obj, i: number): Section {
  const assignees = asObjList(s.assignees).map(
    (a) => `${formatValue(a.assignee) ?? ''}${txt(a.assigneeType) ? ` (${txt(a.assigneeType) as string})` : ''}`,
  );
  return section(
    `Step ${i + 1}: ${txt(s.label) ?? txt(s.name) ?? ''}`,
    row('Step API name', txt(s.name), { mono: true }),
    row('Type', words(ACTION_TYPES, s.actionType)),
    row('Action', txt(s.actionName), { mono: true }),
    row('Description', txt(s.description)),
    row('Assigned to', assignees.join(', ')),
    conditionsRow('Starts when', s.entryConditions ?? s.entryCriteria, s.entryConditionLogic ?? s.entryCriteriaLogic) ??
      row('Starts when', 'The stage starts'),
    row('Entry action', [txt(s.entryActionName), words(ACTION_TYPES, s.entryActionType)].filter(Boolean).join(' · ')),
    row('Entry action inputs', '', { children: inputRows(s.entryActionInputParameters) }),
    row('Inputs', '', { children: inputRows(s.inputParameters) }),
    row('Outputs', '', { children: outputRows(s.outputParameters) }),
    row('Exit action', [txt(s.exitActionName), words(ACTION_TYPES, s.exitActionType)].filter(Boolean).join(' · ')),
    row('Run asynchronously', yesNo(s.requiresAsyncProcessing)),
  );
}

export const orchestratedStages: Describer = {
  keys: [
    'stageSteps',
    'exitConditions',
    'exitConditionLogic',
    'exitActionName',
    'exitActionType',
    'exitActionInputParameters',
    'exitActionOutputParameters',
  ],
  describe: (d) => [
    section(
      'Stage',
      conditionsRow('Stage completes when', d.exitConditions, d.exitConditionLogic) ??
        row('Stage completes when', 'All steps are completed'),
      row('Exit action', [txt(d.exitActionName), words(ACTION_TYPES, d.exitActionType)].filter(Boolean).join(' · ')),
      row('Exit action inputs', '', { children: inputRows(d.exitActionInputParameters) }),
      row('Exit action outputs', '', { children: outputRows(d.exitActionOutputParameters) }),
    ),
    ...asObjList(d.stageSteps).map(stepSection),
  ],
};

/** The pilot-era Orchestrator (AppProcess) stage: exitCriteria and nested steps with entryCriteria. */
export const steppedStages: Describer = {
  keys: ['steps', 'exitCriteria', 'exitCriteriaLogic'],
  describe: (d) => [
    section(
      'Stage',
      conditionsRow('Stage completes when', d.exitCriteria, d.exitCriteriaLogic) ??
        row('Stage completes when', 'All steps are completed'),
    ),
    ...asObjList(d.steps).map(stepSection),
  ],
};
