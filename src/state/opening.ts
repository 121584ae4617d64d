/**
 * A text in, a flow on screen or the banner's error out: parse it (the store's on-demand readers), build its
 * graph, find its saved positions. Never throws: a graph step that throws (a bug) is an internal error.
 */
import { buildGraph } from '../model/graph';
import { parseFlow } from '../model/parse/onDemand';
import { flowPositions } from './layoutChoice';
import { internalError } from './screen';
import type { FlowInput, LoadedFlow, LoadError } from './types';

function parse(input: FlowInput): LoadedFlow | LoadError {
  const { text, source, recordIndex } = input;
  const parsed = parseFlow(text, { fileName: source.kind === 'paste' ? undefined : source.name, recordIndex });
  if (!parsed.ok) return { ...parsed.error, source };
  return {
    source,
    text,
    doc: parsed.doc,
    origin: parsed.origin,
    graph: buildGraph(parsed.doc),
    notices: parsed.notices,
    records: parsed.records,
    recordIndex: recordIndex ?? 0,
    ...withPositions(flowPositions(parsed.doc)),
  };
}

/** Parses and builds the graph; a graph step that throws (a bug) becomes the banner's internal error. */
export function open(input: FlowInput): LoadedFlow | LoadError {
  try {
    return parse(input);
  } catch (e) {
    return internalError('graph', e, { source: input.source });
  }
}

export const isFlow = (x: LoadedFlow | LoadError): x is LoadedFlow => 'doc' in x;

/** `positions` only when there are some (exactOptionalPropertyTypes: never `positions: undefined`). */
export const withPositions = (positions: LoadedFlow['positions']) => (positions ? { positions } : {});
