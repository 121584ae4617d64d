/**
 * A generator of realistic, flow-shaped metadata for tests and the benchmark: decisions with 2–4
 * outcomes that merge, nested loops, fault paths to a shared handler, Go To jumps, scheduled paths,
 * and the real-world oddity of an outcome with no connector. Deterministic for a seed. It emits
 * Metadata API XML and Tooling JSON of the same flow, plus the nodes and edges that metadata defines.
 */
interface GenConnector {
  target: string;
  goTo: boolean;
}

interface GenBranch {
  name: string;
  label: string;
  connector?: GenConnector;
}

interface GenElement {
  name: string;
  type: string;
  label: string;
  connector?: GenConnector;
  faultConnector?: GenConnector;
  defaultConnector?: GenConnector;
  nextValueConnector?: GenConnector;
  noMoreValuesConnector?: GenConnector;
  rules?: GenBranch[];
  scheduledPaths?: GenBranch[];
}

interface ExpectedEdge {
  source: string;
  target: string;
  kind: string;
  goTo: boolean;
}

export interface GeneratedFlow {
  name: string;
  start: GenElement;
  elements: GenElement[];
  xml: string;
  json: string;
  expected: { nodes: { id: string; type: string }[]; edges: ExpectedEdge[] };
}

/** Small deterministic PRNG (mulberry32); the differ's mutation generator uses it too. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SIMPLE: readonly [string, string][] = [
  ['assignments', 'Set_Fields'],
  ['recordLookups', 'Get_Account'],
  ['recordUpdates', 'Update_Case'],
  ['actionCalls', 'Send_Email'],
  ['screens', 'Review'],
  ['recordCreates', 'Create_Task'],
  ['subflows', 'Run_Subflow'],
];
const FAULTY = new Set(['recordLookups', 'recordUpdates', 'actionCalls', 'recordCreates']);

export function generateFlow(size: number, seed = 1): GeneratedFlow {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const elements: GenElement[] = [];
  const make = (type: string, word: string): GenElement => {
    const n = elements.length + 1;
    const el: GenElement = { name: `${word}_${n}`, type, label: `${word.replace(/_/g, ' ')} ${n}` };
    elements.push(el);
    return el;
  };
  const to = (target: string | undefined, goTo = false): GenConnector | undefined =>
    target === undefined ? undefined : { target, goTo };
  let handler: GenElement | undefined;
  let budget = size;

  const simple = (next: string | undefined): string => {
    budget--;
    const [type, word] = pick(SIMPLE);
    const el = make(type, word);
    el.connector = to(next);
    if (FAULTY.has(type) && rand() < 0.3) {
      // The shared fault handler: the first fault path reaches it plainly, later ones as Go To (as Builder saves it).
      const goTo = handler !== undefined;
      if (!handler && budget > 0) {
        budget--;
        handler = make('screens', 'Show_Error');
      }
      if (handler) el.faultConnector = to(handler.name, goTo);
    }
    return el.name;
  };

  /** A chain of blocks using about `room` elements that ends by connecting to `next`; returns its entry. */
  const sequence = (room: number, next: string | undefined, depth: number): string | undefined => {
    const sizes: number[] = [];
    for (let left = Math.min(room, budget); left > 0; ) {
      const b = Math.min(left, depth < 4 && rand() < 0.3 ? 5 + Math.floor(rand() * 25) : 1);
      sizes.push(b);
      left -= b;
    }
    let entry = next;
    for (let i = sizes.length - 1; i >= 0 && budget > 0; i--) entry = block(sizes[i] as number, entry, depth);
    return entry;
  };

  const block = (room: number, next: string | undefined, depth: number): string => {
    if (room <= 2 || budget < 3) return simple(next);
    budget--;
    if (rand() < 0.3) {
      const loop = make('loops', 'Loop_Items');
      loop.nextValueConnector = to(sequence(room - 1, loop.name, depth + 1) ?? loop.name);
      loop.noMoreValuesConnector = to(next);
      return loop.name;
    }
    const decision = make('decisions', 'Check');
    const outcomes = 2 + Math.floor(rand() * 3);
    const share = Math.max(1, Math.floor((room - 1) / outcomes));
    decision.rules = [];
    for (let o = 1; o <= outcomes; o++) {
      const r = rand();
      let connector: GenConnector | undefined;
      if (o < outcomes && r < 0.06 && next !== undefined && elements.length > 2) {
        // A Go To from an outcome to some later element, as Builder saves a jump.
        const jump = elements[1 + Math.floor(rand() * (elements.length - 2))] as GenElement;
        connector = jump.name === decision.name ? to(next) : to(jump.name, true);
      } else if (r < 0.25)
        connector = to(next); // an empty branch goes straight to the merge point
      else connector = to(sequence(share, next, depth + 1));
      if (o < outcomes)
        decision.rules.push({
          name: `${decision.name}_Outcome_${o}`,
          label: `Outcome ${o} of ${decision.label}`,
          ...(connector ? { connector } : {}),
        });
      else decision.defaultConnector = connector;
    }
    return decision.name;
  };

  const start: GenElement = { name: '$start', type: 'start', label: 'Start' };
  const scheduled = size >= 50 ? 1 + Math.floor(rand() * 2) : 0;
  let entry = sequence(Math.floor(budget * (scheduled > 0 ? 0.85 : 1)), undefined, 0);
  start.scheduledPaths = [];
  for (let s = 1; s <= scheduled; s++) {
    const path = sequence(Math.floor(budget / (scheduled - s + 1)), undefined, 1);
    start.scheduledPaths.push({
      name: `Path_${s}`,
      label: `${s} Hour${s > 1 ? 's' : ''} After Close`,
      ...(path ? { connector: { target: path, goTo: false } } : {}),
    });
  }
  while (budget > 0) entry = simple(entry); // rounding leftovers lengthen the main path
  start.connector = to(entry);
  return assemble(`Generated_${size}_${seed}`, start, elements);
}

