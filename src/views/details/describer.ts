import type { FlowDoc, FlowElement, Obj } from '../../model/types';
import type { Section } from './types';

/**
 * A typed description of one element type: the fields it explains (`keys`) and how. Fields an element
 * has beyond `keys` (a newer API version, a rare option) are still shown, under "Other settings".
 */
export interface Describer {
  keys: readonly string[];
  describe(data: Obj, el: FlowElement, doc: FlowDoc): (Section | undefined)[];
}
