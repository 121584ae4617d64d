/**
 * `unused-resource`: a variable, constant, formula, text template, choice or record choice set that nothing
 * refers to: no element, the start, no other resource and no flow property names it, neither as a reference
 * value (`Name`, `Name.Field`) nor as a merge field (`{!Name}`, `{!Name.Field}`) in text. Variables available
 * for input or output are the flow's interface: callers use them, so they are never unused. Names match
 * without regard to case, as Flow Builder resolves them.
 */
import type { Obj, Value } from '../model/types';
import type { RuleCheck } from './scan';
import { type Draft, RESOURCE, resourceNamed } from './words';

const CHECKED = new Set(['variables', 'constants', 'formulas', 'textTemplates', 'choices', 'dynamicChoiceSets']);

/** Fields whose text is never a reference to a resource: names, words for people, coordinates, API names. */
const NEVER = new Set([
  'name',
  'label',
  'description',
  'locationX',
  'locationY',
  'field',
  'object',
  'objectType',
  'dataType',
  'operator',
  'actionName',
  'actionType',
  'flowName',
  'processType',
  'targetReference',
  // Literal values: text that happens to spell a name is not a reference to it (merge fields in it are).
  'stringValue',
  'numberValue',
  'booleanValue',
  'dateValue',
  'dateTimeValue',
]);

/** `{!Name}`, `{!Name.Field}`, `{! Name }`: the first segment. */
const MERGE = /\{!\s*([^\s.}{]+)/g;

/** Adds every name the value refers to, lower-cased, to `into`. */
function collect(v: Value, field: string, into: Set<string>): void {
  if (typeof v === 'string') {
    if (field === 'description') return;
    if (v.includes('{!')) for (const m of v.matchAll(MERGE)) into.add((m[1] as string).toLowerCase());
    if (!NEVER.has(field)) {
      const head = v.trim().split('.', 1)[0] as string;
      if (head && head.length <= 80) into.add(head.toLowerCase());
    }
    return;
  }
  if (Array.isArray(v)) {
    for (const item of v) collect(item, field, into);
    return;
  }
  for (const [k, child] of Object.entries(v)) collect(child, k, into);
}

const isInterface = (data: Obj) => data.isInput === 'true' || data.isOutput === 'true';

export const unusedResource: RuleCheck = (scan) => {
  const { doc } = scan;
  const used = new Set<string>();
  const all: Obj[] = [...doc.elements.map((e) => e.data), doc.properties];
  if (doc.start) all.push(doc.start);
  for (const data of all) collect(data, '', used);
  if (doc.startElementReference) used.add(doc.startElementReference.toLowerCase());
  // A resource's own data does not use it; another resource's does. Count each resource's references apart.
  const byResource = doc.resources.map((r) => {
    const refs = new Set<string>();
    collect(r.data, '', refs);
    return refs;
  });
  const drafts: Draft[] = [];
  doc.resources.forEach((r, i) => {
    if (!CHECKED.has(r.type) || (r.type === 'variables' && isInterface(r.data))) return;
    const key = r.name.toLowerCase();
    if (used.has(key)) return;
    if (byResource.some((refs, j) => j !== i && refs.has(key) && doc.resources[j]?.name.toLowerCase() !== key)) return;
    drafts.push({
      rule: 'unused-resource',
      element: r.name,
      message: `The ${resourceNamed(r)} is not used anywhere in the flow.`,
      order: [RESOURCE, i],
    });
  });
  return drafts;
};
