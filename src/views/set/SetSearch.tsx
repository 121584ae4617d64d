import { useEffect, useRef, useState } from 'react';
import type { SearchHit, SearchResult } from '../../model/setTypes';
import { count, kindWord, splitMatch } from './setWords';

export interface SetSearchProps {
  /** The store's `searchSet`: undefined when a newer search superseded this one. */
  search: (query: string) => Promise<SearchResult | undefined>;
  onOpen: (flow: string, select?: string) => void;
  /** The query typed before (the tab keeps it when the user comes back to it). */
  query: string;
  onQuery: (query: string) => void;
}

/** The hit's text, the match in a <mark>: split as text, never parsed as HTML. */
export function Marked({ hit }: { hit: Pick<SearchHit, 'text' | 'at' | 'length'> }) {
  const [before, match, after] = splitMatch(hit.text, hit.at, hit.length);
  return (
    <span className="set-hit-text">
      {before}
      {match && <mark>{match}</mark>}
      {after}
    </span>
  );
}

/**
 * Search across every flow of the set as the user types: results grouped by flow, each hit with what it
 * matched in ("field reference", "formula"…) and the match highlighted; a click opens the flow there.
 */
export function SetSearch({ search, onOpen, query, onQuery }: SetSearchProps) {
  const [result, setResult] = useState<SearchResult>();
  const [failed, setFailed] = useState<string>();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  useEffect(() => {
    if (query.trim() === '') {
      setResult(undefined);
      return;
    }
    let live = true;
    search(query).then(
      (r) => {
        if (live && r) {
          setResult(r);
          setFailed(undefined);
        }
      },
      (e: unknown) => live && setFailed(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [query, search]);
  const shown = query.trim() === '' ? undefined : result;

  return (
    <div className="set-search">
      <input
        ref={input}
        type="search"
        className="set-input set-search-input"
        aria-label="Search all flows"
        placeholder="Element names, labels, fields ($Record.Amount), subflows, formulas, text…"
        value={query}
        onChange={(e) => onQuery(e.target.value)}
      />
      <p className="set-muted" role="status" aria-live="polite">
        {failed
          ? `The search failed: ${failed}`
          : shown
            ? `${count(shown.total, 'result')} in ${count(shown.flows, 'flow')}` +
              (shown.truncated
                ? ` — showing the first ${shown.groups.length < shown.flows ? count(shown.groups.length, 'flow') : 'ones'}` +
                  '; type more to narrow the search.'
                : '')
            : query.trim() === ''
              ? 'Type to search every flow of the set.'
              : 'Searching…'}
      </p>
      {shown?.groups.map((g, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a name may be found twice (one flow in two package folders)
        <section key={`${g.flow}\n${i}`} className="set-group" aria-label={g.label || g.flow}>
          <h3 className="set-group-head">
            <button type="button" className="set-link" onClick={() => onOpen(g.flow)}>
              {g.label || g.flow}
            </button>{' '}
            <code className="set-mono">{g.flow}</code> <span className="set-muted">· {count(g.total, 'hit')}</span>
          </h3>
          <ul className="set-hits">
            {g.hits.map((h, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: hits are fixed for a result; texts may repeat
              <li key={i}>
                <button
                  type="button"
                  className="set-hit"
                  onClick={() => onOpen(g.flow, h.resource ? undefined : h.element)}
                >
                  <span className="set-kind">{kindWord(h.kind)}</span>
                  {h.element && h.kind !== 'name' && (
                    <span className="set-mono set-hit-where">{h.element === '$start' ? 'Start' : h.element}</span>
                  )}
                  <Marked hit={h} />
                </button>
              </li>
            ))}
          </ul>
          {g.total > g.hits.length && (
            <p className="set-muted set-more">and {count(g.total - g.hits.length, 'more hit')} in this flow</p>
          )}
        </section>
      ))}
    </div>
  );
}
