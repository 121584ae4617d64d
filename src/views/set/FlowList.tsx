import { useDeferredValue, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { SetFlow } from '../../model/set';
import type { SetSummary } from '../../model/setTypes';
import { count, flowTypeName, statusWords, triggerWords } from './setWords';

type Key = 'label' | 'name' | 'type' | 'trigger' | 'status' | 'elements' | 'callers';

interface Row {
  flow: SetFlow;
  /** What the Label column shows and sorts by. */
  label: string;
  type: string;
  trigger: string;
  status: string;
  callers: number;
}

const COLUMNS: readonly [Key, string][] = [
  ['label', 'Label'],
  ['name', 'API name'],
  ['type', 'Type'],
  ['trigger', 'Trigger'],
  ['status', 'Status'],
  ['elements', 'Elements'],
  ['callers', 'Called by'],
];

/** A row's height in pixels (set.css gives rows exactly this): the window is worked out from it. */
export const ROW_HEIGHT = 34;
/** Rows drawn above and below the visible ones, so a quick scroll does not show blank rows. */
const OVERSCAN = 10;
/** The visible height assumed before the list is measured (and where nothing is laid out, as in tests). */
const DEFAULT_HEIGHT = 900;

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** `words()` worked out once per distinct key: 2,000 flows have a handful of types, triggers and statuses. */
function cached(seen: Map<string, string>, key: string, words: () => string): string {
  let v = seen.get(key);
  if (v === undefined) {
    v = words();
    seen.set(key, v);
  }
  return v;
}

/** A part of a cache key: absent and '' kept apart. */
const part = (v: string | undefined) => (v === undefined ? '\u0001' : v);

function rowsOf(summary: SetSummary): Row[] {
  const callers = new Map<string, Set<string>>();
  for (const c of summary.calls) {
    if (!c.resolved) continue;
    const set = callers.get(c.callee) ?? new Set<string>();
    set.add(c.caller);
    callers.set(c.callee, set);
  }
  const types = new Map<string, string>();
  const triggers = new Map<string, string>();
  const statuses = new Map<string, string>();
  return summary.flows.map((flow) => {
    const t = flow.trigger;
    const on = t ? `${t.object}\u0000${part(t.type)}\u0000${part(t.when)}` : '\u0002';
    return {
      flow,
      label: flow.label || flow.name,
      type: cached(types, `${part(flow.processType)}\u0000${t ? part(t.type) : '\u0002'}`, () => flowTypeName(flow)),
      trigger: cached(triggers, on, () => triggerWords(t)),
      status: cached(statuses, part(flow.status), () => statusWords(flow.status)),
      callers: callers.get(flow.name)?.size ?? 0,
    };
  });
}

/** Label, API name and trigger object, lower-cased: what the filter box matches (worked out once it is used). */
const haystacks = new WeakMap<Row, string>();
function haystack(r: Row): string {
  let h = haystacks.get(r);
  if (h === undefined) {
    h = `${r.flow.label}\n${r.flow.name}\n${r.flow.trigger?.object ?? ''}`.toLowerCase();
    haystacks.set(r, h);
  }
  return h;
}

function compare(a: Row, b: Row, key: Key): number {
  switch (key) {
    case 'label':
      return collator.compare(a.label, b.label);
    case 'name':
      return collator.compare(a.flow.name, b.flow.name);
    case 'elements':
      return a.flow.elements - b.flow.elements;
    case 'callers':
      return a.callers - b.callers;
    default:
      return collator.compare(a[key], b[key]);
  }
}

/**
 * Every flow of the set: a sortable table (click a column header), a filter box (label, API name, object)
 * and a type filter. Only the rows in view are drawn, so 2,000 flows scroll as lightly as 20.
 */
export function FlowList({ summary, onOpen }: { summary: SetSummary; onOpen: (name: string) => void }) {
  const id = useId();
  // A big set's first draw in two tasks: the list's frame (filters, headers, its height) with the screen, then its
  // rows worked out, sorted and drawn in a render React runs after that paint.
  // (null, not undefined: React takes an undefined initial value for none given.)
  const ready = useDeferredValue<SetSummary | null>(summary, null);
  const pending = ready === null;
  const rows = useMemo(() => (ready ? rowsOf(ready) : []), [ready]);
  const types = useMemo(() => [...new Set(rows.map((r) => r.type))].sort(collator.compare), [rows]);
  const [filter, setFilter] = useState('');
  const [type, setType] = useState('');
  const [sort, setSort] = useState<{ key: Key; up: boolean }>({ key: 'label', up: true });
  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    const kept = rows.filter((r) => (q === '' || haystack(r).includes(q)) && (type === '' || r.type === type));
    const sign = sort.up ? 1 : -1;
    return kept.sort((a, b) => sign * compare(a, b, sort.key) || collator.compare(a.flow.name, b.flow.name));
  }, [rows, filter, type, sort]);

  const scroller = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: DEFAULT_HEIGHT });
  useLayoutEffect(() => {
    const box = scroller.current;
    if (!box || typeof ResizeObserver === 'undefined') return;
    const measure = () => setView({ top: box.scrollTop, height: box.clientHeight || DEFAULT_HEIGHT });
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    return () => observer.disconnect();
  }, []);
  const first = Math.max(0, Math.floor(view.top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(shown.length, Math.ceil((view.top + view.height) / ROW_HEIGHT) + OVERSCAN);
  const cols = COLUMNS.length;

  return (
    <div className="set-list">
      <div className="set-filters">
        <input
          type="search"
          className="set-input"
          aria-label="Filter flows by label, API name or object"
          placeholder="Filter by label, API name or object"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <label className="set-type-filter">
          Type{' '}
          <select value={type} onChange={(e) => setType(e.target.value)}>
            <option value="">All types</option>
            {types.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <span className="set-muted" role="status" id={`${id}-count`}>
          {pending || shown.length === rows.length
            ? count(summary.flows.length, 'flow')
            : `${count(shown.length, 'flow')} of ${rows.length.toLocaleString('en-US')}`}
        </span>
      </div>
      <div
        className="set-table-scroll"
        ref={scroller}
        onScroll={(e) => {
          const box = e.currentTarget;
          setView({ top: box.scrollTop, height: box.clientHeight || DEFAULT_HEIGHT });
        }}
      >
        <table className="set-table" aria-describedby={`${id}-count`} aria-rowcount={shown.length + 1}>
          <thead>
            <tr>
              {COLUMNS.map(([key, text]) => {
                const on = sort.key === key;
                return (
                  <th key={key} scope="col" aria-sort={on ? (sort.up ? 'ascending' : 'descending') : 'none'}>
                    <button
                      type="button"
                      className="set-sort"
                      onClick={() => setSort({ key, up: on ? !sort.up : key !== 'elements' && key !== 'callers' })}
                    >
                      {text}
                      <span aria-hidden="true" className="set-sort-mark">
                        {on ? (sort.up ? ' ▲' : ' ▼') : ''}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {first > 0 && (
              <tr className="set-spacer" style={{ height: first * ROW_HEIGHT }}>
                <td colSpan={cols} />
              </tr>
            )}
            {shown.slice(first, last).map((r, i) => (
              <tr key={`${r.flow.file}\n${r.flow.name}`} aria-rowindex={first + i + 2}>
                <td className="set-cell-label">
                  <button
                    type="button"
                    className="set-link"
                    title={r.flow.label || r.flow.name}
                    onClick={() => onOpen(r.flow.name)}
                  >
                    {r.flow.label || r.flow.name}
                  </button>
                </td>
                <td className="set-mono" title={r.flow.name}>
                  {r.flow.name}
                </td>
                <td title={r.type}>{r.type}</td>
                <td title={r.trigger}>{r.trigger}</td>
                <td className={`set-status set-status-${r.status.replace(/\W/g, '')}`}>{r.status}</td>
                <td className="set-num">{r.flow.elements.toLocaleString('en-US')}</td>
                <td className="set-num">{r.callers === 0 ? '—' : r.callers.toLocaleString('en-US')}</td>
              </tr>
            ))}
            {pending && (
              <tr className="set-spacer" style={{ height: summary.flows.length * ROW_HEIGHT }}>
                <td colSpan={cols} />
              </tr>
            )}
            {last < shown.length && (
              <tr className="set-spacer" style={{ height: (shown.length - last) * ROW_HEIGHT }}>
                <td colSpan={cols} />
              </tr>
            )}
          </tbody>
        </table>
        {!pending && shown.length === 0 && <p className="set-empty">No flow matches.</p>}
      </div>
    </div>
  );
}
