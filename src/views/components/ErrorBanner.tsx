import { Component, type ReactNode } from 'react';
import { useApp, useAppStore } from '../storeContext';
import { selectError, type AppStore, type LoadError } from '../../state/store';
import { aboutScreen, drawError } from '../../state/screen';

/** What failed, in the banner's first words: the input could not be opened, laid out, compared or drawn. */
function headline(error: LoadError): string {
  if (error.stage === 'page') return 'Something went wrong.';
  if (error.stage === 'notice') return 'The link opened, but:';
  const named = error.source.kind === 'paste' ? 'the pasted text' : error.source.name;
  const where = error.subject ?? (error.side ? `the ${error.side} version (${named})` : named);
  const verb = error.stage === 'layout' ? 'lay out' : error.stage === 'draw' ? 'draw' : 'open';
  return `Could not ${verb} ${where}.`;
}

/** The message and hint of a failure; what was loaded before stays on screen. */
function ErrorMessage({ error, children }: { error: LoadError; children: ReactNode }) {
  return (
    <div
      className={error.stage === 'notice' ? 'error-banner is-notice' : 'error-banner'}
      role={error.stage === 'notice' ? 'status' : 'alert'}
    >
      <div>
        <strong>{headline(error)}</strong> {error.message}
        {error.line !== undefined && (
          <span className="error-where">
            {' '}
            (line {error.line}
            {error.column !== undefined ? `, column ${error.column}` : ''})
          </span>
        )}
        <div className="error-hint">{error.hint}</div>
      </div>
      {children}
    </div>
  );
}

/** The last failure's message and hint (a bad input, a failed layout, an internal error), under the toolbar. */
export function ErrorBanner() {
  const error = useApp(selectError);
  const dismiss = useApp((s) => s.dismissError);
  if (!error) return null;
  return (
    <ErrorMessage error={error}>
      <button
        type="button"
        className="icon-button"
        aria-label={`Dismiss the ${error.stage === 'notice' ? 'notice' : 'error'}`}
        onClick={dismiss}
      >
        ×
      </button>
    </ErrorMessage>
  );
}

interface BoundaryProps {
  store: AppStore;
  children: ReactNode;
}
interface BoundaryState {
  /** What drawing threw; `failed` tells it from nothing thrown (a component may throw `undefined`). */
  failed: boolean;
  thrown?: unknown;
}
const screenKey = (store: AppStore) => store.getState().comparison ?? store.getState().flow;

/**
 * The page's safety net: drawing the canvas or a panel threw. Instead of a blank page, the banner's message
 * (named as an internal error) and Close, which brings back what was open before.
 */
class Boundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { failed: false };
  private unsubscribe?: () => void;
  /** What was on screen when drawing failed: once the screen changes (a new load), the children get another go. */
  private failedOn?: { screen: unknown };

  static getDerivedStateFromError(thrown: unknown): BoundaryState {
    return { failed: true, thrown };
  }

  override componentDidCatch() {
    this.failedOn = { screen: screenKey(this.props.store) };
  }

  override componentDidMount() {
    // A new flow or comparison while the message shows: try drawing again.
    this.unsubscribe = this.props.store.subscribe(() => {
      if (this.failedOn && screenKey(this.props.store) !== this.failedOn.screen) this.retry();
    });
  }

  override componentWillUnmount() {
    this.unsubscribe?.();
  }

  private retry() {
    this.failedOn = undefined;
    this.setState({ failed: false, thrown: undefined });
  }

  private close = () => {
    this.failedOn = undefined;
    this.props.store.getState().restorePrevious();
    this.retry();
  };

  override render() {
    if (!this.state.failed) return this.props.children;
    // Named after what is on screen while the message shows (the flow or comparison that failed to draw).
    const { flow, comparison } = this.props.store.getState();
    return (
      <ErrorMessage error={drawError(this.state.thrown, aboutScreen(flow, comparison))}>
        <button type="button" onClick={this.close}>
          Close
        </button>
      </ErrorMessage>
    );
  }
}

/** `Boundary` around part of the page, given the page's store. */
export function ScreenBoundary({ children }: { children: ReactNode }) {
  return <Boundary store={useAppStore()}>{children}</Boundary>;
}
