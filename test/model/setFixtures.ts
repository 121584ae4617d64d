/** Small flows of our own for the set tests (issue 13): Metadata XML written from a few facts. */
import { parseFlow } from '../../src/model/parse/index';
import type { FlowDoc } from '../../src/model/types';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface FlowSpec {
  label?: string;
  /** Record-triggered on this object. */
  object?: string;
  triggerType?: string;
  triggerOrder?: number;
  /** Raw XML of elements and resources (inside <Flow>). */
  body?: string;
}

export function flowXml(spec: FlowSpec = {}): string {
  const start = spec.object
    ? `<start><locationX>0</locationX><locationY>0</locationY><object>${esc(spec.object)}</object>` +
      `<recordTriggerType>CreateAndUpdate</recordTriggerType>` +
      `<triggerType>${spec.triggerType ?? 'RecordAfterSave'}</triggerType></start>`
    : '';
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<Flow xmlns="http://soap.sforce.com/2006/04/metadata">' +
    `<apiVersion>62.0</apiVersion><label>${esc(spec.label ?? 'A flow')}</label>` +
    `<processType>AutoLaunchedFlow</processType>${start}<status>Active</status>` +
    (spec.triggerOrder !== undefined ? `<triggerOrder>${spec.triggerOrder}</triggerOrder>` : '') +
    `${spec.body ?? ''}</Flow>\n`
  );
}

export function doc(xml: string, fileName = 'A_Flow.flow-meta.xml'): FlowDoc {
  const r = parseFlow(xml, { fileName });
  if (!r.ok) throw new Error(r.error.message);
  return r.doc;
}

export const element = (type: string, name: string, label: string, inner = '') =>
  `<${type}><name>${esc(name)}</name><label>${esc(label)}</label><locationX>0</locationX>` +
  `<locationY>0</locationY>${inner}</${type}>`;

export const variable = (name: string, input: boolean, output: boolean, type = 'String') =>
  `<variables><name>${esc(name)}</name><dataType>${type}</dataType><isCollection>false</isCollection>` +
  `<isInput>${input}</isInput><isOutput>${output}</isOutput></variables>`;
