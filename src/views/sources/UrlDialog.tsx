import { useId, useRef, useState, type FormEvent } from 'react';
import { planUrl } from '../../state/urlPlan';
import { useAppStore } from '../storeContext';
import { describeError, Dialog, ErrorNote } from './Dialog';

const BLOB_PATH = '…/blob/main/force-app/…/My_Flow.flow-meta.xml';

/** Where a typed URL will be fetched from, said before the request (or nothing while it is not a URL yet). */
function via(url: string, withToken: boolean): string {
  try {
    const plan = planUrl(url, withToken ? 'placeholder-token' : '');
    const host = new URL(plan.url).host;
    return plan.host === 'plain' ? '' : `Fetched from ${host}${withToken ? ' with the token' : ''}.`;
  } catch {
    return '';
  }
}

/**
 * "Open URL…": a flow file by URL (GitHub and GitLab pages work), with an optional token for private
 * repositories. Closes once the file is fetched (the store's `loadUrl` opens it).
 */
export function UrlDialog({ onClose }: { onClose: () => void }) {
  const store = useAppStore();
  const [url, setUrl] = useState('');
  // Uncontrolled (see ConnectForm): the token is never mirrored into a DOM attribute.
  const tokenInput = useRef<HTMLInputElement>(null);
  const [withToken, setWithToken] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; hint: string }>();
  const id = useId();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    const input = tokenInput.current;
    try {
      await store.getState().loadUrl(url, input?.value ?? '');
      if (input) input.value = '';
      setWithToken(false);
      onClose();
    } catch (x) {
      setError(describeError(x));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title="Open a flow from a URL" onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} aria-label="Open a flow from a URL">
        <p className="src-help">
          A raw file URL, or a GitHub or GitLab file page (<code>{BLOB_PATH}</code>). For a private repository add a
          token: GitHub (Contents: read) or GitLab (read_api). The token is used for this request only and sent only in
          a header.
        </p>
        <div className="src-form">
          <label htmlFor={`${id}-url`}>URL</label>
          <input
            id={`${id}-url`}
            type="text"
            inputMode="url"
            spellCheck={false}
            placeholder="https://github.com/owner/repo/blob/main/…/My_Flow.flow-meta.xml"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
          />
          <label htmlFor={`${id}-token`}>Token (optional)</label>
          <input
            id={`${id}-token`}
            ref={tokenInput}
            type="password"
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setWithToken(e.target.value.trim() !== '')}
          />
        </div>
        <p className="src-help" aria-live="polite">
          {via(url, withToken)}
        </p>
        <ErrorNote error={error} />
        <div className="src-actions">
          <button type="submit" className="src-primary" disabled={busy || url.trim() === ''}>
            {busy ? 'Opening…' : 'Open'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
