/**
 * Flow sets for tests and the bench (issue 13): the corpus as a project's `flows/` folder, generated sets of
 * any size with subflow calls between their flows (some to flows not in the set), record triggers on a few
 * objects with trigger orders, and input/output variables; and a folder of flow and other files on disk.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { generateFlow, rng } from './generate';

export interface SetFile {
  path: string;
  text: string;
}

export const CORPUS_FLOWS = resolve(import.meta.dirname, '../../../shared/corpus/flows');
export const FLOWS_DIR = 'force-app/main/default/flows';

/** Every corpus flow under `force-app/main/default/flows/<ApiName>.flow-meta.xml`; a repeated API name kept once. */
export function corpusSet(): { files: SetFile[]; duplicates: string[] } {
  const files: SetFile[] = [];
  const duplicates: string[] = [];
  const seen = new Set<string>();
  for (const file of readdirSync(CORPUS_FLOWS).sort()) {
    if (!/\.(flow-meta\.xml|flow)$/.test(file)) continue;
    const name = file
      .split('__')
      .slice(2)
      .join('__')
      .replace(/\.(flow-meta\.xml|flow)$/, '');
    if (seen.has(name)) {
      duplicates.push(file);
      continue;
    }
    seen.add(name);
    files.push({ path: `${FLOWS_DIR}/${name}.flow-meta.xml`, text: readFileSync(join(CORPUS_FLOWS, file), 'utf8') });
  }
  return { files, duplicates };
}

export interface GeneratedSetFlow extends SetFile {
  name: string;
  /** The flows its Subflow elements call, in element order (a `Missing_…` one is not in the set). */
  calls: string[];
  trigger?: { object: string; type: string; order?: number };
}

export const SET_OBJECTS = ['Account', 'Case', 'Opportunity', 'Lead'] as const;
const PHASES = ['RecordBeforeSave', 'RecordAfterSave', 'RecordBeforeDelete'] as const;

const flowName = (i: number) => `Set_Flow_${String(i).padStart(4, '0')}`;

const variable = (name: string, type: string, input: boolean, output: boolean) =>
  `    <variables>\n        <name>${name}</name>\n        <dataType>${type}</dataType>\n` +
  `        <isCollection>false</isCollection>\n        <isInput>${input}</isInput>\n` +
  `        <isOutput>${output}</isOutput>\n    </variables>\n`;

/** `n` generated flows (5–60 elements each), deterministic for a seed. */
export function generatedSet(n: number, seed = 1): GeneratedSetFlow[] {
  const rand = rng(seed);
  const out: GeneratedSetFlow[] = [];
  for (let i = 0; i < n; i++) {
    const name = flowName(i);
    const gen = generateFlow(5 + Math.floor(rand() * 56), seed * 100_003 + i);
    let xml = gen.xml.replace('<label>Generated flow</label>', `<label>Set flow ${i}</label>`);
    const calls: string[] = [];
    xml = xml.replace(/( {4}<subflows>\n {8}<name>)([^<]+)(<\/name>\n)/g, (_m, open: string, el: string, close) => {
      const missing = rand() < 0.15;
      const callee = missing ? `Missing_Flow_${Math.floor(rand() * 5)}` : flowName(Math.floor(rand() * n));
      calls.push(callee);
      const pass = (to: string, value: string) =>
        `        <inputAssignments>\n            <name>${to}</name>\n            <value>\n` +
        `                <elementReference>${value}</elementReference>\n            </value>\n` +
        '        </inputAssignments>\n';
      const extra = rand() < 0.3 ? pass('Undeclared_Input', 'Amount') : '';
      const store = rand() < 0.3;
      return (
        `${open}${el}${close}        <flowName>${callee}</flowName>\n${pass(rand() < 0.2 ? 'RECORDID' : 'recordId', 'Amount')}${extra}` +
        (store
          ? '        <storeOutputAutomatically>true</storeOutputAutomatically>\n'
          : '        <outputAssignments>\n            <assignToReference>Result_Text</assignToReference>\n' +
            '            <name>Result_Text</name>\n        </outputAssignments>\n')
      );
    });
    // Get Records on Opportunity, filtered on its stage: what "Opportunity.StageName" finds.
    xml = xml.replace(
      /( {4}<recordLookups>\n {8}<name>[^<]+<\/name>\n)/g,
      '$1        <object>Opportunity</object>\n        <filters>\n            <field>StageName</field>\n' +
        '            <operator>EqualTo</operator>\n            <value>\n' +
        '                <stringValue>Closed Won</stringValue>\n            </value>\n        </filters>\n',
    );
    const r = rand();
    let trigger: GeneratedSetFlow['trigger'];
    if (r < 0.45) {
      const object = SET_OBJECTS[Math.floor(rand() * SET_OBJECTS.length)] as string;
      const type = PHASES[Math.floor(rand() * PHASES.length)] as string;
      const order = rand() < 0.6 ? 1 + Math.floor(rand() * 2000) : undefined;
      trigger = { object, type, ...(order !== undefined ? { order } : {}) };
      xml = xml
        .replace(
          '<object>Opportunity</object>\n        <recordTriggerType>',
          `<object>${object}</object>\n        <recordTriggerType>`,
        )
        .replace('<triggerType>RecordAfterSave</triggerType>', `<triggerType>${type}</triggerType>`);
      if (type === 'RecordBeforeDelete')
        xml = xml.replace('CreateAndUpdate</recordTriggerType>', 'Delete</recordTriggerType>');
      if (order !== undefined)
        xml = xml.replace('    <status>', `    <triggerOrder>${order}</triggerOrder>\n    <status>`);
    } else {
      // Not triggered: a subflow others call.
      xml = xml
        .replace(/ {8}<object>Opportunity<\/object>\n {8}<recordTriggerType>CreateAndUpdate<\/recordTriggerType>\n/, '')
        .replace(/ {8}<triggerType>RecordAfterSave<\/triggerType>\n/, '')
        .replace(/ {8}<scheduledPaths>[\s\S]*?<\/scheduledPaths>\n/g, '');
    }
    xml = xml.replace(
      '</Flow>\n',
      `${variable('recordId', 'String', true, false)}${variable('Result_Text', 'String', false, true)}</Flow>\n`,
    );
    out.push({ path: `${FLOWS_DIR}/${name}.flow-meta.xml`, text: xml, name, calls, ...(trigger ? { trigger } : {}) });
  }
  return out;
}

/** A temp folder of `n` generated flow files beside files that are not flows; `cleanup()` removes it. */
export function mixedFolder(n: number, seed = 1): { dir: string; flows: number; others: number; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'flowscope-set-'));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  for (const f of generatedSet(n, seed)) write(f.path, f.text);
  const others: [string, string][] = [
    ['README.md', '# A project\n'],
    ['force-app/main/default/classes/Helper.cls', 'public class Helper {}\n'],
    ['force-app/main/default/objects/Invoice__c/Invoice__c.object-meta.xml', '<CustomObject/>\n'],
    ['sfdx-project.json', '{"packageDirectories":[{"path":"force-app"}]}\n'],
  ];
  for (const [path, text] of others) write(path, text);
  return { dir, flows: n, others: others.length, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
