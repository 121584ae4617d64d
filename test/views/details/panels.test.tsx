// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildGraph } from '../../../src/model/graph';
import { parseFlow } from '../../../src/model/parse/index';
import type { FlowDoc } from '../../../src/model/types';
import { DetailsPanel } from '../../../src/views/details/DetailsPanel';
import { FlowFacts } from '../../../src/views/details/FlowFacts';
import { ResourcesPanel } from '../../../src/views/details/ResourcesPanel';
import { fixture } from '../../helpers/fixtures';
import { element, flow } from '../../describe/helpers';

afterEach(cleanup);

function sample(xml = fixture('Opportunity_Review.flow-meta.xml')): FlowDoc {
  const r = parseFlow(xml, { fileName: 'Opportunity_Review.flow-meta.xml' });
  if (!r.ok) throw new Error(r.error.message);
  return r.doc;
}

describe('DetailsPanel', () => {
  it('shows a decision: header, outcomes with their conditions, default outcome', () => {
    const doc = sample();
    render(<DetailsPanel element={element(doc, 'Check_Amount')} doc={doc} graph={buildGraph(doc)} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Check Amount & Stage');
    expect(screen.getByText('Decision')).toBeTruthy();
    expect(screen.getByTitle('API name').textContent).toBe('Check_Amount');
    const outcome = screen.getByRole('heading', { name: 'Outcome 1: Over 1M' }).closest('section') as HTMLElement;
    expect(within(outcome).getByText('All conditions are met (AND)')).toBeTruthy();
    expect(within(outcome).getByText('$Record.Amount Greater Than 1,000,000')).toBeTruthy();
    const fallback = screen.getByRole('heading', { name: 'Default Outcome' }).closest('section') as HTMLElement;
    expect(within(fallback).getByText('Small Deal')).toBeTruthy();
  });

  it('lists outgoing and incoming connectors, and selects the element at the other end', () => {
    const doc = sample();
    const onSelect = vi.fn();
    render(
      <DetailsPanel element={element(doc, 'Check_Amount')} doc={doc} graph={buildGraph(doc)} onSelect={onSelect} />,
    );
    const out = screen.getByRole('heading', { name: 'Outgoing connectors (2)' }).closest('section') as HTMLElement;
    expect(within(out).getByText('Outcome: Over 1M')).toBeTruthy();
    expect(within(out).getByText('Small Deal')).toBeTruthy();
    fireEvent.click(within(out).getByRole('button', { name: 'Select Mark "Big" Deal' }));
    expect(onSelect).toHaveBeenCalledWith('Mark_Big_Deal');
    const incoming = screen.getByRole('heading', { name: 'Incoming connectors (1)' }).closest('section') as HTMLElement;
    fireEvent.click(within(incoming).getByRole('button', { name: 'Select Start' }));
    expect(onSelect).toHaveBeenLastCalledWith('$start');
  });

  it('shows badges computed from the graph: fault path, Go To target', () => {
    const doc = sample();
    const graph = buildGraph(doc);
    render(<DetailsPanel element={element(doc, 'Get_Line_Items')} doc={doc} graph={graph} />);
    expect(within(screen.getByRole('list', { name: 'Badges' })).getByText('Has fault path')).toBeTruthy();
    cleanup();
    render(<DetailsPanel element={element(doc, 'Log_Error')} doc={doc} graph={graph} />);
    expect(within(screen.getByRole('list', { name: 'Badges' })).getByText('Go To target')).toBeTruthy();
  });

  it('marks unreachable elements', () => {
    const doc = flow(`
    <start>
        <locationX>0</locationX><locationY>0</locationY><connector><targetReference>A</targetReference></connector>
    </start>
    <assignments><name>A</name><label>A</label><locationX>0</locationX><locationY>0</locationY></assignments>
    <assignments>
        <name>Lonely</name><label>Lonely</label><locationX>0</locationX><locationY>0</locationY>
    </assignments>`);
    render(<DetailsPanel element={element(doc, 'Lonely')} doc={doc} graph={buildGraph(doc)} />);
    expect(screen.getByText('Unreachable')).toBeTruthy();
    expect(screen.getByText('None: nothing leads here')).toBeTruthy();
  });

  it('toggles the raw (normalised) metadata', () => {
    const doc = sample();
    render(<DetailsPanel element={element(doc, 'Check_Amount')} doc={doc} graph={buildGraph(doc)} />);
    const toggle = screen.getByRole('button', { name: 'Show raw metadata' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(document.querySelector('pre')).toBeNull();
    fireEvent.click(toggle);
    const region = screen.getByRole('region', { name: 'Raw metadata (normalised JSON)' });
    const pre = region.querySelector('pre');
    if (!pre) throw new Error('no <pre> in the raw metadata region');
    expect(JSON.parse(pre.textContent ?? '')).toEqual(element(doc, 'Check_Amount').data);
    expect(screen.getByRole('button', { name: 'Hide raw metadata' }).getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Hide raw metadata' }));
    expect(document.querySelector('pre')).toBeNull();
  });

  it('shows the start: trigger and scheduled paths', () => {
    const doc = sample();
    render(<DetailsPanel element="start" doc={doc} graph={buildGraph(doc)} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Start');
    expect(screen.getByText('A record is created or updated — after save')).toBeTruthy();
    expect(screen.getByText('1 Day After CloseDate')).toBeTruthy();
    expect(screen.getByText('Record-Triggered Flow', { exact: false })).toBeTruthy();
  });

  it('has a close button with an accessible name', () => {
    const doc = sample();
    const onClose = vi.fn();
    render(
      <DetailsPanel element={element(doc, 'Each_Line_Item')} doc={doc} graph={buildGraph(doc)} onClose={onClose} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Close details' }));
    expect(onClose).toHaveBeenCalledOnce();
    expect(screen.getByText('For Each')).toBeTruthy();
  });
});

describe('ResourcesPanel', () => {
  const doc = flow(`
    <variables>
        <name>total</name><dataType>Currency</dataType><isCollection>false</isCollection>
        <isInput>false</isInput><isOutput>true</isOutput><scale>2</scale>
    </variables>
    <variables>
        <name>accounts</name><dataType>SObject</dataType><isCollection>true</isCollection>
        <isInput>true</isInput><isOutput>false</isOutput><objectType>Account</objectType>
    </variables>
    <formulas>
        <name>dueDate</name><dataType>Date</dataType><expression>{!$Flow.CurrentDate} + 5</expression>
    </formulas>
    <textTemplates>
        <name>Body</name><isViewedAsPlainText>true</isViewedAsPlainText><text>Hello {!name}</text>
    </textTemplates>`);

  it('groups resources by type with counts, each opening to its details', () => {
    render(<ResourcesPanel doc={doc} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Resources (4)');
    const variables = screen.getByRole('region', { name: 'Variables' });
    expect(within(variables).getByRole('heading', { level: 3 }).textContent).toBe('Variables (2)');
    // The summary line and the Data type row inside the closed <details>.
    expect(within(variables).getAllByText('Record collection (Account)')).toHaveLength(2);
    const formulas = screen.getByRole('region', { name: 'Formulas' });
    const details = formulas.querySelector('details') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    expect(within(formulas).getByText('{!$Flow.CurrentDate} + 5')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Text Templates' })).toBeTruthy();
  });

  it('filters by name or type', () => {
    render(<ResourcesPanel doc={doc} filter="account" />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Resources (1 of 4)');
    expect(screen.getByText('accounts')).toBeTruthy();
    expect(screen.queryByText('total')).toBeNull();
    cleanup();
    render(<ResourcesPanel doc={doc} filter="nothing-like-this" />);
    expect(screen.getByText('No resources match “nothing-like-this”.')).toBeTruthy();
  });

  it('says when a flow has no resources', () => {
    render(<ResourcesPanel doc={flow('<label>Empty</label>')} />);
    expect(screen.getByText('This flow has no resources.')).toBeTruthy();
  });
});

describe('FlowFacts', () => {
  it('shows the flow header facts as a description list', () => {
    const doc = sample();
    render(<FlowFacts doc={doc} graph={buildGraph(doc)} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Opportunity <Review>\nsecond line');
    const terms = [...document.querySelectorAll('dt')].map((dt) => dt.textContent);
    expect(terms).toEqual(expect.arrayContaining(['API name', 'Type', 'Trigger', 'Status', 'API version']));
    expect(screen.getByText('Record-Triggered Flow')).toBeTruthy();
    expect(screen.getByText('62.0')).toBeTruthy();
  });

  it('a pasted flow (no file name, so no API name) does not pass its label off as its API name', () => {
    const doc = sample();
    render(<FlowFacts doc={doc} graph={buildGraph(doc)} nameKnown={false} />);
    const dd = [...document.querySelectorAll('dt')].find((dt) => dt.textContent === 'API name')?.nextElementSibling;
    expect(dd?.textContent).toMatch(/not in the input/);
    expect(dd?.textContent).not.toContain(doc.name);
  });
});

describe('untrusted text', () => {
  const evil = '<img src=x onerror=alert(1)>';
  const escaped = '&lt;img src=x onerror=alert(1)&gt;';

  it('renders labels, descriptions, values and resource names as text, never HTML', () => {
    const doc = sample(
      fixture('Opportunity_Review.flow-meta.xml')
        .replace(
          '<label>Check Amount &amp; Stage</label>',
          `<label>${escaped}</label><description>${escaped}</description>`,
        )
        .replace('<label>Over 1M</label>', `<label>${escaped}</label>`)
        .replace('<label>Flag Line</label>', `<label>${escaped}</label>`)
        .replace('<name>Total</name>', `<name>Total</name><description>${escaped}</description>`)
        .replace('<status>Active</status>', `<status>Active</status><description>${escaped}</description>`),
    );
    const graph = buildGraph(doc);
    render(
      <>
        <DetailsPanel element={element(doc, 'Check_Amount')} doc={doc} graph={graph} onSelect={() => {}} />
        <DetailsPanel element={element(doc, 'Each_Line_Item')} doc={doc} graph={graph} onSelect={() => {}} />
        <ResourcesPanel doc={doc} />
        <FlowFacts doc={doc} graph={graph} />
      </>,
    );
    expect(screen.getAllByText(evil).length).toBeGreaterThanOrEqual(4);
    expect(screen.getByText(`Outcome 1: ${evil}`)).toBeTruthy();
    expect(screen.getAllByRole('button', { name: `Select ${evil}` }).length).toBeGreaterThan(0);
    expect(document.querySelector('img')).toBeNull();
    fireEvent.click(screen.getAllByRole('button', { name: 'Show raw metadata' })[0] as HTMLElement);
    expect(document.querySelector('img')).toBeNull();
  });
});
