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
  let actions: OrgActions | undefined;
  let loading: Promise<OrgActions> | undefined;
  const real = () => {
    loading ??= import('./orgActions').then(
      (m) => {
        actions = m.orgActions(set, get, deps);
        return actions;
      },
      (e: unknown) => {
        loading = undefined; // a failed load is tried again by the next action
        throw e;
      },
    );
    return loading;
  };
  return {
    org: { status: 'idle' },
    prepareOrg: async () => (await real()).prepareOrg(),
    // Nothing is remembered before the org dialog prepared the session (prepareOrg loads the actions).
    rememberedOrgToken: () => actions?.rememberedOrgToken(),
    connectOrg: async (credentials, remember) => (await real()).connectOrg(credentials, remember),
    disconnectOrg: () => {
      if (actions) actions.disconnectOrg();
      // Not used yet in this page: nothing is connected, but a token remembered for the tab is forgotten.
      else
        void real().then(
          (a) => a.disconnectOrg(),
          () => undefined,
        );
    },
    listOrgFlows: async (filter, next, signal) => (await real()).listOrgFlows(filter, next, signal),
    listOrgVersions: async (flowId) => (await real()).listOrgVersions(flowId),
    openOrgVersion: async (flow, version) => (await real()).openOrgVersion(flow, version),
    compareOrgVersions: async (flow, a, b) => (await real()).compareOrgVersions(flow, a, b),
    orgSetFiles: async (which, onProgress, signal) => (await real()).orgSetFiles(which, onProgress, signal),
    readOrgInterviews: async (options) => (await real()).readOrgInterviews(options),
  };
}
