/** Rules on the flow's shape: fault paths, unreachable elements, record triggers without criteria, old API versions. */
import { START_ID } from '../model/graph';
import { asList, type FlowDoc, str } from '../model/types';
import { API_VERSION_LAG, NEWEST_API_VERSION } from './rules';
import type { RuleCheck, Scan } from './scan';
import { type Draft, ELEMENT, elementNamed, FLOW, typeWord } from './words';

/** Elements that can fail at run time and take a Fault connector (issue 15's list). */
const FAULTABLE = new Set(['recordCreates', 'recordUpdates', 'recordDeletes', 'recordLookups', 'actionCalls']);

const RECORD_TRIGGERS: ReadonlyMap<string, string> = new Map([
  ['RecordBeforeSave', 'before every save'],
  ['RecordAfterSave', 'after every save'],
  ['RecordBeforeDelete', 'before every delete'],
]);

const triggerType = (scan: Scan): string | undefined => str(scan.doc.start?.triggerType);

/** Read from the element's metadata, not the graph: unreachable elements count too. */
export const missingFaultPath: RuleCheck = (scan) => {
  if (triggerType(scan) === 'RecordBeforeSave') return [];
  return scan.doc.elements
    .filter((el) => FAULTABLE.has(el.type) && !Object.hasOwn(el.data, 'faultConnector'))
    .map((el) => ({
      rule: 'missing-fault-path',
      element: el.name,
      node: scan.index.nodeIdOf(el),
      message:
        `${typeWord(el.type)} ${elementNamed(el)} has no fault path: if it fails, the flow stops with an ` +
        'unhandled error.',
      order: [ELEMENT, scan.position.get(el) ?? 0],
    }));
};

export const unreachableElement: RuleCheck = (scan) => {
  const drafts: Draft[] = [];
  for (const node of scan.graph.nodes) {
    if (!node.unreachable || node.id === START_ID || node.type === 'missing') continue;
    const el = scan.index.elements.get(node.id);
    if (!el) continue;
    drafts.push({
      rule: 'unreachable-element',
      element: el.name,
      node: node.id,
      message:
        `${typeWord(el.type)} ${elementNamed(el)} is not reachable from Start: no path leads to it, ` +
        'so it never runs.',
      order: [ELEMENT, scan.position.get(el) ?? 0],
    });
  }
  return drafts;
};

export const triggerWithoutCriteria: RuleCheck = (scan) => {
  const start = scan.doc.start;
  const when = RECORD_TRIGGERS.get(triggerType(scan) ?? '');
  if (!start || !when) return [];
  if (asList(start.filters).length > 0 || str(start.filterFormula)?.trim()) return [];
  const object = str(start.object);
  return [
    {
      rule: 'trigger-without-criteria',
      element: '',
      node: START_ID,
      message: `The flow runs ${when} of every ${object ? `${object} ` : ''}record: its Start has no entry conditions.`,
      order: [FLOW, 0],
    },
  ];
};

/** `59.0` → 59; anything else (absent, `abc`) → undefined. */
export function apiVersionOf(v: string | undefined): number | undefined {
  if (v === undefined || !/^\d+(\.\d+)?$/.test(v.trim())) return undefined;
  return Math.floor(Number(v));
}

/** The newest `apiVersion` among flows checked together (CheckContext.newestApiVersion), if any has one. */
export function newestApiVersionOf(docs: Iterable<FlowDoc>): number | undefined {
  let newest: number | undefined;
  for (const doc of docs) {
    const v = apiVersionOf(str(doc.properties.apiVersion));
    if (v !== undefined && (newest === undefined || v > newest)) newest = v;
  }
  return newest;
}

/** Flow metadata has recorded `apiVersion` since 50.0: a flow without one was saved before. */
const FIRST_RECORDED = 50;

export const outdatedApiVersion: RuleCheck = (scan) => {
  const text = str(scan.doc.properties.apiVersion);
  const version = apiVersionOf(text);
  // The newest in the set or the newest known, whichever is newer (a flow checked alone is its own set's newest).
  const newest = Math.max(scan.context.newestApiVersion ?? NEWEST_API_VERSION, NEWEST_API_VERSION);
  if (text !== undefined && version === undefined) return [];
  if (newest - (version ?? FIRST_RECORDED - 1) <= API_VERSION_LAG) return [];
  return [
    {
      rule: 'outdated-api-version',
      element: '',
      message:
        version === undefined
          ? `The flow has no API version: it was saved before API ${FIRST_RECORDED}.0, more than ` +
            `${newest - FIRST_RECORDED} releases behind ${newest}.0, and runs with the behaviour of that old release.`
          : `The flow is saved at API version ${version}.0, ${newest - version} releases behind ${newest}.0: ` +
            'it runs with the behaviour of that old release.',
      order: [FLOW, 1],
    },
  ];
};
