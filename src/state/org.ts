import { lazyCode } from './lazyCode';
import type { OrgActions } from './orgActions';
import type { AppState, FlowSummary, FlowVersion, GetState, SetState, StoreDeps } from './types';

type OrgSlice = Pick<AppState, 'org'> & OrgActions;

/** How a version is named on screen and in messages: "My_Flow v3". */
export const orgVersionName = (flow: FlowSummary, v: FlowVersion) => `${flow.developerName} v${v.versionNumber}`;

/**
 * A Salesforce org: connect, browse, open and compare versions. The actions' code (orgActions.ts) loads when
 * the org is first used; they are made once per store, and the client, with the token in its closure, lives
 * in them until Disconnect, never in state. The token is stored only when the user asks to remember it.
 */
export function orgSlice(set: SetState, get: GetState, deps: StoreDeps): OrgSlice {
  const { real, now, call } = lazyCode(() => import('./orgActions').then((m) => m.orgActions(set, get, deps)));
  return {
    org: { status: 'idle' },
    prepareOrg: call('prepareOrg'),
    // Nothing is remembered before the org dialog prepared the session (prepareOrg loads the actions).
    rememberedOrgToken: () => now()?.rememberedOrgToken(),
    connectOrg: call('connectOrg'),
    disconnectOrg: () => {
      const actions = now();
      if (actions) actions.disconnectOrg();
      // Not used yet in this page: nothing is connected, but a token remembered for the tab is forgotten.
      else
        void real().then(
          (a) => a.disconnectOrg(),
          () => undefined,
        );
    },
    listOrgFlows: call('listOrgFlows'),
    listOrgVersions: call('listOrgVersions'),
    openOrgVersion: call('openOrgVersion'),
    compareOrgVersions: call('compareOrgVersions'),
    orgSetFiles: call('orgSetFiles'),
    readOrgInterviews: call('readOrgInterviews'),
  };
}
