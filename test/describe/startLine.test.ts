import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDocs } from '../../src/cli/render';
import { startLine } from '../../src/describe/startLine';
import { parseFlow } from '../../src/model/parse/index';
import type { FlowDoc } from '../../src/model/types';
import { fixture } from '../helpers/fixtures';
import { flow } from './helpers';

function parse(xml: string, fileName: string): FlowDoc {
  const r = parseFlow(xml, { fileName });
  if (!r.ok) throw new Error(r.error.message);
  return r.doc;
}

const recordTriggered = () => parse(fixture('Opportunity_Review.flow-meta.xml'), 'Opportunity_Review.flow-meta.xml');
const screenFlow = () =>
  parse(
    readFileSync(join(__dirname, '../../src/samples/Case_Triage.flow-meta.xml'), 'utf8'),
    'Case_Triage.flow-meta.xml',
  );
const scheduled = (object = '') =>
  flow(`
    <label>Nightly</label>
    <processType>AutoLaunchedFlow</processType>
    <start>
        <locationX>0</locationX><locationY>0</locationY>
        <connector><targetReference>A</targetReference></connector>
        ${object ? `<object>${object}</object>` : ''}
        <schedule>
            <frequency>Daily</frequency>
            <startDate>2024-01-01</startDate>
            <startTime>02:00:00.000Z</startTime>
        </schedule>
        <triggerType>Scheduled</triggerType>
    </start>
    <assignments><name>A</name><label>A</label><locationX>0</locationX><locationY>0</locationY></assignments>`);

describe('startLine: what the Start card says', () => {
  it('a record-triggered flow: the object, then the trigger and its save timing', () => {
    expect(startLine(recordTriggered())).toBe('Opportunity · A record is created or updated — after save');
  });

  it('a scheduled flow: "On a schedule", after the object when it has one', () => {
    expect(startLine(scheduled())).toBe('On a schedule');
    expect(startLine(scheduled('Account'))).toBe('Account · On a schedule');
  });

  it('a flow nothing triggers: its type (a screen flow, an autolaunched flow)', () => {
    expect(startLine(screenFlow())).toBe('Screen Flow');
    expect(startLine(flow('<processType>AutoLaunchedFlow</processType>'))).toBe('Autolaunched Flow (No Trigger)');
  });

  it('a Process Builder process: its object and trigger from processMetadataValues', () => {
    const doc = flow(`
    <processMetadataValues><name>ObjectType</name><value><stringValue>Case</stringValue></value></processMetadataValues>
    <processMetadataValues>
        <name>TriggerType</name><value><stringValue>onCreateOnly</stringValue></value>
    </processMetadataValues>
    <processType>Workflow</processType>`);
    expect(startLine(doc)).toBe('Case · Only when a record is created');
  });

  it('nothing at all when there is no trigger, object or known type', () => {
    expect(startLine(flow('<label>Bare</label>'))).toBeUndefined();
  });
});

/** The muted lines under "Start" on the SVG's Start card, joined back into one string. */
function svgStartText(svg: string): string {
  const card = /<g class="node" data-id="\$start"[^>]*>(.*?)<\/g>/s.exec(svg)?.[1] ?? '';
  return [...card.matchAll(/<text [^>]*font-size="11"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(' ');
}

describe('flowscope render draws the same Start line', () => {
  it.each([
    ['record-triggered', recordTriggered],
    ['scheduled', () => scheduled('Account')],
    ['screen', screenFlow],
  ])('%s flow', async (_, make) => {
    const doc = make();
    const line = startLine(doc) as string;
    const drawn = svgStartText(await renderDocs(doc, undefined)).replace(/&#39;/g, "'");
    expect(drawn).not.toBe('');
    // The card wraps onto two lines and cuts what does not fit with "…": the drawn text starts the line.
    if (drawn.endsWith('…')) expect(line.startsWith(drawn.slice(0, -1))).toBe(true);
    else expect(drawn).toBe(line);
  });

  it('the record-triggered flow is cut only at the end of its second line', async () => {
    const drawn = svgStartText(await renderDocs(recordTriggered(), undefined));
    expect(drawn).toMatch(/^Opportunity · A record is created or updated — after/);
  });
});