const CONNECTOR_FIELDS = [
  'connector',
  'defaultConnector',
  'faultConnector',
  'nextValueConnector',
  'noMoreValuesConnector',
] as const;
const FIELD_KIND: Record<(typeof CONNECTOR_FIELDS)[number], string> = {
  connector: 'next',
  defaultConnector: 'default',
  faultConnector: 'fault',
  nextValueConnector: 'loopNext',
  noMoreValuesConnector: 'loopEnd',
};

function expectedGraph(start: GenElement, elements: GenElement[]): GeneratedFlow['expected'] {
  const edges: ExpectedEdge[] = [];
  for (const el of [start, ...elements]) {
    for (const f of CONNECTOR_FIELDS) {
      const c = el[f];
      if (c) edges.push({ source: el.name, target: c.target, kind: FIELD_KIND[f], goTo: c.goTo });
    }
    for (const r of el.rules ?? [])
      if (r.connector)
        edges.push({ source: el.name, target: r.connector.target, kind: 'outcome', goTo: r.connector.goTo });
    for (const p of el.scheduledPaths ?? [])
      if (p.connector)
        edges.push({ source: el.name, target: p.connector.target, kind: 'scheduledPath', goTo: p.connector.goTo });
  }
  return { nodes: [{ id: '$start', type: 'start' }, ...elements.map((e) => ({ id: e.name, type: e.type }))], edges };
}

function xmlConnector(tag: string, c: GenConnector | undefined, indent: string): string {
  if (!c) return '';
  return `${indent}<${tag}>\n${c.goTo ? `${indent}    <isGoTo>true</isGoTo>\n` : ''}${indent}    <targetReference>${c.target}</targetReference>\n${indent}</${tag}>\n`;
}

function xmlElement(el: GenElement, i: number): string {
  const pad = '        ';
  let body = `${pad}<name>${el.name}</name>\n${pad}<label>${el.label}</label>\n${pad}<locationX>${176 + (i % 7) * 264}</locationX>\n${pad}<locationY>${134 + i * 96}</locationY>\n`;
  for (const f of CONNECTOR_FIELDS) body += xmlConnector(f, el[f], pad);
  if (el.type === 'decisions') body += `${pad}<defaultConnectorLabel>Default Outcome</defaultConnectorLabel>\n`;
  for (const r of el.rules ?? []) {
    body += `${pad}<rules>\n${pad}    <name>${r.name}</name>\n${pad}    <conditionLogic>and</conditionLogic>\n${pad}    <conditions>\n${pad}        <leftValueReference>Amount</leftValueReference>\n${pad}        <operator>GreaterThan</operator>\n${pad}        <rightValue>\n${pad}            <numberValue>1000000.0</numberValue>\n${pad}        </rightValue>\n${pad}    </conditions>\n`;
    body += xmlConnector('connector', r.connector, `${pad}    `);
    body += `${pad}    <label>${r.label}</label>\n${pad}</rules>\n`;
  }
  if (el.type === 'loops')
    body += `${pad}<collectionReference>Items</collectionReference>\n${pad}<iterationOrder>Asc</iterationOrder>\n`;
  return `    <${el.type}>\n${body}    </${el.type}>\n`;
}

