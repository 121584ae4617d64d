import type { AppState, GetState, SetState, StoreDeps } from './types';

export type SetActions = Pick<
  AppState,
  'openSet' | 'cancelSet' | 'closeSet' | 'showSetList' | 'searchSet' | 'openSetFlow' | 'setBreadcrumb'
>;

/** Placeholder until the set actions land (issue 13). */
export function setActions(_set: SetState, _get: GetState, _deps: StoreDeps): SetActions {
  const no = () => Promise.reject(new Error('Flow sets are not built yet.'));
  return {
    openSet: no,
    cancelSet: () => undefined,
    closeSet: () => undefined,
    showSetList: () => undefined,
    searchSet: no,
    openSetFlow: no,
    setBreadcrumb: no,
  };
}
