import { preloadable } from '../preloadable';

/** The Checks tab (issue 15): its code loads when the tab is first opened. */
export const ChecksPanelPart = preloadable(() => import('./ChecksPanel').then((m) => m.ChecksPanel));
