import { useApp } from '../storeContext';
import { selectError } from '../../state/store';

/** The parser's message and hint for the last bad input; what was loaded before stays on screen. */
export function ErrorBanner() {
  const error = useApp(selectError);
  const dismiss = useApp((s) => s.dismissError);
  if (!error) return null;
  const named = error.source.kind === 'paste' ? 'the pasted text' : error.source.name;
  const where = error.side
    ? `the ${error.side} version (${named})`
    : error.source.kind === 'paste'
      ? 'The pasted text'
      : named;
  return (
    <div className="error-banner" role="alert">
      <div>
        <strong>Could not open {where}.</strong> {error.message}
        {error.line !== undefined && (
          <span className="error-where">
            {' '}
            (line {error.line}
            {error.column !== undefined ? `, column ${error.column}` : ''})
          </span>
        )}
        <div className="error-hint">{error.hint}</div>
      </div>
      <button type="button" className="icon-button" aria-label="Dismiss the error" onClick={dismiss}>
        ×
      </button>
    </div>
  );
}
