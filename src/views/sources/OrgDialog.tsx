import { useEffect } from 'react';
import { selectOrg } from '../../state/store';
import { useApp, useAppStore } from '../storeContext';
import { ConnectForm } from './ConnectForm';
import { Dialog } from './Dialog';
import { FlowBrowser } from './FlowBrowser';

export interface OrgDialogProps {
  /** Closed, the dialog stays mounted (hidden), so the list as it was browsed is there when it opens again. */
  open?: boolean;
  /** × or Esc, and once a version is opened or a comparison started. */
  onClose: () => void;
}

/**
 * "Connect to org…": connect with an instance URL and token, then browse, open and compare flow versions.
 * The connection (its client and token) is the store's, from `connectOrg` until `disconnectOrg`.
 */
export function OrgDialog({ open = true, onClose }: OrgDialogProps) {
  const store = useAppStore();
  const org = useApp(selectOrg);
  useEffect(() => {
    void store.getState().prepareOrg();
  }, [store]);
  // Until the org code and any session remembered for this tab are loaded: the form then opens filled in.
  if (org.status === 'idle') return null;
  return (
    <Dialog
      title={org.status === 'connected' ? 'Flows in the org' : 'Connect to a Salesforce org'}
      open={open}
      onClose={onClose}
      className="src-wide"
    >
      {org.status === 'connected' ? (
        <FlowBrowser instanceUrl={org.instanceUrl} apiVersion={org.apiVersion} onDone={onClose} />
      ) : (
        <ConnectForm initial={org} />
      )}
    </Dialog>
  );
}
