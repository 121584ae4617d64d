import { useEffect, useMemo, useState } from 'react';
import { interfaceChanges } from '../../model/interfaceChanges';
import type { FlowDoc } from '../../model/types';
import { SEVERITY_MARK } from './severity';
import { selectSelection, type Comparison, type Finding, type Rule } from '../../state/store';
import { useApp } from '../storeContext';
// Through ChecksPanel: the Checks tab and this section share one chunk (one file in the preload map).
import { FindingRow, SeverityTag, SHOWN } from './ChecksPanel';
import { interfaceChangeLines } from './interfaceChangeWords';
import './checks.css';

/** What a comparison's change breaks, at the top of its Changes tab: interface changes first, then the checks. */
export function ComparisonReview({ comparison }: { comparison: Comparison }) {
  return (
    <>
      <InterfaceChanges
        before={comparison.before.doc}
        after={comparison.after.doc}
        renames={resourceRenames(comparison)}
      />
      <ComparisonChecks />
    </>
  );
}

/** The diff's renamed resources, after name → before name. */
const resourceRenames = (comparison: Comparison): Map<string, string> =>
  new Map(comparison.diff.resources.flatMap((r) => (r.renamedFrom ? [[r.id, r.renamedFrom] as const] : [])));

/** The flow's inputs and outputs that changed, each saying whether callers break; nothing when none did. */
export function InterfaceChanges({
  before,
  after,
  renames,
}: {
  before: FlowDoc;
  after: FlowDoc;
  /** After name → before name of the resources the diff pairs as renamed. */
  renames?: ReadonlyMap<string, string>;
}) {
  const lines = useMemo(() => interfaceChangeLines(interfaceChanges(before, after), renames), [before, after, renames]);
  if (lines.length === 0) return null;
  const breaking = lines.filter((l) => l.breaking).length;
  return (
    <section aria-label="Interface changes" className="checks-compare">
      <h3 className="change-group">
        Interface <span className="muted">({breaking > 0 ? `${breaking} breaking` : 'nothing breaking'})</span>
      </h3>
      <ul className="iface-changes">
        {lines.map((l) => (
          <li key={l.key} className={l.breaking ? 'iface-breaking' : 'iface-safe'}>
            <span aria-hidden="true">{l.breaking ? '✖' : '+'}</span> {l.text}{' '}
            <span className="iface-verdict">— {l.breaking ? 'breaking for callers' : 'not breaking'}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function FindingList({
  findings,
  rules,
  selection,
  onSelect,
  prefix,
}: {
  findings: readonly Finding[];
  rules: readonly Rule[];
  selection?: string;
  onSelect: (node: string) => void;
  prefix?: string;
}) {
  const [all, setAll] = useState(false);
  const shown = all ? findings : findings.slice(0, SHOWN);
  return (
    <ul className="check-findings">
      {shown.map((f, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a rule may find one element twice (two loops)
        <li key={`${f.rule}:${f.element}:${f.detail ?? ''}:${i}`} className="check-compared">
          <span className={`check-mark check-sev-${f.severity}`} aria-hidden="true">
            {SEVERITY_MARK[f.severity]}
          </span>
          <span className="check-compared-text">
            <FindingRow
              finding={f}
              current={f.node !== undefined && f.node === selection}
              onSelect={onSelect}
              {...(prefix ? { prefix } : {})}
            />
            <span className="check-compared-rule muted">
              <SeverityTag severity={f.severity} /> · {rules.find((r) => r.id === f.rule)?.name ?? f.rule}
            </span>
          </span>
        </li>
      ))}
      {shown.length < findings.length && (
        <li>
          <button type="button" className="check-more-button" onClick={() => setAll(true)}>
            Show all {findings.length}
          </button>
        </li>
      )}
    </ul>
  );
}

/** A folded list, drawn only once opened (a comparison can have hundreds of remaining findings). */
function Folded({ label, findings, ...list }: Parameters<typeof FindingList>[0] & { label: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="check-more" aria-label={label} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        {findings.length} {label.split(' ')[0]?.toLowerCase()}
      </summary>
      {open && <FindingList findings={findings} {...list} />}
    </details>
  );
}

/** Findings the change introduced (each selecting its union node), then the fixed and the remaining ones folded. */
export function ComparisonChecks() {
  const checks = useApp((s) => s.checks);
  const rules = useApp((s) => s.checkRules);
  const prepare = useApp((s) => s.prepareChecks);
  const selectFinding = useApp((s) => s.selectFinding);
  const selection = useApp(selectSelection);
  const [failed, setFailed] = useState<string>();
  useEffect(() => {
    prepare().catch((e: unknown) => setFailed(e instanceof Error ? e.message : String(e)));
  }, [prepare]);
  const c = checks.comparison;
  const list = { rules, selection, onSelect: selectFinding };
  return (
    <section aria-label="Checks" className="checks-compare">
      <h3 className="change-group">
        Checks{' '}
        {c && (
          <span className="muted">({c.introduced.length === 0 ? 'nothing new' : `${c.introduced.length} new`})</span>
        )}
      </h3>
      {failed || checks.status === 'error' ? (
        <p className="notice">The checks could not run: {failed ?? checks.error}</p>
      ) : !c ? (
        <p className="muted">Checking both versions…</p>
      ) : (
        <>
          {c.introduced.length === 0 ? (
            <p className="muted">This change brings no new finding.</p>
          ) : (
            <FindingList findings={c.introduced} prefix="New:" {...list} />
          )}
          <Folded label="Fixed findings" findings={c.fixed} {...list} />
          <Folded label="Remaining findings" findings={c.remaining} {...list} />
        </>
      )}
    </section>
  );
}
