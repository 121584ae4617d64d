// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PropertyChanges } from '../../../src/views/diff/PropertyChanges';

afterEach(cleanup);

const rule = (value: string, label: string) => ({
  name: 'Over_1M',
  label,
  conditionLogic: 'and',
  conditions: [{ leftValueReference: '$Record.Amount', operator: 'GreaterThan', rightValue: { numberValue: value } }],
});
const context = {
  kind: 'decisions',
  before: { rules: [rule('1000000', 'Over 1M')] },
  after: { rules: [rule('500000', 'Over 500K')] },
};
const changes = [
  {
    path: 'rules[Over_1M].conditions[0].rightValue',
    before: { numberValue: '1000000' },
    after: { numberValue: '500000' },
  },
  { path: 'rules[Over_1M].label', before: 'Over 1M', after: 'Over 500K' },
];

describe('property changes in the panel', () => {
  it('count what they say: an outcome’s new label and its new condition are one change, not two', () => {
    render(<PropertyChanges heading="Property changes" changes={changes} context={context} />);
    expect(screen.getByRole('heading', { name: 'Property changes (1)' })).toBeTruthy();
  });

  it('say the change in Builder words, and "Show metadata paths" reveals the raw path and values', () => {
    render(<PropertyChanges changes={changes} context={context} />);
    const panel = document.querySelector('.prop-changes') as HTMLElement;
    expect(panel.textContent).toContain('Outcome Over 1M → Over 500K');
    expect(panel.textContent).toContain('$Record.Amount Greater Than 1,000,000');
    expect(panel.textContent).not.toContain('rules[Over_1M]');
    expect(panel.textContent).not.toContain('numberValue');
    fireEvent.click(screen.getByLabelText('Show metadata paths'));
    const raw = screen.getByRole('list', { name: 'Metadata paths' });
    expect(raw.textContent).toContain('rules[Over_1M].conditions[0].rightValue');
    expect(raw.textContent).toContain('numberValue: 1000000');
    expect(raw.textContent).toContain('rules[Over_1M].label');
    fireEvent.click(screen.getByLabelText('Show metadata paths'));
    expect(screen.queryByRole('list', { name: 'Metadata paths' })).toBeNull();
  });

  it('without the elements, still no metadata path in view', () => {
    render(<PropertyChanges changes={[{ path: 'scale', before: '2', after: '0' }]} />);
    expect(document.querySelector('.prop-changes')?.textContent).toContain('Decimal places');
    expect(document.querySelector('.prop-changes')?.textContent).not.toContain('scale');
  });
});
