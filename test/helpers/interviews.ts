import { rng } from '../support/generate';

/**
 * FlowInterview records generated for tests and the mock org, as Salesforce's REST `/query` answers them:
 * `attributes`, the fields Flowscope selects, nulls where the record has none. Deterministic for a seed.
 */

export type InterviewRow = Record<string, unknown>;

export interface InterviewOptions {
  count: number;
  seed?: number;
  /** Names the flow version lacks (another version's elements): some interviews stand there. */
  removed?: readonly string[];
  /** Share of interviews with a null CurrentElement (default 0.05). */
  nullShare?: number;
  /** Statuses to draw from (default Paused, Error, Running, Paused…): as the records give them. */
  statuses?: readonly string[];
  /** FlowVersionViewId of every record. */
  versionId?: string;
  /** First number of the auto-number names and ids. */
  start?: number;
  apiVersion?: string;
}

const STATUSES = ['Paused', 'Paused', 'Paused', 'Error', 'Running', 'Paused', 'Error'];

export const interviewId = (n: number) => `0Fo${String(n).padStart(12, '0')}AAA`;

export function interviewRows(elements: readonly string[], options: InterviewOptions): InterviewRow[] {
  const next = rng(options.seed ?? 1);
  const statuses = options.statuses ?? STATUSES;
  const removed = options.removed ?? [];
  const nullShare = options.nullShare ?? 0.05;
  const start = options.start ?? 1;
  const api = options.apiVersion ?? '63.0';
  const rows: InterviewRow[] = [];
  for (let i = 0; i < options.count; i++) {
    const r = next();
    const at =
      r < nullShare
        ? null
        : removed.length > 0 && r < nullShare + 0.1
          ? removed[Math.floor(next() * removed.length)]!
          : elements.length > 0
            ? elements[Math.floor(next() * elements.length)]!
            : null;
    const status = statuses[Math.floor(next() * statuses.length)]!;
    const n = start + i;
    const id = interviewId(n);
    rows.push({
      attributes: { type: 'FlowInterview', url: `/services/data/v${api}/sobjects/FlowInterview/${id}` },
      Id: id,
      Name: `FI-${String(n).padStart(6, '0')}`,
      CurrentElement: at,
      InterviewLabel: `Interview ${n} {!$Flow.CurrentDateTime}`,
      InterviewStatus: status,
      PauseLabel: status === 'Paused' && next() < 0.7 ? `Waiting for approval ${n}` : null,
      CreatedDate: new Date(Date.UTC(2025, 0, 1) + n * 3_600_000).toISOString().replace('Z', '+0000'),
      FlowVersionViewId: options.versionId ?? null,
    });
  }
  return rows;
}

/** A REST `/query` answer (one page) of these rows. */
export function queryResult(
  rows: readonly InterviewRow[],
  page: { done?: boolean; next?: string; total?: number } = {},
) {
  return {
    totalSize: page.total ?? rows.length,
    done: page.done ?? true,
    ...(page.next ? { nextRecordsUrl: page.next } : {}),
    records: rows,
  };
}

/** What `runtimeJson` must say, counted independently of the code under test. */
export function expectedRuntime(rows: readonly InterviewRow[], elements: readonly string[]) {
  const names = new Set(elements);
  const byElement = new Map<string, Map<string, number>>();
  const elsewhere = new Map<string, number>();
  for (const r of rows) {
    const at = typeof r.CurrentElement === 'string' ? r.CurrentElement : '';
    const status = typeof r.InterviewStatus === 'string' ? r.InterviewStatus : '';
    if (at !== '' && names.has(at)) {
      const m = byElement.get(at) ?? new Map<string, number>();
      m.set(status, (m.get(status) ?? 0) + 1);
      byElement.set(at, m);
    } else elsewhere.set(at, (elsewhere.get(at) ?? 0) + 1);
  }
  return { byElement, elsewhere, total: rows.length };
}
