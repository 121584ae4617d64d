import { useState } from 'react';
import type { Interview } from '../../model/runtime';
import type { InterviewGroup } from '../../state/store';
import { useApp } from '../storeContext';
import { absoluteTime, count, plural, relativeTime } from './runtimeWords';
import './runtime.css';

/** Interviews listed at first per element; "Show more" lists this many more each time. */
const FIRST = 20;
const MORE = 200;

/** "‖ 12 Paused · ✖ 2 Error": each status by its mark and its word, as the records give it. */
function Counts({ group }: { group: InterviewGroup }) {
  return (
    <span className="rt-counts">
      {group.counts.map(([status, n, mark], i) => (
        <span key={status} className={mark === '✖' ? 'rt-error' : undefined}>
          {i > 0 ? ' · ' : ''}
          <span aria-hidden="true">{mark}</span> {count(n)} {status || 'no status'}
        </span>
      ))}
    </span>
  );
}

function InterviewLine({ interview, now, marks }: { interview: Interview; now: number; marks: Map<string, string> }) {
  const mark = marks.get(interview.status) ?? '•';
  const since = relativeTime(interview.createdDate, now);
  const at = absoluteTime(interview.createdDate);
  return (
    <>
      <span className="rt-line">
        <span className="rt-name">{interview.name ?? interview.id ?? 'Interview'}</span>{' '}
        <span className={mark === '✖' ? 'rt-status rt-error' : 'rt-status'}>
          <span aria-hidden="true">{mark}</span> {interview.status || 'no status'}
        </span>
      </span>
      {interview.label && <span className="rt-line rt-text">{interview.label}</span>}
      {interview.pauseLabel && <span className="rt-line rt-text">Paused: {interview.pauseLabel}</span>}
      {since && at && (
        <span className="rt-line rt-since">
          Since <time dateTime={interview.createdDate}>{since}</time> · {at}
        </span>
      )}
    </>
  );
}

function Group({
  group,
  selected,
  onSelect,
}: {
  group: InterviewGroup;
  selected: boolean;
  onSelect?: (id: string) => void;
}) {
  const [limit, setLimit] = useState(FIRST);
  const now = Date.now();
  const id = group.nodeId;
  const select = id !== undefined && onSelect ? () => onSelect(id) : undefined;
  const name = group.element === '' ? 'No element' : group.element;
  const head = (
    <>
      <span className="rt-element">
        {group.label !== undefined && <span className="rt-label">{group.label}</span>}{' '}
        <span className="rt-api">{group.element === '' ? '(no CurrentElement)' : name}</span>
        {group.before && (
          <span className="rt-before">
            {group.before === 'removed' ? 'at a removed element' : 'at its before name (renamed since)'}
          </span>
        )}
      </span>
      <Counts group={group} />
    </>
  );
  const rest = group.interviews.length - limit;
  const marks = new Map(group.counts.map(([status, , mark]) => [status, mark]));
  return (
    <li className={`rt-group${selected ? ' is-selected' : ''}`} data-element={group.element}>
      {select ? (
        <button type="button" className="rt-head" onClick={select} title={`Select ${name} on the canvas`}>
          {head}
        </button>
      ) : (
        <div className="rt-head">{head}</div>
      )}
      <ul className="rt-interviews" aria-label={`Interviews at ${name}`}>
        {group.interviews.slice(0, limit).map((interview, i) => (
          <li key={interview.id ?? `${interview.name ?? ''}#${i}`}>
            {select ? (
              <button type="button" className="rt-interview" onClick={select}>
                <InterviewLine interview={interview} now={now} marks={marks} />
              </button>
            ) : (
              <div className="rt-interview">
                <InterviewLine interview={interview} now={now} marks={marks} />
              </div>
            )}
          </li>
        ))}
        {rest > 0 && (
          <li>
            <button type="button" className="rt-more" onClick={() => setLimit(limit + MORE)}>
              Show {count(Math.min(rest, MORE))} more of {count(rest)}
            </button>
          </li>
        )}
      </ul>
    </li>
  );
}

/**
 * The Runtime tab: the interviews overlaid on the flow, grouped by the element each stands at (a click selects
 * and centres it), and those at elements this version lacks under "Elsewhere" — never dropped.
 */
export function RuntimePanel({ onSelect }: { onSelect: (id: string) => void }) {
  const comparing = useApp((s) => s.comparison !== undefined);
  const runtime = useApp((s) => s.runtime);
  const selection = useApp((s) => s.selection);
  const clear = useApp((s) => s.clearRuntime);
  if (!runtime) return <p className="side-empty muted">No interviews on this flow.</p>;
  const from = runtime.source.kind === 'paste' ? 'pasted text' : runtime.source.name;
  const at = runtime.groups.reduce((n, g) => n + (g.before ? 0 : g.interviews.length), 0);
  const old = runtime.groups.filter((g) => g.before);
  const atOld = old.reduce((n, g) => n + g.interviews.length, 0);
  const onScreen = runtime.groups.length - old.length;
  const where = comparing ? 'the after version' : 'this flow';
  return (
    <div className="rt-panel">
      <div className="rt-summary">
        <p>
          <strong>{plural(runtime.shown, 'interview')}</strong> from {from}: {count(at)} at{' '}
          {plural(onScreen, 'element')} of {where}
          {old.length > 0 ? `, ${count(atOld)} at ${plural(old.length, 'element')} only the before version has` : ''}
          {runtime.elsewhere.length > 0 ? `, ${count(runtime.shown - at - atOld)} elsewhere` : ''}.
        </p>
        {runtime.capNote && (
          <p className="notice" role="status">
            {runtime.capNote}
          </p>
        )}
        <p className="muted rt-private">Org data: kept in this page only, never put in a link.</p>
        <button type="button" className="rt-clear" onClick={clear}>
          Clear runtime data
        </button>
      </div>
      {runtime.groups.length > 0 && (
        <ul className="rt-groups" aria-label="Interviews by element">
          {runtime.groups.map((g) => (
            <Group key={g.element} group={g} selected={g.nodeId === selection} onSelect={onSelect} />
          ))}
        </ul>
      )}
      {runtime.elsewhere.length > 0 && (
        <section className="rt-elsewhere" aria-label="Elsewhere">
          <h3>Elsewhere</h3>
          <p className="muted">
            At an element {comparing ? 'neither version has' : 'this version does not have'} (another version's, or a
            renamed one), or at none.
          </p>
          <ul className="rt-groups" aria-label="Interviews elsewhere">
            {runtime.elsewhere.map((g) => (
              <Group key={g.element} group={g} selected={false} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
