/** Every text value of a flow's places (the start, elements, resources, flow properties), with where it sits. */
import { isConnectorField } from '../model/connectors';
import { isObj, type Obj, str, type Value } from '../model/types';
import { isValueSlot } from '../model/values';
import type { Scan } from './scan';
import { type Draft, ELEMENT, FLOW, named, RESOURCE, START, resourceNamed, typeWord } from './words';

/** A place findings can be about: its identity in a finding, how a message names it, where it sorts. */
export interface Place {
  element: string;
  node?: string;
  /** "Action Send Email (Send_Email)", "the Start element", "variable Amount", "the flow". */
  words: string;
  order: Draft['order'];
  data: Obj;
  /** A resource's metadata array (`variables`…), for resource places. */
  resourceType?: string;
}

/** Flow-level fields that are not part of what the flow does, or hold the places themselves. */
const FLOW_SKIP = new Set(['processMetadataValues', 'description', 'label']);

export function placesOf(scan: Scan): Place[] {
  const { doc } = scan;
  const places: Place[] = [];
  if (doc.start)
    places.push({ element: '', node: '$start', words: 'the Start element', order: [START, 0], data: doc.start });
  doc.elements.forEach((el, i) => {
    places.push({
      element: el.name,
      node: scan.index.nodeIdOf(el),
      words: `${typeWord(el.type)} ${named(el.label, el.name)}`,
      order: [ELEMENT, i],
      data: el.data,
    });
  });
  doc.resources.forEach((r, i) => {
    places.push({ element: r.name, words: resourceNamed(r), order: [RESOURCE, i], data: r.data, resourceType: r.type });
  });
  const flow: Obj = {};
  for (const [k, v] of Object.entries(doc.properties))
    if (!FLOW_SKIP.has(k)) Object.defineProperty(flow, k, { value: v, enumerable: true });
  places.push({ element: '', words: 'the flow', order: [FLOW, 2], data: flow });
  return places;
}

/**
 * Each text leaf of a place's data with the readable path to it (`inputParameters[recordId].value`), skipping
 * what is never a value: API names, labels, descriptions, coordinates, connectors, references to resources
 * (`…Reference`) and Builder's `processMetadataValues`.
 */
export function eachText(data: Obj, visit: (text: string, path: string) => void): void {
  const walk = (v: Value, path: string, field: string) => {
    if (typeof v === 'string') {
      if (!skipField(field)) visit(v, path);
      return;
    }
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const item = v[i] as Value;
        const key = isObj(item) ? (str(item.name) ?? str(item.field) ?? String(i + 1)) : String(i + 1);
        walk(item, `${path}[${key}]`, field);
      }
      return;
    }
    for (const [k, child] of Object.entries(v)) {
      if (k === 'processMetadataValues' || isConnectorField(k)) continue;
      walk(child, isValueSlot(k) ? path : path ? `${path}.${k}` : k, k);
    }
  };
  walk(data, '', '');
}

const NOT_VALUES = new Set(['name', 'label', 'description', 'locationX', 'locationY', 'isGoTo']);

function skipField(field: string): boolean {
  return NOT_VALUES.has(field) || /References?$/.test(field);
}
