/**
 * A flow's interface in Builder's words (issue 15): its inputs and outputs as rows, and a variable's type as
 * Builder's resource dialog says it. The Flow tab is on the first screen: the variables are read here as
 * `model/interfaceChanges.ts` `interfaceOf` reads them (that module, with the set's code in it, stays lazy).
 */
import type { Row } from '../../describe/types';
import { str, type FlowDoc, type Obj } from '../../model/types';

/** Builder's names for the data types that differ from the metadata's (the rest are the same word). */
const TYPE_WORDS = new Map([
  ['String', 'Text'],
  ['SObject', 'Record'],
  ['DateTime', 'Date/Time'],
  ['Multipicklist', 'Multi-Select Picklist'],
  ['Apex', 'Apex-Defined'],
]);

/** A variable's type: "Text", "Record collection (Account)", "Number". */
export function typeWords(d: Obj): string {
  const type = str(d.dataType);
  const of = str(d.objectType);
  return `${(type && TYPE_WORDS.get(type)) ?? type ?? 'Unknown type'}${d.isCollection === 'true' ? ' collection' : ''}${of ? ` (${of})` : ''}`;
}

/** "Inputs" and "Outputs", each with a row per variable (name → type); "Interface: none" without either. */
export function interfaceRows(doc: FlowDoc): Row[] {
  const inputs: Row[] = [];
  const outputs: Row[] = [];
  for (const r of doc.resources) {
    const d = r.data;
    if (r.type !== 'variables') continue;
    const v = { label: str(d.name) ?? r.name, value: typeWords(d) };
    if (d.isInput === 'true') inputs.push(v);
    if (d.isOutput === 'true') outputs.push(v);
  }
  const rows = [
    { label: 'Inputs', value: '', children: inputs },
    { label: 'Outputs', value: '', children: outputs },
  ].filter((r) => r.children.length > 0);
  return rows.length > 0 ? rows : [{ label: 'Interface', value: 'none' }];
}
