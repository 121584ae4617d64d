import { jsonNestingError } from './depth';
import { jsonShape, readJson } from './json';
import type { FormatRead } from './read';

/**
 * The JSON reader: a Tooling API Flow record, a query result of them, Flow Builder's or bare Metadata.
 * Loaded on first use in the app (onDemand.ts).
 */
export function readJsonFlow(text: string, recordIndex: number | undefined): FormatRead {
  const json = readJson(text);
  if (!json.ok) return json;
  const shape = jsonShape(json.value, recordIndex);
  if (!shape.ok) return shape;
  const deep = jsonNestingError(shape.metadata);
  if (deep) return { ok: false, error: deep };
  const { format, recordId, versionNumber, recordStatus } = shape;
  return {
    ok: true,
    metadata: shape.metadata,
    origin: { format, recordId, versionNumber, recordStatus },
    ...(shape.fullName ? { fullName: shape.fullName } : {}),
    notices: shape.notices,
    ...(shape.records ? { records: shape.records } : {}),
  };
}
