import { type FlowListItem, versionToOpen } from '../../model/runtime';
import type { AppState } from '../../state/store';

/**
 * A listed flow's version from the connected org, through the org actions: the flow found by its API name,
 * then the version the item names (its id, else its number), else the active one, else the latest. Rejects in words when there is none.
 */
export async function openListedFlow(app: () => AppState, item: FlowListItem): Promise<void> {
  const page = await app().listOrgFlows(item.apiName);
  const flow = page.flows.find((f) => f.developerName === item.apiName);
  const fail = (message: string) => Promise.reject(Object.assign(new Error(message), { hint: '' }));
  if (!flow) return fail(`The connected org has no flow named ${item.apiName}.`);
  const versions = await app().listOrgVersions(flow.id);
  const wanted = versionToOpen(item);
  const version =
    versions.find((v) => v.id === wanted) ??
    versions.find((v) => String(v.versionNumber) === item.versionNumber) ??
    versions.find((v) => v.id === flow.activeVersionId) ??
    versions.find((v) => v.id === flow.latestVersionId) ??
    versions[0];
  if (!version) return fail(`${item.apiName} has no version in the connected org.`);
  await app().openOrgVersion(flow, version);
}
