import type { PropertyChange } from '../../model/diff/types';
import { valueText, wordDiff } from './wordDiff';

/** Before / after of each changed property; long values show which words changed. */
export function PropertyChanges({ changes }: { changes: PropertyChange[] }) {
  if (changes.length === 0) return <p className="muted">No property changes.</p>;
  return (
    <dl className="prop-changes">
      {changes.map((c) => (
        <div key={c.path} className="prop-change">
          <dt>
            <code>{c.path}</code>{' '}
            {c.before === undefined ? (
              <span className="prop-tag prop-tag-added">set</span>
            ) : c.after === undefined ? (
              <span className="prop-tag prop-tag-removed">unset</span>
            ) : null}
          </dt>
          <dd>
            <ChangedValue
              before={valueText(c.before)}
              after={valueText(c.after)}
              unsetBefore={c.before === undefined}
              unsetAfter={c.after === undefined}
            />
          </dd>
        </div>
      ))}
    </dl>
  );
}

function ChangedValue({
  before,
  after,
  unsetBefore,
  unsetAfter,
}: {
  before: string;
  after: string;
  unsetBefore: boolean;
  unsetAfter: boolean;
}) {
  const pieces = !unsetBefore && !unsetAfter ? wordDiff(before, after) : undefined;
  return (
    <div className="value-diff">
      <div className="value-before">
        <span className="value-side">Before</span>
        {unsetBefore ? (
          <em className="muted">not set</em>
        ) : (
          <span className="value-text">
            {pieces
              ? pieces
                  .filter((p) => p.op !== 'add')
                  .map((p, i) => (p.op === 'del' ? <del key={i}>{p.text}</del> : <span key={i}>{p.text}</span>))
              : before}
          </span>
        )}
      </div>
      <div className="value-after">
        <span className="value-side">After</span>
        {unsetAfter ? (
          <em className="muted">not set</em>
        ) : (
          <span className="value-text">
            {pieces
              ? pieces
                  .filter((p) => p.op !== 'del')
                  .map((p, i) => (p.op === 'add' ? <ins key={i}>{p.text}</ins> : <span key={i}>{p.text}</span>))
              : after}
          </span>
        )}
      </div>
    </div>
  );
}
