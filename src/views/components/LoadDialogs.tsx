import { lazy } from 'react';
import { RestViewPart as RestView } from '../lazyParts';

// The org and URL dialogs (and, through the store, the clients behind them) load when first opened, not with the page;
// this module itself comes a moment after the first screen (main.tsx).
const OrgDialog = lazy(() => import('../sources/OrgDialog').then((m) => ({ default: m.OrgDialog })));
const UrlDialog = lazy(() => import('../sources/UrlDialog').then((m) => ({ default: m.UrlDialog })));
const OpenSetDialog = lazy(() => import('../set/OpenSetDialog').then((m) => ({ default: m.OpenSetDialog })));
const PasteDialog = lazy(() => import('../sources/PasteDialog').then((m) => ({ default: m.PasteDialog })));

export type LoadDialog = 'org' | 'url' | 'paste' | 'set';

export interface LoadDialogsProps {
  /** The dialog open, if any. */
  dialog: LoadDialog | undefined;
  /** Once opened, the org dialog stays mounted (hidden when closed), so its list is as it was left. */
  orgUsed: boolean;
  /** A pasted or dropped flow list or invocable flow is on view (issue 16). */
  restView: boolean;
  onClose: () => void;
}

/** The load bar's dialogs (each loaded when first opened) and the view of a Flow REST payload. */
export function LoadDialogs({ dialog, orgUsed, restView, onClose }: LoadDialogsProps) {
  return (
    <>
      {dialog === 'set' && <OpenSetDialog onClose={onClose} />}
      {orgUsed && <OrgDialog open={dialog === 'org'} onClose={onClose} />}
      {dialog === 'url' && <UrlDialog onClose={onClose} />}
      {dialog === 'paste' && <PasteDialog onClose={onClose} />}
      {restView && <RestView />}
    </>
  );
}
