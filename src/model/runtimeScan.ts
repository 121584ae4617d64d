/**
 * A big FlowInterview query read without parsing it whole (issue 16: 50,000 interviews, 18.6 MB, pasted must
 * leave the page responsive). Only the first `cap` interviews are placed, so only they are parsed: the text
 * is walked for the records array's bounds and each record's (strings skipped by `indexOf`, the walk paused
 * every few milliseconds), the envelope (`totalSize`, `done`, `nextRecordsUrl`, sf's wrapper) is parsed with
 * the records left out, and `detectFlowRestPayload` reads the envelope with the first records put back. The
 * records counted stand for `totalSize` when the answer gives none (a bare array).
 *
 * Anything it is not sure of answers undefined, and the caller parses the text whole as before: a text with
 * `Metadata` anywhere (a flow is never a payload), a records array of something other than objects, a shape
 * without `records`, JSON that does not read, or a payload that is not interviews.
 */
import { detectFlowRestPayload } from './runtimeDetect';
import type { FlowRestPayload } from './runtime';

/** Texts shorter than this are parsed whole: a parse of a megabyte is a few milliseconds. */
export const SCAN_FROM = 1_000_000;

/** What FlowInterview records start with (their type, or their fields), as a query's answer gives them. */
const INTERVIEWS = /"(InterviewStatus|CurrentElement|FlowInterview)"/;

/** Whether `scanInterviews` is worth trying: a big text that starts like FlowInterview records and names no flow. */
export function scannable(text: string): boolean {
  return (
    text.length >= SCAN_FROM &&
    INTERVIEWS.test(text.slice(0, 4000)) &&
    !text.includes('"Metadata"') &&
    !text.includes('"metadata"')
  );
}

type Interviews = Extract<FlowRestPayload, { kind: 'interviews' }>;

/** The end of the string whose opening quote is at `at` (the index of its closing quote), or -1. */
function stringEnd(text: string, at: number): number {
  let j = at + 1;
  for (;;) {
    j = text.indexOf('"', j);
    if (j < 0) return -1;
    let k = j - 1;
    while (text.charCodeAt(k) === 92) k--;
    if ((j - 1 - k) % 2 === 0) return j;
    j++;
  }
}

/**
 * The first `cap` interviews of a FlowInterview query text and how many it holds, the walk paused (`pause`)
 * whenever it has run `sliceMs`; undefined when the text is not one it is sure of (parse it whole then).
 */
export async function scanInterviews(
  text: string,
  cap: number,
  pause: () => Promise<void>,
  sliceMs = 8,
): Promise<Interviews | undefined> {
  if (!scannable(text)) return undefined;
  const n = text.length;
  let depth = 0;
  let open = -1; // the records array's '['
  let close = -1; // its ']'
  let inner = -1; // the depth inside it
  let start = -1; // the record being walked
  let count = 0;
  const spans: [number, number][] = [];
  let last = 0; // the last token: a structural char's code, or 34 after a string
  let key = false; // the last string was "records"
  let colonKey = false; // … and a ':' followed it
  let deadline = performance.now() + sliceMs;
  let steps = 0;
  for (let i = 0; i < n; i++) {
    if (++steps === 4096) {
      steps = 0;
      if (performance.now() > deadline) {
        await pause();
        deadline = performance.now() + sliceMs;
      }
    }
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9) continue;
    if (open >= 0 && close < 0 && depth === inner && c !== 123 && c !== 44 && c !== 93) return undefined;
    if (c === 34) {
      const end = stringEnd(text, i);
      if (end < 0) return undefined;
      key = end - i === 8 && text.startsWith('records', i + 1);
      i = end;
      last = 34;
      continue;
    }
    if (c === 58) colonKey = last === 34 && key;
    else if (c === 91) {
      if (open < 0 && (depth === 0 || (last === 58 && colonKey))) {
        open = i;
        inner = depth + 1;
      }
      depth++;
    } else if (c === 123) {
      if (open >= 0 && close < 0 && depth === inner) start = i;
      depth++;
    } else if (c === 125 || c === 93) {
      depth--;
      if (open >= 0 && close < 0 && c === 125 && depth === inner) {
        count++;
        if (count <= cap) spans.push([start, i + 1]);
      } else if (open >= 0 && close < 0 && c === 93 && depth === inner - 1) close = i;
    }
    last = c;
  }
  if (open < 0 || close < 0 || depth !== 0 || count === 0) return undefined;
  try {
    const first: unknown = JSON.parse(`[${spans.map(([a, b]) => text.slice(a, b)).join(',')}]`);
    let value: unknown = first;
    if (inner !== 1) {
      const envelope: unknown = JSON.parse(text.slice(0, open + 1) + text.slice(close));
      if (!put(envelope, first)) return undefined;
      value = envelope;
    }
    const payload = detectFlowRestPayload(value);
    if (payload?.kind !== 'interviews') return undefined;
    return { ...payload, totalSize: Math.max(payload.totalSize ?? count, count) };
  } catch {
    return undefined;
  }
}

/** Puts the first records back where the envelope's empty `records` array is (itself, or sf's `result`). */
function put(envelope: unknown, records: unknown): boolean {
  const rec = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!rec(envelope)) return false;
  if (Object.hasOwn(envelope, 'records') && Array.isArray(envelope.records)) {
    envelope.records = records;
    return true;
  }
  const result = Object.hasOwn(envelope, 'result') ? envelope.result : undefined;
  if (rec(result) && Object.hasOwn(result, 'records') && Array.isArray(result.records)) {
    result.records = records;
    return true;
  }
  return false;
}
