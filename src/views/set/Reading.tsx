import { type FormEvent, useId, useRef } from 'react';

/** How far a set (or a change set) is read: the phase in words and a bar, with Cancel. */
export function Reading({
  label,
  progress,
  onCancel,
  className = '',
}: {
  /** The progress bar's name ("Reading the set"). */
  label: string;
  progress: { phase: string; done: number; total: number } | undefined;
  onCancel: () => void;
  className?: string;
}) {
  const p = progress;
  const known = p !== undefined && p.total > 0;
  const pct = known ? Math.round((100 * Math.min(p.done, p.total)) / p.total) : undefined;
  return (
    <div className={`set-loading ${className}`.trim()}>
      <div
        className={`set-progress${known ? '' : ' is-unknown'}`}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={known ? p.total : undefined}
        aria-valuenow={known ? Math.min(p.done, p.total) : undefined}
        aria-valuetext={known ? `${p.done} of ${p.total}` : undefined}
      >
        <div className="set-progress-fill" style={{ width: pct === undefined ? undefined : `${pct}%` }} />
      </div>
      <p className="set-phase-words" aria-live="polite">
        {p ? p.phase : 'Starting…'}
        {known && ` — ${p.done.toLocaleString('en-US')} of ${p.total.toLocaleString('en-US')}`}
      </p>
      <button type="button" className="set-button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}

/**
 * Why reading failed: the message and the hint, and — for what came from a repository — a retry form, with a
 * token field when the host asked for one. The token input is uncontrolled (never mirrored into a DOM
 * attribute) and cleared once handed to `onRetry`.
 */
export function ReadFailed({
  error,
  retry,
}: {
  error: { message: string; hint: string; needsToken?: boolean };
  /** Absent: nothing to retry (files on this computer). */
  retry?: {
    /** The form's name. */
    label: string;
    /** The button's words, with and without a token field. */
    withToken: string;
    without: string;
    help?: string;
    onRetry: (token: string | undefined) => void;
  };
}) {
  const token = useRef<HTMLInputElement>(null);
  const id = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const value = token.current?.value.trim() ?? '';
    if (token.current) token.current.value = '';
    retry?.onRetry(value || undefined);
  };
  return (
    <div className="set-failed">
      <div className="src-error set-error" role="alert">
        <strong>{error.message}</strong>
        {error.hint && <div className="src-hint">{error.hint}</div>}
      </div>
      {retry && (
        <form className="set-retry" onSubmit={submit} aria-label={retry.label}>
          {error.needsToken && (
            <>
              <label htmlFor={`${id}-token`}>Token</label>
              <input
                id={`${id}-token`}
                ref={token}
                className="set-input"
                type="password"
                autoComplete="off"
                spellCheck={false}
              />
              {retry.help && <span className="set-muted set-retry-help">{retry.help}</span>}
            </>
          )}
          <button type="submit" className="set-button set-primary">
            {error.needsToken ? retry.withToken : retry.without}
          </button>
        </form>
      )}
    </div>
  );
}
