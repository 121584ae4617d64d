import { useState } from 'react';
import { forgetToken } from '../../sources/redact';
import { connect as connectToOrg, type OrgClient } from '../../sources/salesforce';
import { ConnectForm, type Connect } from './ConnectForm';
import { Dialog } from './Dialog';
import { FlowBrowser } from './FlowBrowser';
import type { OnCompare, OnOpen } from './types';

const tabStorage = (): Storage | undefined => {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    return undefined;
  }
};

export interface OrgDialogProps {
  /** Closed, the dialog stays mounted (hidden) so the connection survives until Disconnect. */
  open?: boolean;
  onClose: () => void;
  onOpen: OnOpen;
  onCompare: OnCompare;
  /** Injected in tests; defaults to the Tooling API client. */
  connect?: Connect;
  /** Where "remember for this tab" keeps the session; defaults to `sessionStorage`. */
  storage?: Storage;
}

/** "Connect to org…": connect with an instance URL and token, then browse, open and compare flow versions. */
export function OrgDialog({
  open = true,
  onClose,
  onOpen,
  onCompare,
  connect = connectToOrg,
  storage = tabStorage(),
}: OrgDialogProps) {
  const [client, setClient] = useState<OrgClient>();
  // The instance URL is not a secret: after Disconnect it stays in the form for the next Connect.
  const [lastUrl, setLastUrl] = useState('');
  const disconnect = () => {
    setLastUrl(client?.instanceUrl ?? '');
    client?.disconnect();
    if (storage) forgetToken(storage);
    setClient(undefined);
  };
  return (
    <Dialog
      title={client ? 'Flows in the org' : 'Connect to a Salesforce org'}
      open={open}
      onClose={onClose}
      className="src-wide"
    >
      {client ? (
        <FlowBrowser client={client} onOpen={onOpen} onCompare={onCompare} onDisconnect={disconnect} />
      ) : (
        <ConnectForm connect={connect} storage={storage} initialUrl={lastUrl} onConnected={setClient} />
      )}
    </Dialog>
  );
}