function toXml(start: GenElement, elements: GenElement[]): string {
  // Salesforce writes each array as one contiguous run, arrays in alphabetical order.
  const types = [...new Set(elements.map((e) => e.type))].sort();
  let out =
    '<?xml version="1.0" encoding="UTF-8"?>\n<Flow xmlns="http://soap.sforce.com/2006/04/metadata">\n    <apiVersion>62.0</apiVersion>\n';
  for (const t of types)
    elements.forEach((e, i) => {
      if (e.type === t) out += xmlElement(e, i);
    });
  // An Auto-Layout flow, as Builder saves most flows today: its locations are informative only.
  out +=
    '    <label>Generated flow</label>\n    <processMetadataValues>\n        <name>CanvasMode</name>\n' +
    '        <value>\n            <stringValue>AUTO_LAYOUT_CANVAS</stringValue>\n        </value>\n' +
    '    </processMetadataValues>\n    <processType>AutoLaunchedFlow</processType>\n';
  out += `    <start>\n        <locationX>50</locationX>\n        <locationY>0</locationY>\n${xmlConnector('connector', start.connector, '        ')}        <object>Opportunity</object>\n        <recordTriggerType>CreateAndUpdate</recordTriggerType>\n`;
  for (const p of start.scheduledPaths ?? []) {
    out += `        <scheduledPaths>\n            <name>${p.name}</name>\n${xmlConnector('connector', p.connector, '            ')}            <label>${p.label}</label>\n            <offsetNumber>1</offsetNumber>\n            <offsetUnit>Hours</offsetUnit>\n            <timeSource>RecordTriggerEvent</timeSource>\n        </scheduledPaths>\n`;
  }
  out +=
    '        <triggerType>RecordAfterSave</triggerType>\n    </start>\n    <status>Active</status>\n    <variables>\n        <name>Amount</name>\n        <dataType>Number</dataType>\n        <isCollection>false</isCollection>\n        <isInput>true</isInput>\n        <isOutput>false</isOutput>\n        <scale>2</scale>\n    </variables>\n</Flow>\n';
  return out;
}

/** Tooling JSON as the API writes it: every connector slot present (null when unset), empty arrays, JSON numbers. */
function toJson(name: string, start: GenElement, elements: GenElement[]): string {
  const conn = (c: GenConnector | undefined) =>
    c ? { isGoTo: c.goTo ? true : null, processMetadataValues: [], targetReference: c.target } : null;
  const md: Record<string, unknown> = {
    actionCalls: [],
    apexPluginCalls: [],
    apiVersion: 62,
    assignments: [],
    decisions: [],
    description: null,
    label: 'Generated flow',
    loops: [],
    processMetadataValues: [{ name: 'CanvasMode', value: { stringValue: 'AUTO_LAYOUT_CANVAS' } }],
    processType: 'AutoLaunchedFlow',
    recordCreates: [],
    recordLookups: [],
    recordUpdates: [],
    screens: [],
    status: 'Active',
    subflows: [],
    waits: [],
  };
  elements.forEach((e, i) => {
    const item: Record<string, unknown> = {
      name: e.name,
      label: e.label,
      locationX: 176 + (i % 7) * 264,
      locationY: 134 + i * 96,
      description: null,
      processMetadataValues: [],
    };
    for (const f of CONNECTOR_FIELDS) if (e.type !== 'decisions' || f !== 'nextValueConnector') item[f] = conn(e[f]);
    if (e.type === 'decisions') {
      item.defaultConnectorLabel = 'Default Outcome';
      item.rules = (e.rules ?? []).map((r) => ({
        name: r.name,
        label: r.label,
        conditionLogic: 'and',
        connector: conn(r.connector),
        conditions: [
          {
            leftValueReference: 'Amount',
            operator: 'GreaterThan',
            rightValue: { booleanValue: null, numberValue: 1000000, stringValue: null, elementReference: null },
          },
        ],
      }));
    }
    if (e.type === 'loops') Object.assign(item, { collectionReference: 'Items', iterationOrder: 'Asc' });
    (md[e.type] as unknown[]).push(item);
  });
  md.start = {
    locationX: 50,
    locationY: 0,
    connector: conn(start.connector),
    object: 'Opportunity',
    recordTriggerType: 'CreateAndUpdate',
    triggerType: 'RecordAfterSave',
    filters: [],
    scheduledPaths: (start.scheduledPaths ?? []).map((p) => ({
      name: p.name,
      label: p.label,
      connector: conn(p.connector),
      offsetNumber: 1,
      offsetUnit: 'Hours',
      timeSource: 'RecordTriggerEvent',
    })),
  };
  md.variables = [
    { name: 'Amount', dataType: 'Number', isCollection: false, isInput: true, isOutput: false, scale: 2, value: null },
  ];
  return JSON.stringify(
    {
      attributes: { type: 'Flow' },
      Id: '301000000000001AAA',
      FullName: name,
      VersionNumber: 3,
      Status: 'Active',
      Metadata: md,
    },
    null,
    1,
  );
}

