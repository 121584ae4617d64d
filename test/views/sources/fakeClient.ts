import { SourceError } from '../../../src/sources/redact';
import type { FlowSummary, FlowVersion, OrgClient } from '../../../src/sources/toolingTypes';

export interface FakeOrg {
  flows: FlowSummary[];
  versions: Record<string, FlowVersion[]>;
}

/** An OrgClient over in-memory data, two flows a page, recording every call. */
export function fakeClient(org: FakeOrg) {
  const calls: string[] = [];
  let connected = true;
  const check = () => {
    if (!connected) throw new SourceError('disconnected', 'Disconnected from the org.', 'Connect again.', []);
  };
  const client: OrgClient & { calls: string[] } = {
    instanceUrl: 'https://acme.my.salesforce.com',
    apiVersion: '63.0',
    calls,
    async listFlows(filter, next) {
      calls.push(`listFlows:${filter}:${next ?? ''}`);
      check();
      const all = org.flows.filter((f) =>
        `${f.label} ${f.developerName}`.toLowerCase().includes(filter.trim().toLowerCase()),
      );
      const start = next ? Number(next) : 0;
      const more = start + 2 < all.length;
      return {
        flows: all.slice(start, start + 2),
        totalSize: all.length,
        ...(more ? { next: String(start + 2) } : {}),
      };
    },
    async listVersions(id) {
      calls.push(`listVersions:${id}`);
      check();
      return org.versions[id] ?? [];
    },
    async getVersion(id) {
      calls.push(`getVersion:${id}`);
      check();
      return `{"Id":"${id}","FullName":"X","Metadata":{"label":"X"}}`;
    },
    async getVersions(ids) {
      calls.push(`getVersions:${ids.join(',')}`);
      check();
      return ids.map((id) => ({ id, text: `{"Id":"${id}","FullName":"X","Metadata":{"label":"X"}}` }));
    },
    async queryInterviews(version) {
      calls.push(`queryInterviews:${version.id}`);
      check();
      return { interviews: [], total: 0, capped: false };
    },
    async listInvocableFlows() {
      calls.push('listInvocableFlows');
      check();
      return [];
    },
    async getInvocableFlow(name) {
      calls.push(`getInvocableFlow:${name}`);
      check();
      return { name, inputs: [], outputs: [] };
    },
    disconnect() {
      calls.push('disconnect');
      connected = false;
    },
  };
  return client;
}

const v = (id: string, versionNumber: number, status: string): FlowVersion => ({
  id,
  versionNumber,
  status,
  lastModified: `2025-0${versionNumber}-01T10:00:00.000+0000`,
});

export const ORG: FakeOrg = {
  flows: [
    {
      id: '300000000000001AAA',
      developerName: 'Adopter_Profile',
      label: 'Adopter Profile',
      activeVersionId: '301000000000001AAA',
      latestVersionId: '301000000000003AAA',
    },
    {
      id: '300000000000002AAA',
      developerName: 'Adoption_Start',
      label: 'Adoption: Start',
      activeVersionId: '301000000000005AAA',
      latestVersionId: '301000000000005AAA',
    },
    {
      id: '300000000000003AAA',
      developerName: 'Tricky',
      label: '<img src=x onerror="window.__pwned=1"> Tricky & <b>bold</b>',
      latestVersionId: '301000000000006AAA',
    },
  ],
  versions: {
    '300000000000001AAA': [
      v('301000000000003AAA', 3, 'Draft'),
      v('301000000000002AAA', 2, 'Obsolete'),
      v('301000000000001AAA', 1, 'Active'),
    ],
    '300000000000002AAA': [v('301000000000005AAA', 2, 'Active'), v('301000000000004AAA', 1, 'Obsolete')],
    '300000000000003AAA': [v('301000000000006AAA', 1, 'InvalidDraft')],
  },
};
