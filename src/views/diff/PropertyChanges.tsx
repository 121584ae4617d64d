import { useId, useMemo, useState } from 'react';
import { describeChanges, type ChangeContext, type ChangeLine } from '../../describe/change';
import type { LinePiece } from '../../describe/changeLine';
import { plain, type Words } from '../../describe/changeWords';
import type { PropertyChange } from '../../model/diff/types';
import { valueText, wordDiff } from './wordDiff';
import './propertyChanges.css';

/**
 * Each change in Builder's words — the part of the element (an outcome, condition 2, a Set Field Values row)
 * and its before and after as values, long ones showing which words changed. "Show metadata paths"
 * adds each change's metadata path and raw values, for those who want them.
 */
export function PropertyChanges({
  changes,
  context,
  heading,
}: {
  changes: PropertyChange[];
  context?: ChangeContext;
  /** A heading above the changes, counted as they are said (one line may hold several metadata changes). */
  heading?: string;
}) {
  const [raw, setRaw] = useState(false);
  const toggleId = useId();
  const lines = useMemo(() => describeChanges(changes, context ?? { kind: '' }), [changes, context]);
  if (changes.length === 0) return <p className="muted">No property changes.</p>;
  return (
    <>
      {heading && (
        <h3 className="change-group">
          {heading} ({lines.length})
        </h3>
      )}
      <div className="prop-changes-box">
        <label className="prop-raw-toggle" htmlFor={toggleId}>
          <input id={toggleId} type="checkbox" checked={raw} onChange={(e) => setRaw(e.target.checked)} /> Show metadata
          paths
        </label>
        <dl className="prop-changes">
          {lines.map((line, i) => (
            <div key={`${i}:${line.raw[0]?.path ?? ''}`} className="prop-change">
              <dt>
                <LineHead line={line} />
              </dt>
              <dd>
                {line.parts.map((p, j) => (
                  <div key={`${j}:${p.what}`} className="prop-part">
                    {line.subject && p.what !== '' && <div className="prop-what">{p.what}</div>}
                    <ChangedValue before={p.before} after={p.after} />
                  </div>
                ))}
                {raw && (
                  <ul className="prop-raw" aria-label="Metadata paths">
                    {line.raw.map((c) => (
                      <li key={c.path}>
                        <code>{c.path}</code>
                        <pre className="prop-raw-values">
                          {c.before === undefined ? '(not set)' : valueText(c.before)}
                          {'\n→ '}
                          {c.after === undefined ? '(not set)' : valueText(c.after)}
                        </pre>
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
            </div>
          ))}
        </dl>
      </div>
    </>
  );
}

/** The line's heading: its sub-item ("Outcome Over 1M → Over 500K"), else its one part's name. */
function LineHead({ line }: { line: ChangeLine }) {
  const s = line.subject;
  if (!s) return <>{line.parts[0]?.what || 'Changed'}</>;
  const head: LinePiece[] = [`${s.noun} `];
  if (s.nameBefore !== undefined) head.push({ em: s.nameBefore }, ' → ');
  head.push({ em: s.name });
  return (
    <>
      <Pieces words={head} />
      {s.status !== 'changed' && (
        <span className={`prop-tag prop-tag-${s.status}`}>{s.status === 'added' ? 'added' : 'removed'}</span>
      )}
    </>
  );
}

function Pieces({ words }: { words: readonly LinePiece[] }) {
  return (
    <>
      {words.map((p, i) =>
        typeof p === 'string' ? (
          <span key={i}>{p}</span>
        ) : 'em' in p ? (
          <em key={i}>{p.em}</em>
        ) : (
          <code key={i}>{p.code}</code>
        ),
      )}
    </>
  );
}

function ChangedValue({ before, after }: { before: Words | undefined; after: Words | undefined }) {
  if (before === undefined && after === undefined) return null;
  const b = plain(before);
  const a = plain(after);
  const pieces = before !== undefined && after !== undefined ? wordDiff(b, a) : undefined;
  return (
    <div className="value-diff">
      <div className="value-before">
        <span className="value-side">Before</span>
        {before === undefined ? (
          <em className="muted">not set</em>
        ) : (
          <span className="value-text">
            {pieces
              ? pieces
                  .filter((p) => p.op !== 'add')
                  .map((p, i) => (p.op === 'del' ? <del key={i}>{p.text}</del> : <span key={i}>{p.text}</span>))
              : b}
          </span>
        )}
      </div>
      <div className="value-after">
        <span className="value-side">After</span>
        {after === undefined ? (
          <em className="muted">not set</em>
        ) : (
          <span className="value-text">
            {pieces
              ? pieces
                  .filter((p) => p.op !== 'del')
                  .map((p, i) => (p.op === 'add' ? <ins key={i}>{p.text}</ins> : <span key={i}>{p.text}</span>))
              : a}
          </span>
        )}
      </div>
    </div>
  );
}
