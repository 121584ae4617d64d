import { describe, expect, it } from 'vitest';
import { flowPropertyName } from '../../../src/describe/properties';
import { changeList } from '../../../src/model/diff/changes';
import { diffFlows } from '../../../src/model/diff/index';
import { parseFlow } from '../../../src/model/parse/index';

const flow = (mode: string, label: string, extra = '') => {
  const r = parseFlow(
    `<?xml version="1.0"?><Flow xmlns="http://soap.sforce.com/2006/04/metadata"><apiVersion>62.0</apiVersion>` +
      `<interviewLabel>${label}</interviewLabel><label>F</label>` +
      `<processMetadataValues><name>CanvasMode</name><value><stringValue>${mode}</stringValue></value></processMetadataValues>` +
      `<processType>AutoLaunchedFlow</processType>${extra}<status>Active</status></Flow>`,
    { fileName: 'F.flow-meta.xml' },
  );
  if (!r.ok) throw new Error(r.error.message);
  return r.doc;
};

describe('the change list names flow properties as a reader would', () => {
  it('a nested property change is titled by its property, never by its metadata path', () => {
    const d = diffFlows(
      flow('FREE_FORM_CANVAS', 'F {!$Flow.CurrentDateTime}', '<customPropertyThing>a</customPropertyThing>'),
      flow('AUTO_LAYOUT_CANVAS', 'F2 {!$Flow.CurrentDateTime}', '<customPropertyThing>b</customPropertyThing>'),
    );
    const titles = changeList(d, undefined, { propertyName: flowPropertyName }).map((c) => c.title);
    expect(titles.length).toBeGreaterThanOrEqual(2);
    for (const t of titles) expect(t).not.toMatch(/[[\].]/);
    expect(titles).toContain('Interview label');
    expect(titles).toContain('Custom property thing');
  });
});
