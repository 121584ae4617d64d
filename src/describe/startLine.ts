import type { FlowDoc } from '../model/types';
import { processTypeName } from './flow';
import { triggerObject, triggerText } from './trigger';

/**
 * What the Start card shows under "Start": the object and the trigger, "Opportunity · A record is created
 * or updated — after save", or the flow's type when nothing triggers it ("Screen Flow"); undefined when
 * there is neither. One function for the canvas, the SVG export and `flowscope render`.
 */
export function startLine(doc: FlowDoc): string | undefined {
  return (
    [triggerObject(doc.start, doc), triggerText(doc.start, doc) ?? processTypeName(doc)].filter(Boolean).join(' · ') ||
    undefined
  );
}
