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
  type ParseError,
  type ParseResult,
  type RecordChoice,
} from '../types';
import { checkInput } from './guards';
import { normalise } from './normalise';
import { setOwn } from './own';

export interface ParseOptions {
  /** The file name (or URL path) the text came from: a fallback for the API name, never used to detect the format. */
  fileName?: string;
  /** Which record of a multi-record query result to open (default 0, the first). */
  recordIndex?: number;
}

/** The two input formats, told apart by the first character that is not white space. */
export type Format = 'xml' | 'json';

/**
 * What a format's reader finds in a text: the flow's metadata as written (normalised here, the same way for
 * both formats), where it came from, and the API name the input itself gives (a Tooling record's FullName).
 */
export type FormatRead =
  | {
      ok: true;
      metadata: unknown;
      origin: Omit<FlowOrigin, 'nameFrom'>;
      fullName?: string;
      notices: string[];
      records?: RecordChoice[];
    }
  | { ok: false; error: ParseError };

export type FormatReader = (text: string, recordIndex: number | undefined) => FormatRead;
export type FormatReaders = Partial<Record<Format, FormatReader>>;

/** The format a text is in (after a byte-order mark and white space), if it is one of the two. */
export function formatOf(input: string): Format | undefined {
  const start = input.search(/\S/);
  const first = start < 0 ? '' : input.charAt(start);
  return first === '<' ? 'xml' : first === '{' || first === '[' ? 'json' : undefined;
}

/**
 * Text → FlowDoc with the readers given (model/parse/index.ts has both; the app loads each on first use,
 * onDemand.ts). Never throws for bad input: errors are values.
 */
export function parseWith(readers: FormatReaders, input: string, options: ParseOptions = {}): ParseResult {
  try {
    return parseText(readers, input, options);
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

function parseText(readers: FormatReaders, input: string, options: ParseOptions): ParseResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const bad = checkInput(text);
  if (bad) return { ok: false, error: bad };
  const format = formatOf(text);
  if (!format) {
    return {
      ok: false,
      error: {
        message: `This is neither XML nor JSON (it starts with "${text.trimStart().slice(0, 20)}").`,
        hint: 'Load a Metadata API flow file (.flow-meta.xml or .flow) or Tooling API JSON.',
      },
    };
  }
  const reader = readers[format];
  if (!reader) {
    // Only in the app, when the reader's code could not be fetched (onDemand.ts tries again next time).
    return {
      ok: false,
      error: {
        message: `Flowscope could not load its ${format === 'xml' ? 'XML' : 'JSON'} reader.`,
        hint: 'Check the network connection, then try again.',
      },
    };
  }
  const read = reader(text, options.recordIndex);
  if (!read.ok) return read;
  const md = normalise(read.metadata, undefined);
  const metadata = isObj(md) ? md : {};
  const fileName = baseName(options.fileName);
  const label = str(metadata.label);
  const name = read.fullName ?? fileName ?? label ?? 'Flow';
  const nameFrom = read.fullName ? 'fullName' : fileName ? 'fileName' : label ? 'label' : 'none';
  return {
    ok: true,
    doc: buildDoc(metadata, name),
    origin: dropUndefined({ ...read.origin, nameFrom }),
    notices: read.notices,
    ...(read.records ? { records: read.records } : {}),
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
