import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useAppStore } from '../storeContext';
import { describeError, ErrorNote } from './Dialog';

/** Prints an org's instance URL and access token. */
const SF_DISPLAY = 'sf org display --json --target-org <alias>';
const origin = () => (typeof location === 'undefined' ? '' : location.origin);

/**
 * Instance URL, access token, API version. The token is in the password field only until Connect; then it
 * lives in the store's client (and in `sessionStorage` only if "remember for this tab" is ticked).
 */
export function ConnectForm({
  initial,
}: {
  /** A session remembered for this tab, or the instance URL used last (`org` in the store). */
  initial: { instanceUrl: string; apiVersion: string; remember: boolean };
}) {
  const store = useAppStore();
  const [instanceUrl, setInstanceUrl] = useState(initial.instanceUrl);
  // Uncontrolled on purpose: React mirrors a controlled input's value into the DOM attribute, where any
  // serialisation of the page would find the token. The property alone holds it here.
  const tokenInput = useRef<HTMLInputElement>(null);
  const [apiVersion, setApiVersion] = useState(initial.apiVersion);
  const [remember, setRemember] = useState(initial.remember);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; hint: string }>();
  const id = useId();
  useEffect(() => {
    const token = store.getState().rememberedOrgToken();
    if (token && tokenInput.current) tokenInput.current.value = token;
  }, [store]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    const input = tokenInput.current;
    try {
      await store.getState().connectOrg({ instanceUrl, token: input?.value ?? '', apiVersion }, remember);
      if (input) input.value = '';
    } catch (x) {
      setError(describeError(x));
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} aria-label="Connect to a Salesforce org">
      {/* biome-ignore format: Biome's fill gives a 125-byte line (curly quotes, arrow); one sentence a line */}
      <p className="src-help">
        Get both with <code>{SF_DISPLAY}</code>: <code>result.instanceUrl</code> and <code>result.accessToken</code>.
        The org’s CORS allowlist (Setup → CORS) must include <code>{origin() || 'this site’s origin'}</code>.
        The token stays in this tab’s memory and goes only to the instance.
      </p>
      <div className="src-form">
        <label htmlFor={`${id}-instance`}>Instance URL</label>
        <input
          id={`${id}-instance`}
          type="text"
          inputMode="url"
          placeholder="https://mydomain.my.salesforce.com"
          autoComplete="url"
          spellCheck={false}
          value={instanceUrl}
          onChange={(e) => setInstanceUrl(e.target.value)}
        />
        <label htmlFor={`${id}-token`}>Access token</label>
        <input id={`${id}-token`} ref={tokenInput} type="password" autoComplete="off" spellCheck={false} />
        <label htmlFor={`${id}-api`}>API version</label>
        <input
          id={`${id}-api`}
          type="text"
          inputMode="decimal"
          size={6}
          value={apiVersion}
          onChange={(e) => setApiVersion(e.target.value)}
        />
        <label className="src-check">
          <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
          Remember for this tab
        </label>
      </div>
      <ErrorNote error={error} />
      <div className="src-actions">
        <button type="submit" className="src-primary" disabled={busy}>
          {busy ? 'Connecting…' : 'Connect'}
        </button>
      </div>
    </form>
  );
}
