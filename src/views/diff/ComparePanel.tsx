import { useRef, useState } from 'react';
import { parseFlow } from '../../model/parse/index';
import { SAMPLE_PAIR, SAMPLES } from '../../samples/index';
import { readFileText } from '../../state/loading';
import type { FlowInput } from '../../state/store';
import { CompareSets } from '../changes/CompareSets';
import { Dialog } from '../sources/Dialog';
import { useAppStore } from '../storeContext';
import './diff.css';

type Slot = { input: FlowInput; summary: string } | { error: string; hint: string; name: string } | undefined;

function check(input: FlowInput): Slot {
  const parsed = parseFlow(input.text, { fileName: input.source.kind === 'paste' ? undefined : input.source.name });
  if (!parsed.ok) return { error: parsed.error.message, hint: parsed.error.hint, name: input.source.name };
  return {
    input,
    summary:
      `${parsed.doc.label || parsed.doc.name} · ${parsed.doc.elements.length} elements` +
      `${parsed.records && parsed.records.length > 1 ? ` · first of ${parsed.records.length} versions` : ''}`,
  };
}

/** Choose two versions — each by file, drop, paste, sample or the open flow — and compare them. */
export function ComparePanel({ onClose }: { onClose: () => void }) {
  const store = useAppStore();
  const open = store.getState().flow;
  const [before, setBefore] = useState<Slot>(
    open
      ? {
          input: { text: open.text, source: open.source, recordIndex: open.recordIndex },
          summary: `${open.doc.label || open.doc.name} · ${open.doc.elements.length} elements (open now)`,
        }
      : undefined,
  );
  const [after, setAfter] = useState<Slot>(undefined);
  // Swapping remounts the two boxes, so text typed or pasted into one does not stay behind in the other.
  const [swaps, setSwaps] = useState(0);
  const ready = before && 'input' in before && after && 'input' in after;
  // Two versions of a flow, or two sets of flows (issue 14: folders, zips, refs, a pull request).
  const [sets, setSets] = useState(false);
  const ways = (
    <div className="compare-way-tabs">
      <button type="button" aria-pressed={!sets} onClick={() => setSets(false)}>
        Two versions
      </button>
      <button type="button" aria-pressed={sets} onClick={() => setSets(true)}>
        Two sets
      </button>
    </div>
  );
  if (sets)
    return (
      <Dialog title="Compare two sets" onClose={onClose} className="src-xwide">
        {ways}
        <CompareSets onClose={onClose} />
      </Dialog>
    );
  return (
    // The page's one dialog pattern: focus moves in, Tab stays inside, Esc closes and focus goes back to Compare….
    <Dialog title="Compare two versions" onClose={onClose} className="src-xwide">
      {ways}
      <div className="compare-box">
        <div className="compare-sides">
          <SlotPicker key={`before-${swaps}`} title="Before (older)" slot={before} onPick={setBefore} />
          <button
            type="button"
            className="compare-swap"
            aria-label="Swap before and after"
            title="Swap before and after"
            onClick={() => {
              setBefore(after);
              setAfter(before);
              setSwaps(swaps + 1);
            }}
          >
            ⇄
          </button>
          <SlotPicker key={`after-${swaps}`} title="After (newer)" slot={after} onPick={setAfter} />
        </div>
        <div className="compare-actions">
          <button
            type="button"
            className="link-button"
            onClick={() =>
              void Promise.all([SAMPLE_PAIR.before.load(), SAMPLE_PAIR.after.load()]).then(([a, b]) => {
                setBefore(check({ text: a, source: { kind: 'sample', name: SAMPLE_PAIR.before.fileName } }));
                setAfter(check({ text: b, source: { kind: 'sample', name: SAMPLE_PAIR.after.fileName } }));
              })
            }
          >
            Try the sample pair ({SAMPLE_PAIR.title})
          </button>
          <span className="spacer" />
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="primary"
            disabled={!ready}
            onClick={() => {
              if (before && 'input' in before && after && 'input' in after)
                void store
                  .getState()
                  .compare(before.input, after.input)
                  .then((ok) => ok && onClose());
            }}
          >
            Compare
          </button>
        </div>
      </div>
    </Dialog>
  );
}

function SlotPicker({ title, slot, onPick }: { title: string; slot: Slot; onPick: (s: Slot) => void }) {
  const file = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [text, setText] = useState('');
  const fromFile = async (f: File | undefined) => {
    if (!f) return;
    const read = await readFileText(f);
    onPick(
      read.ok
        ? check({ text: read.text, source: { kind: 'file', name: read.name } })
        : { error: read.message, hint: read.hint, name: read.name },
    );
  };
  return (
    <section
      className={`compare-slot${over ? ' is-over' : ''}`}
      aria-label={title}
      onDragOver={(e) => {
        e.preventDefault();
        e.stopPropagation();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        // This side takes the file; the page-wide drop (open a flow) must not also see it.
        e.preventDefault();
        e.stopPropagation();
        setOver(false);
        void fromFile(e.dataTransfer.files[0]);
      }}
    >
      <strong>{title}</strong>
      {slot && 'input' in slot && (
        <p className="slot-name">
          {slot.input.source.kind === 'paste' ? 'Pasted text' : slot.input.source.name}
          <br />
          <span className="muted">{slot.summary}</span>
        </p>
      )}
      {slot && 'error' in slot && (
        <p className="slot-error" role="alert">
          Could not open {slot.name}: {slot.error} {slot.hint}
        </p>
      )}
      <div>
        <button type="button" onClick={() => file.current?.click()}>
          Open file…
        </button>{' '}
        <select
          aria-label={`${title}: a sample flow`}
          value=""
          onChange={(e) => {
            const sample = SAMPLES.find((s) => s.id === e.target.value);
            if (sample)
              void sample
                .load()
                .then((t) => onPick(check({ text: t, source: { kind: 'sample', name: sample.fileName } })));
          }}
        >
          <option value="">Sample…</option>
          {SAMPLES.map((s) => (
            <option key={s.id} value={s.id}>
              {s.fileName}
            </option>
          ))}
        </select>
      </div>
      <input
        ref={file}
        type="file"
        hidden
        accept=".xml,.flow,.json"
        aria-label={`${title}: flow file`}
        onChange={(e) => void fromFile(e.target.files?.[0])}
      />
      <textarea
        rows={4}
        aria-label={`${title}: paste XML or JSON`}
        placeholder="…or paste the flow's XML or JSON here, or drop a file on this box"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          onPick(
            e.target.value.trim()
              ? check({ text: e.target.value, source: { kind: 'paste', name: 'pasted text' } })
              : undefined,
          );
        }}
      />
    </section>
  );
}
