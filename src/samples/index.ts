/** Bundled sample flows, written for Flowscope (not copied from anywhere), loaded lazily as raw text. */
export interface Sample {
  id: string;
  title: string;
  fileName: string;
  load: () => Promise<string>;
}

export const SAMPLES: Sample[] = [
  {
    id: 'opportunity-review',
    title: 'Opportunity Review — record-triggered, scheduled path, loop, fault paths',
    fileName: 'Opportunity_Review.flow-meta.xml',
    load: () => import('./Opportunity_Review.flow-meta.xml?raw').then((m) => m.default),
  },
  {
    id: 'case-triage',
    title: 'Case Triage — screen flow with decisions, a loop and sections',
    fileName: 'Case_Triage.flow-meta.xml',
    load: () => import('./Case_Triage.flow-meta.xml?raw').then((m) => m.default),
  },
  {
    id: 'invoice-sync',
    title: 'Invoice Sync — fault paths to a shared handler, Go To, wait',
    fileName: 'Invoice_Sync.flow-meta.xml',
    load: () => import('./Invoice_Sync.flow-meta.xml?raw').then((m) => m.default),
  },
];
