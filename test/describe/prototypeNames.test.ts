import { describe, expect, it } from 'vitest';
import { describeElement } from '../../src/describe/element';
import { processTypeName } from '../../src/describe/flow';
import { describeResource } from '../../src/describe/resources';
import { describeStart } from '../../src/describe/start';
import { startLine } from '../../src/describe/startLine';
import type { Section } from '../../src/describe/types';
import { formatReference, formatValue, humanise, words } from '../../src/describe/values';
import { element, flow } from './helpers';

/** Every string the sections hold; a value that is not a string (a function from Object.prototype) fails. */
function texts(sections: Section[]): string[] {
  const out: string[] = [];
  const walk = (rows: Section['rows']) => {
    for (const r of rows) {
      expect(typeof r.value, r.label).toBe('string');
      out.push(r.label, r.value);
      if (r.children) walk(r.children);
    }
  };
  for (const s of sections) {
    out.push(s.title);
    walk(s.rows);
  }
  return out;
}

const NAMES = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__'];

describe('flow-supplied names that are Object.prototype members read as plain names', () => {
  it.each(NAMES)('%s as a table key', (name) => {
    expect(words({ Create: 'A record is created' }, name)).toBe(humanise(name));
    expect(formatReference(name)).toBe(`{!${name}}`);
    expect(formatValue({ elementReference: name })).toBe(`{!${name}}`);
  });

  it.each(NAMES.filter((n) => n !== '__proto__'))('%s as an element type, trigger, operator and component', (name) => {
    const doc = flow(`
    <processType>${name}</processType>
    <start>
        <locationX>0</locationX><locationY>0</locationY>
        <connector><targetReference>A</targetReference></connector>
        <object>Account</object><recordTriggerType>${name}</recordTriggerType><triggerType>${name}</triggerType>
    </start>
    <${name}>
        <name>A</name><label>A</label><locationX>0</locationX><locationY>0</locationY>
        <connector><targetReference>B</targetReference></connector>
    </${name}>
    <decisions>
        <name>B</name><label>B</label><locationX>0</locationX><locationY>0</locationY>
        <rules>
            <name>R</name><label>R</label><conditionLogic>and</conditionLogic>
            <conditions>
                <leftValueReference>${name}</leftValueReference><operator>${name}</operator>
                <rightValue><elementReference>${name}</elementReference></rightValue>
            </conditions>
        </rules>
    </decisions>
    <screens>
        <name>S</name><label>S</label><locationX>0</locationX><locationY>0</locationY>
        <fields>
            <name>F</name><fieldType>ComponentInstance</fieldType><extensionName>${name}</extensionName>
        </fields>
        <fields><name>G</name><fieldType>${name}</fieldType></fields>
    </screens>
    <variables><name>${name}</name><dataType>${name}</dataType></variables>`);
    expect(doc.elements.map((e) => e.type).sort()).toEqual([name, 'decisions', 'screens'].sort());
    for (const el of doc.elements) expect(() => texts(describeElement(el, doc))).not.toThrow();
    expect(texts(describeElement(element(doc, 'A'), doc)).join('\n')).not.toContain('native code');
    expect(texts(describeElement(element(doc, 'B'), doc)).join('\n')).toContain(`{!${name}}`);
    expect(texts(describeElement(element(doc, 'S'), doc)).join('\n')).toContain(`Component: ${name}`);
    const start = texts(describeStart(doc.start, doc)).join('\n');
    expect(start).not.toContain('native code');
    expect(startLine(doc)).not.toContain('native code');
    expect(typeof processTypeName(doc)).toBe('string');
    for (const r of doc.resources) expect(texts(describeResource(r)).join('\n')).not.toContain('native code');
  });
});