function assemble(name: string, start: GenElement, elements: GenElement[]): GeneratedFlow {
  return {
    name,
    start,
    elements,
    xml: toXml(start, elements),
    json: toJson(name, start, elements),
    expected: expectedGraph(start, elements),
  };
}

const step = (n: number): GenElement => ({ name: `Step_${n}`, type: 'assignments', label: `Step ${n}` });

/**
 * Hostile: `count` Decisions, each one's default path the next Decision and its outcome the shared
 * last step, so every Decision merges there and the branches nest `count` levels deep.
 */
export function generateDecisionChain(count: number): GeneratedFlow {
  const done = step(1);
  const elements: GenElement[] = [];
  for (let k = 1; k <= count; k++) {
    const name = `Check_${k}`;
    const next = k < count ? `Check_${k + 1}` : done.name;
    elements.push({
      name,
      type: 'decisions',
      label: `Check ${k}`,
      rules: [{ name: `${name}_Yes`, label: `Yes ${k}`, connector: { target: done.name, goTo: false } }],
      defaultConnector: { target: next, goTo: false },
    });
  }
  elements.push(done);
  const start: GenElement = {
    name: '$start',
    type: 'start',
    label: 'Start',
    connector: { target: 'Check_1', goTo: false },
  };
  return assemble(`Decision_Chain_${count}`, start, elements);
}

/** Hostile: `count` plain steps one after the other. */
export function generateStepChain(count: number): GeneratedFlow {
  const elements = Array.from({ length: count }, (_, k) => step(k + 1));
  elements.forEach((el, k) => {
    const next = elements[k + 1];
    if (next) el.connector = { target: next.name, goTo: false };
  });
  const start: GenElement = {
    name: '$start',
    type: 'start',
    label: 'Start',
    connector: { target: 'Step_1', goTo: false },
  };
  return assemble(`Step_Chain_${count}`, start, elements);
}

/**
 * Hostile: one Decision with `connectors` outcomes all leading to the same step (parallel connectors:
 * same source, target and kind) and a chain of steps: `elements` elements in all (Start aside). `back`:
 * the Decision ends the chain and its outcomes all lead back to the first step (cycles: a free-form flow).
 */
export function generateFanOut(connectors: number, elements = 20, back = false): GeneratedFlow {
  const steps = Array.from({ length: Math.max(1, elements - 1) }, (_, k) => step(k + 1));
  steps.forEach((el, k) => {
    const next = steps[k + 1];
    if (next) el.connector = { target: next.name, goTo: false };
  });
  const rules: GenBranch[] = Array.from({ length: connectors }, (_, k) => ({
    name: `Fan_Rule_${k + 1}`,
    label: `Rule ${k + 1}`,
    connector: { target: 'Step_1', goTo: false },
  }));
  const fan: GenElement = { name: 'Fan', type: 'decisions', label: 'Fan', rules };
  if (back) (steps[steps.length - 1] as GenElement).connector = { target: 'Fan', goTo: false };
  const first = back ? 'Step_1' : 'Fan';
  const start: GenElement = {
    name: '$start',
    type: 'start',
    label: 'Start',
    connector: { target: first, goTo: false },
  };
  return assemble(`Fan_Out_${connectors}${back ? '_Back' : ''}`, start, [fan, ...steps]);
}

/** A generated flow's XML as a free-form flow (no `CanvasMode`): its locations become saved positions. */
export const freeFormXml = (xml: string): string =>
  xml.replace(/ *<processMetadataValues>\s*<name>CanvasMode<\/name>[\s\S]*?<\/processMetadataValues>\n?/, '');
