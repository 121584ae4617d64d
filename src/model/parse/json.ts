import type { ParseError, RecordChoice } from '../types';
import { lineColumn } from './guards';
import { locateJsonError } from './jsonError';

type Rec = Record<string, unknown>;

/** What a JSON input turned out to hold: the metadata object to normalise and what surrounded it. */
export type JsonShape =
  | {
      ok: true;
      format: 'tooling-record' | 'query-result' | 'metadata' | 'builder-metadata';
      metadata: Rec;
      fullName?: string;
      recordId?: string;
      versionNumber?: string;
      recordStatus?: string;
      records?: RecordChoice[];
      notices: string[];
    }
  | { ok: false; error: ParseError };

export function readJson(text: string): { ok: true; value: unknown } | { ok: false; error: ParseError } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    const { offset, expected } = locateJsonError(text);
    const { line, column } = lineColumn(text, offset);
    return {
      ok: false,
      error: {
        message: `The JSON is not valid at line ${line}, column ${column}: expected ${expected}.`,
        hint: 'The text may be cut short or hand-edited; copy the whole response again.',
        line,
        column,
      },
    };
  }
}

/** Metadata keys that only a flow's metadata has; one is enough to recognise a bare Metadata object. */
const METADATA_KEYS = [
  'processType',
  'start',
  'startElementReference',
  'decisions',
  'actionCalls',
  'assignments',
  'recordLookups',
  'screens',
  'loops',
  'variables',
  'processMetadataValues',
  'recordCreates',
  'recordUpdates',
  'subflows',
  'interviewLabel',
];

function isRec(v: unknown): v is Rec {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function text(v: unknown): string | undefined {
  if (typeof v === 'string' && v !== '') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

function looksLikeMetadata(o: Rec): boolean {
  const has = (k: string) => Object.hasOwn(o, k);
  return METADATA_KEYS.some(has) || (has('label') && has('apiVersion'));
}

/** The record-level `Metadata`, Flow Builder's lower-case `metadata`, or nothing. */
function metadataOf(o: Rec): { md: Rec; builder: boolean } | undefined {
  if (isRec(o.Metadata)) return { md: o.Metadata, builder: false };
  if (isRec(o.metadata)) return { md: o.metadata, builder: true };
  return undefined;
}

function choiceOf(r: Rec, index: number): RecordChoice {
  const name =
    text(r.FullName) ?? text(r.fullName) ?? text(r.MasterLabel) ?? text(r.masterLabel) ?? `record ${index + 1}`;
  return {
    index,
    name,
    versionNumber: text(r.VersionNumber) ?? text(r.versionNumber),
    status: text(r.Status) ?? text(r.status),
    id: text(r.Id) ?? text(r.id),
  };
}

/** Recognises the four JSON shapes (plus the `sf … --json` envelope) and picks the metadata out. */
export function jsonShape(value: unknown, recordIndex?: number, unwrapped = false): JsonShape {
  if (
    !unwrapped &&
    isRec(value) &&
    isRec(value.result) &&
    (Object.hasOwn(value, 'status') || Object.hasOwn(value, 'warnings'))
  ) {
    // `sf data query --use-tooling-api --json` wraps the query result in {status, result}, once.
    return jsonShape(value.result, recordIndex, true);
  }
  const records = Array.isArray(value)
    ? value
    : isRec(value) && Array.isArray(value.records)
      ? value.records
      : undefined;
  if (records) {
    const recs = records.filter(isRec);
    if (recs.length === 0) {
      return {
        ok: false,
        error: {
          message: 'The query result has no records.',
          hint:
            'The query matched no Flow; ' +
            "query `SELECT Id, FullName, Metadata FROM Flow WHERE Id = '301…'` on the Tooling API.",
        },
      };
    }
    const choices = recs.map(choiceOf);
    const idx = recordIndex !== undefined && recordIndex >= 0 && recordIndex < recs.length ? recordIndex : 0;
    const chosen = recs[idx] as Rec;
    const inner = metadataOf(chosen);
    if (!inner) {
      return {
        ok: false,
        error: {
          message: `The query result's records have no Metadata (keys: ${keyList(chosen)}).`,
          hint:
            'The Tooling API returns Metadata only when a query selects it and matches one row: ' +
            'query one Flow version by Id, including Metadata and FullName.',
        },
      };
    }
    const notices =
      recs.length > 1
        ? [
            `The input holds ${recs.length} flow versions; ` +
              `showing ${describe(choices[idx] as RecordChoice)} (${idx === recordIndex ? 'chosen' : 'the first'}).`,
          ]
        : [];
    return {
      ok: true,
      format: 'query-result',
      metadata: inner.md,
      ...recordInfo(chosen),
      records: recs.length > 1 ? choices : undefined,
      notices,
    };
  }
  if (!isRec(value)) {
    return {
      ok: false,
      error: {
        message: `The JSON is ${Array.isArray(value) ? 'an array' : typeof value}, not a flow.`,
        hint: 'Expected a Tooling API Flow record, a query result or a Flow Metadata object.',
      },
    };
  }
  const inner = metadataOf(value);
  if (inner) {
    return {
      ok: true,
      format: inner.builder ? 'builder-metadata' : 'tooling-record',
      metadata: inner.md,
      ...recordInfo(value),
      notices: [],
    };
  }
  if (looksLikeMetadata(value)) return { ok: true, format: 'metadata', metadata: value, notices: [] };
  return {
    ok: false,
    error: {
      message: `Found an object with keys ${keyList(value)}; expected a Flow record, a query result or Metadata.`,
      hint:
        'Load the JSON of a Tooling API Flow record (with its Metadata), a query result of such records, ' +
        'or the Metadata object itself.',
    },
  };
}

function recordInfo(r: Rec): { fullName?: string; recordId?: string; versionNumber?: string; recordStatus?: string } {
  return {
    fullName: text(r.FullName) ?? text(r.fullName),
    recordId: text(r.Id) ?? text(r.id),
    versionNumber: text(r.VersionNumber) ?? text(r.versionNumber),
    recordStatus: text(r.Status) ?? text(r.status),
  };
}

function describe(c: RecordChoice): string {
  return [c.name, c.versionNumber ? `version ${c.versionNumber}` : undefined, c.status].filter(Boolean).join(', ');
}

function keyList(o: Rec): string {
  const keys = Object.keys(o);
  if (keys.length === 0) return '(none)';
  return keys.slice(0, 8).join(', ') + (keys.length > 8 ? `, … (${keys.length} in all)` : '');
}
