import { useEffect, useRef, useState } from 'react';
import { NOISE_KINDS, type NoiseKind } from '../../model/diff/noise';
import { selectComparison } from '../../state/store';
import { useApp } from '../storeContext';
import './noise.css';

/** Each filter's toggle, in Builder's words: what it hides. */
export const NOISE_LABELS: Record<NoiseKind, { label: string; word: string; hint: string }> = {
  description: { label: 'Descriptions only', word: 'descriptions', hint: 'Changes only in a description' },
  label: {
    label: 'Labels only',
    word: 'labels',
    hint: 'Changes only in a label (of an element, an outcome, a resource, the flow)',
  },
  'api-version': { label: 'API version only', word: 'the API version', hint: "The flow's API version" },
  'canvas-mode': {
    label: 'Canvas mode only',
    word: 'the canvas mode',
    hint: 'Auto-Layout ↔ Free-Form (the CanvasMode value)',
  },
  namespace: {
    label: 'Namespace tokens only',
    word: 'namespace tokens',
    hint: 'A value that differs only by a %%%NAMESPACED_ORG%%%-style token packaging tools add or strip',
  },
};

/**
 * The comparison's noise filters (issue 15): one toggle per kind of change a reviewer may hide, each with
 * how many changes it hides on its own; a kind with none is disabled (unless it is on). The choice is the
 * store's `noise`: the canvas, the change list and the counts follow it at once, and links carry it.
 */
export function NoiseFilters() {
  const comparison = useApp(selectComparison);
  const noise = useApp((s) => s.noise);
  const toggleNoise = useApp((s) => s.toggleNoise);
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    const onDown = (e: MouseEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('mousedown', onDown);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('mousedown', onDown);
    };
  }, [open]);
  const hidden = comparison?.filtering?.hidden;
  if (!comparison || !hidden) return null;
  const on = NOISE_KINDS.filter((k) => noise.has(k));
  const hiding = on.reduce((n, k) => n + hidden[k], 0);
  return (
    <div className="noise-filters" ref={box}>
      <button
        type="button"
        className={`noise-toggle${on.length > 0 ? ' noise-on' : ''}`}
        aria-expanded={open}
        aria-haspopup="true"
        onClick={() => setOpen(!open)}
        title="Hide changes that change nothing that runs"
      >
        {on.length > 0 ? `Hiding noise (${on.length})` : 'Hide noise'} ▾
      </button>
      {open && (
        <fieldset className="noise-panel">
          <legend>Hide changes that are…</legend>
          {NOISE_KINDS.map((k) => {
            const n = hidden[k];
            const checked = noise.has(k);
            return (
              <label key={k} className={n === 0 && !checked ? 'muted' : undefined} title={NOISE_LABELS[k].hint}>
                <input
                  type="checkbox"
                  checked={checked}
                  disabled={n === 0 && !checked}
                  onChange={() => void toggleNoise(k)}
                />{' '}
                {NOISE_LABELS[k].label} ({n})
              </label>
            );
          })}
          <p className="noise-note muted">
            {on.length === 0
              ? 'The count is how many property changes each one hides on its own.'
              : `${hiding} property change${hiding === 1 ? '' : 's'} hidden; the link you copy keeps this choice.`}
          </p>
        </fieldset>
      )}
    </div>
  );
}

/** Above the change list while filters are on: what is hidden, so a short list is not read as the whole diff. */
export function NoiseNote() {
  const hidden = useApp((s) => s.comparison?.filtering?.hidden);
  const noise = useApp((s) => s.noise);
  const on = NOISE_KINDS.filter((k) => noise.has(k));
  if (!hidden || on.length === 0) return null;
  const words = on.map((k) => `${NOISE_LABELS[k].word} (${hidden[k]})`).join(', ');
  return <p className="noise-hiding muted">Hiding changes only in {words}.</p>;
}
