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

/** A before/after pair of the same flow, for trying a comparison from the Compare dialog. */
export const SAMPLE_PAIR = {
  title: 'Opportunity Review: version 1 → version 2',
  before: {
    fileName: 'Opportunity_Review.flow-meta.xml',
    load: () => import('./Opportunity_Review.flow-meta.xml?raw').then((m) => m.default as string),
  },
  after: {
    fileName: 'Opportunity_Review.v2.flow-meta.xml',
    load: () => import('./Opportunity_Review.v2.flow-meta.xml?raw').then((m) => m.default as string),
  },
};
