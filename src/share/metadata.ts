/**
 * FlowDoc → the bare Metadata object it came from, and the stripping a share link applies.
 *
 *   docToMetadata(doc: FlowDoc): Obj
 *     The inverse of model/parse's buildDoc: `buildDoc(normalise(docToMetadata(doc)), doc.name)` equals
 *     `doc`. Keys are sorted like normalise's output, so equal flows serialise identically.
 *   shareableDoc(doc: FlowDoc): FlowDoc
 *     The doc without what neither the picture nor the diff reads: an Auto-Layout (or Process Builder) flow's
 *     element and start coordinates (`locationX`/`locationY`; Builder recomputes them, and coordinates never
 *     count as change). A free-form flow keeps them: its saved positions are a Layout (model/positions.ts).
 */
import { ELEMENT_ARRAYS } from '../model/elements';
import { ownValue, setOwn } from '../model/parse/own';
import { savedPositions } from '../model/positions';
import type { FlowDoc, FlowElement, Obj, Value } from '../model/types';

const COORDINATES = ['locationX', 'locationY'];

export function docToMetadata(doc: FlowDoc): Obj {
  const md: Obj = { ...doc.properties };
  const push = (key: string, item: Obj) => {
    // An unknown element array may be called `constructor` or `__proto__`: own keys only.
    const list = ownValue(md, key);
    if (Array.isArray(list)) list.push(item);
    else setOwn(md, key, [item]);
  };
  for (const el of doc.elements) push(el.type, el.data);
  for (const r of doc.resources) push(r.type, r.data);
  if (doc.start) md.start = doc.start;
  if (doc.startElementReference !== undefined) md.startElementReference = doc.startElementReference;
  return sortKeys(md);
}

export function shareableDoc(doc: FlowDoc): FlowDoc {
  if (savedPositions(doc)) return doc;
  const out: FlowDoc = { ...doc, elements: doc.elements.map(stripElement) };
  if (doc.start) out.start = withoutCoordinates(doc.start);
  return out;
}

function stripElement(el: FlowElement): FlowElement {
  // An unknown array is recognised as elements by its items' coordinates (model/parse isUnknownElementArray):
  // keep them there, or the array would come back as a flow property.
  if (!ELEMENT_ARRAYS.has(el.type)) return el;
  return { ...el, data: withoutCoordinates(el.data) };
}

/** The object minus its coordinates — unless nothing else is left (an empty object would vanish on re-parse). */
function withoutCoordinates(o: Obj): Obj {
  if (!COORDINATES.some((k) => Object.hasOwn(o, k))) return o;
  const rest = Object.fromEntries(Object.entries(o).filter(([k]) => !COORDINATES.includes(k))) as Obj;
  return Object.keys(rest).length > 0 ? rest : o;
}

function sortKeys(o: Obj): Obj {
  const out: Obj = {};
  for (const k of Object.keys(o).sort()) setOwn(out, k, o[k] as Value);
  return out;
}
