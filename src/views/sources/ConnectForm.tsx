import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { forgetToken, recallToken, rememberToken } from '../../sources/redact';
import { DEFAULT_API_VERSION, type ConnectOptions, type OrgClient } from '../../sources/salesforce';
import { describeError, ErrorNote } from './Dialog';

export type Connect = (options: ConnectOptions) => Promise<OrgClient>;

const origin = () => (typeof location === 'undefined' ? '' : location.origin);

/**
 * Instance URL, access token, API version. The token is in the password field only until Connect; then it
 * lives in the client's closure (and in `sessionStorage` only if "remember for this tab" is ticked).
 */
export function ConnectForm({
  connect,
  storage,
  initialUrl = '',
  onConnected,
}: {
  connect: Connect;
  storage: Storage | undefined;
  initialUrl?: string;
  onConnected: (client: OrgClient) => void;
}) {
  const [remembered] = useState(() => (storage ? recallToken(storage) : undefined));
  const [instanceUrl, setInstanceUrl] = useState(remembered?.instanceUrl ?? initialUrl);
  // Uncontrolled on purpose: React mirrors a controlled input's value into the DOM attribute, where any
  // serialisation of the page would find the token. The property alone holds it here.
  const tokenInput = useRef<HTMLInputElement>(null);
  const [apiVersion, setApiVersion] = useState(remembered?.apiVersion ?? DEFAULT_API_VERSION);
  const [remember, setRemember] = useState(remembered !== undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; hint: string }>();
  const id = useId();
  useEffect(() => {
    if (remembered && tokenInput.current) tokenInput.current.value = remembered.token;
  }, [remembered]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    const input = tokenInput.current;
    const token = input?.value ?? '';
    try {
      const client = await connect({ instanceUrl, token, apiVersion });
      if (storage) {
        if (remember)
          rememberToken(storage, {
            instanceUrl: client.instanceUrl,
            apiVersion: client.apiVersion,
            token: token.trim(),
          });
        else forgetToken(storage);
      }
      if (input) input.value = '';
      onConnected(client);
    } catch (x) {
      setError(describeError(x));
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} aria-label="Connect to a Salesforce org">
      <p className="src-help">
        Get both with <code>sf org display --json --target-org &lt;alias&gt;</code>: <code>result.instanceUrl</code> and{' '}
        <code>result.accessToken</code>. The org’s CORS allowlist (Setup → CORS) must include{' '}
        <code>{origin() || 'this site’s origin'}</code>. The token stays in this tab’s memory and goes only to the
        instance.
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
