import { normalise } from '../../src/model/parse/normalise';
import { readXml } from '../../src/model/parse/xml';
import { readCorpus } from './corpus';

/**
 * The org the mock Tooling API serves, built at test time from the shared corpus (never copied into the
 * repo): two real Tooling `Flow` records as they came, two real bare `Metadata` objects wrapped into
 * records, and two corpus version pairs as flows with several versions.
 */

interface MockVersion {
  id: string;
  versionNumber: number;
  status: 'Active' | 'Draft' | 'Obsolete' | 'InvalidDraft';
  lastModified: string;
  /** The Tooling `Flow` record (`attributes.url` is set per request). */
  record: Record<string, unknown>;
}

export interface MockFlow {
  id: string;
  developerName: string;
  label: string;
  versions: MockVersion[];
}

const id = (prefix: '300' | '301', n: number) => `${prefix}${String(n).padStart(12, '0')}AAA`;

/** A corpus XML flow as Tooling JSON `Metadata` (camelCase, lists as arrays: what `parseFlow` reads from the API). */
function metadataFromXml(dir: string, file: string): Record<string, unknown> {
  const xml = readXml(readCorpus(dir, file));
  if (!xml.ok) throw new Error(`corpus ${dir}/${file}: ${xml.error.message}`);
  return normalise(xml.body, undefined) as Record<string, unknown>;
}

function record(
  defId: string,
  v: Omit<MockVersion, 'record'>,
  fullName: string,
  label: string,
  metadata: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): MockVersion {
  return {
    ...v,
    record: {
      attributes: { type: 'Flow', url: '' },
      Id: v.id,
      DefinitionId: defId,
      MasterLabel: label,
      ManageableState: 'unmanaged',
      VersionNumber: v.versionNumber,
      Status: v.status,
      Description: null,
      ProcessType: metadata.processType ?? null,
      LastModifiedDate: v.lastModified,
      Metadata: metadata,
      FullName: fullName,
      IsTemplate: false,
      RunInMode: null,
      ApiVersion: Number(metadata.apiVersion ?? 63),
      ...extra,
    },
  };
}

export function buildMockOrg(): MockFlow[] {
  let n = 0;
  const next = () => ++n;
  const flows: MockFlow[] = [];
  const add = (
    developerName: string,
    label: string,
    versions: { status: MockVersion['status']; metadata: Record<string, unknown>; date: string }[],
  ) => {
    const defId = id('300', flows.length + 1);
    flows.push({
      id: defId,
      developerName,
      label,
      versions: versions.map((v, i) =>
        record(
          defId,
          { id: id('301', next()), versionNumber: i + 1, status: v.status, lastModified: v.date },
          developerName,
          label,
          v.metadata,
        ),
      ),
    });
  };

  const pair = (name: string, side: 'a' | 'b') => metadataFromXml(`pairs/${name}`, `${side}.flow-meta.xml`);
  const profile = 'SalesforceLabs__AnimalShelterStarter__Adopter_Profile_Create_new_Adopter_Profile';
  add('Adopter_Profile_Create_new_Adopter_Profile', 'Adopter Profile: Create new Adopter Profile', [
    { status: 'Active', metadata: pair(profile, 'a'), date: '2025-03-01T10:00:00.000+0000' },
    { status: 'Draft', metadata: pair(profile, 'b'), date: '2025-04-02T11:30:00.000+0000' },
  ]);
  const adoption = 'SalesforceLabs__AnimalShelterStarter__Adoption_Start_Adoption_Process';
  add('Adoption_Start_Adoption_Process', 'Adoption: Start Adoption Process', [
    { status: 'Obsolete', metadata: pair(adoption, 'a'), date: '2024-11-05T09:00:00.000+0000' },
    { status: 'Active', metadata: pair(adoption, 'b'), date: '2025-01-20T15:45:00.000+0000' },
  ]);

  // Real Tooling records, served as they came (ids and dates replaced so the org is self-consistent).
  for (const file of [
    'mohan-chinnappan-n__cli-dx__TemperatureMonitor.json',
    'mohan-chinnappan-n__cli-dx__Notify_Dataflow_State.json',
  ]) {
    const real = (JSON.parse(readCorpus('tooling-json', file)) as Record<string, unknown>[])[0]!;
    const defId = id('300', flows.length + 1);
    const vId = id('301', next());
    const status = real.Status as MockVersion['status'];
    flows.push({
      id: defId,
      developerName: String(real.FullName),
      label: String(real.MasterLabel),
      versions: [
        {
          id: vId,
          versionNumber: 1,
          status,
          lastModified: String(real.LastModifiedDate),
          record: { ...real, Id: vId, DefinitionId: defId },
        },
      ],
    });
  }

  const bare = (file: string) => JSON.parse(readCorpus('tooling-json', file)) as Record<string, unknown>;
  add('KCC_Instant_Individual_EKYC', 'KCCInstant Individual EKYC Flow', [
    {
      status: 'Active',
      metadata: bare('shreyas-girjapure__Orphan-Node-Identifier__flowImport.json'),
      date: '2024-06-01T08:00:00.000+0000',
    },
  ]);
  add('Test_Flow_Debug', 'Test Flpw', [
    {
      status: 'Draft',
      metadata: bare('shreyas-girjapure__Orphan-Node-Identifier__debugFlowSample.json'),
      date: '2024-07-01T08:00:00.000+0000',
    },
  ]);

  // Labels that test escaping (a quote, % and _ typed as filters) and rendering as text.
  const small = metadataFromXml('flows', 'Flow-Scanner__lightning-flow-scanner__Copy_API_Name.flow-meta.xml');
  add('Bobs_Flow', "Bob's 100% Flow", [{ status: 'Active', metadata: small, date: '2025-02-02T08:00:00.000+0000' }]);
  add('Under_Score_Flow', 'Under_Score <img src=x onerror="window.__pwned=1"> Flow', [
    { status: 'Active', metadata: small, date: '2025-02-03T08:00:00.000+0000' },
  ]);
  return flows;
}

export const activeOf = (f: MockFlow) => f.versions.find((v) => v.status === 'Active');
export const latestOf = (f: MockFlow) => f.versions[f.versions.length - 1];
