import { ELEMENT_ARRAYS, RESOURCE_ARRAYS } from '../elements';
import { isConnectorField } from '../connectors';
import {
  asList,
  isObj,
  str,
  type FlowDoc,
  type FlowElement,
  type FlowOrigin,
  type FlowResource,
  type Obj,
  type ParseResult,
} from '../types';
import { checkInput } from './guards';
import { jsonShape, readJson } from './json';
import { jsonNestingError } from './depth';
import { normalise } from './normalise';
import { setOwn } from './own';
import { readXml } from './xml';

export interface ParseOptions {
  /** The file name (or URL path) the text came from: a fallback for the API name, never used to detect the format. */
  fileName?: string;
  /** Which record of a multi-record query result to open (default 0, the first). */
  recordIndex?: number;
}

/** Text (any supported format) → FlowDoc. Never throws for bad input: errors are values. */
export function parseFlow(input: string, options: ParseOptions = {}): ParseResult {
  try {
    return parseText(input, options);
  } catch (e) {
    // A last line of defence: no input may crash the caller, even one that trips a library bug.
    return {
      ok: false,
      error: {
        message: `Flowscope could not read this input (${e instanceof Error ? e.message : String(e)}).`,
        hint: 'Check that it is a complete flow file or Tooling API JSON; if it is, please report it with the file.',
      },
    };
  }
}

function parseText(input: string, options: ParseOptions): ParseResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const bad = checkInput(text);
  if (bad) return { ok: false, error: bad };
  const first = text.trimStart().charAt(0);
  if (first === '<') return fromXml(text, options);
  if (first === '{' || first === '[') return fromJson(text, options);
  return {
    ok: false,
    error: {
      message: `This is neither XML nor JSON (it starts with "${text.trimStart().slice(0, 20)}").`,
      hint: 'Load a Metadata API flow file (.flow-meta.xml or .flow) or Tooling API JSON.',
    },
  };
}

function fromXml(text: string, options: ParseOptions): ParseResult {
  const xml = readXml(text);
  if (!xml.ok) return xml;
  if (xml.root !== 'Flow') {
    return {
      ok: false,
      error: {
        message: `Found a <${xml.root}> document; expected a <Flow> (a Metadata API flow file).`,
        hint: 'Flow files live under force-app/…/flows/ and end in .flow-meta.xml (or .flow in the older format).',
      },
    };
  }
  const md = normalise(xml.body, undefined);
  const metadata = isObj(md) ? md : {};
  const fileName = baseName(options.fileName);
  const name = fileName ?? str(metadata.label) ?? 'Flow';
  const origin: FlowOrigin = {
    format: 'xml',
    nameFrom: fileName ? 'fileName' : str(metadata.label) ? 'label' : 'none',
  };
  return { ok: true, doc: buildDoc(metadata, name), origin, notices: [] };
}

function fromJson(text: string, options: ParseOptions): ParseResult {
  const json = readJson(text);
  if (!json.ok) return json;
  const shape = jsonShape(json.value, options.recordIndex);
  if (!shape.ok) return shape;
  const deep = jsonNestingError(shape.metadata);
  if (deep) return { ok: false, error: deep };
  const md = normalise(shape.metadata, undefined);
  const metadata = isObj(md) ? md : {};
  const fileName = baseName(options.fileName);
  const label = str(metadata.label);
  const name = shape.fullName ?? fileName ?? label ?? 'Flow';
  const origin: FlowOrigin = {
    format: shape.format,
    recordId: shape.recordId,
    versionNumber: shape.versionNumber,
    recordStatus: shape.recordStatus,
    nameFrom: shape.fullName ? 'fullName' : fileName ? 'fileName' : label ? 'label' : 'none',
  };
  return {
    ok: true,
    doc: buildDoc(metadata, name),
    origin: dropUndefined(origin),
    notices: shape.notices,
    ...(shape.records ? { records: shape.records } : {}),
  };
}

/** Sorts a normalised metadata object into elements, start, resources and flow properties. */
export function buildDoc(metadata: Obj, name: string): FlowDoc {
  const elements: FlowElement[] = [];
  const resources: FlowResource[] = [];
  const properties: Obj = {};
  let start: Obj | undefined;
  let startElementReference: string | undefined;
  for (const [key, value] of Object.entries(metadata)) {
    if (key === 'start') {
      // Real files have at most one start; a hand-made file with several keeps the first as the start.
      start = asList(value).find(isObj);
    } else if (key === 'startElementReference' && typeof value === 'string') {
      startElementReference = value;
    } else if (ELEMENT_ARRAYS.has(key) || isUnknownElementArray(key, value)) {
      asList(value).forEach((item, i) => {
        if (!isObj(item)) return;
        const elName = str(item.name) ?? `(unnamed ${key} ${i + 1})`;
        elements.push({ name: elName, type: key, label: str(item.label) ?? elName, data: item });
      });
    } else if (RESOURCE_ARRAYS.has(key)) {
      asList(value).forEach((item, i) => {
        if (isObj(item)) resources.push({ name: str(item.name) ?? `(unnamed ${key} ${i + 1})`, type: key, data: item });
      });
    } else {
      setOwn(properties, key, value);
    }
  }
  const doc: FlowDoc = { name, label: str(metadata.label) ?? name, elements, resources, properties };
  if (start) doc.start = start;
  if (startElementReference) doc.startElementReference = startElementReference;
  return doc;
}

/** A future element array: items with a `name` and a location or a connector. */
function isUnknownElementArray(key: string, value: Obj[keyof Obj]): boolean {
  if (key === 'processMetadataValues') return false;
  const items = asList(value);
  return (
    items.length > 0 &&
    items.every(
      (it) =>
        isObj(it) &&
        typeof it.name === 'string' &&
        (Object.hasOwn(it, 'locationX') ||
          Object.hasOwn(it, 'locationY') ||
          Object.keys(it).some((k) => isConnectorField(k))),
    )
  );
}

function baseName(fileName: string | undefined): string | undefined {
  if (!fileName) return undefined;
  const last = fileName.split(/[\\/]/).pop() ?? '';
  const stem = last.replace(/\.(flow-meta\.xml|flow|xml|json)$/i, '');
  return stem === '' ? undefined : stem;
}

function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
