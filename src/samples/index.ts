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
    title: 'Opportunity review (record-triggered, scheduled path, loop, fault paths, Go To)',
    fileName: 'Opportunity_Review.flow-meta.xml',
    load: () => import('./Opportunity_Review.flow-meta.xml?raw').then((m) => m.default),
  },
];
