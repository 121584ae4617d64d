import { describe, expect, it } from 'vitest';
import { conditionSentence, logicText } from '../../src/describe/conditions';
import { formatNumber, formatValue, humanise, richToPlain } from '../../src/describe/values';

describe('formatNumber', () => {
  it('groups thousands and drops a trailing .0', () => {
    expect(formatNumber('1000000')).toBe('1,000,000');
    expect(formatNumber('1000000.0')).toBe('1,000,000');
    expect(formatNumber('999')).toBe('999');
    expect(formatNumber('1000')).toBe('1,000');
  });
  it('keeps meaningful decimals and the sign', () => {
    expect(formatNumber('365.25')).toBe('365.25');
    expect(formatNumber('-1234.50')).toBe('-1,234.5');
    expect(formatNumber('0')).toBe('0');
    expect(formatNumber('0.5')).toBe('0.5');
  });
  it('leaves what is not a plain number alone', () => {
    expect(formatNumber('1e+21')).toBe('1e+21');
    expect(formatNumber('abc')).toBe('abc');
  });
});

describe('formatValue', () => {
  it('quotes text, formats numbers and booleans, wraps references', () => {
    expect(formatValue({ stringValue: 'Closed Won' })).toBe('"Closed Won"');
    expect(formatValue({ stringValue: '' })).toBe('""');
    expect(formatValue({ numberValue: '25000' })).toBe('25,000');
    expect(formatValue({ booleanValue: 'true' })).toBe('True');
    expect(formatValue({ booleanValue: 'false' })).toBe('False');
    expect(formatValue({ elementReference: '$Record.Amount' })).toBe('{!$Record.Amount}');
    expect(formatValue({ dateValue: '2023-11-06' })).toBe('2023-11-06');
    expect(formatValue({ dateTimeValue: '2019-11-01T07:00:00.000Z' })).toBe('2019-11-01T07:00:00.000Z');
  });
  it('reads $GlobalConstant references as the constant', () => {
    expect(formatValue({ elementReference: '$GlobalConstant.True' })).toBe('True');
    expect(formatValue({ elementReference: '$GlobalConstant.EmptyString' })).toBe('Empty String');
  });
  it('shows unknown slots as words, not JSON', () => {
    expect(formatValue({ sobjectValue: 'x' })).toBe('Sobject Value: x');
    expect(formatValue(undefined)).toBeUndefined();
  });
});

describe('conditions as sentences', () => {
  it('reads like Builder', () => {
    expect(conditionSentence('$Record.Amount', 'GreaterThan', { numberValue: '1000000' })).toBe(
      '$Record.Amount Greater Than 1,000,000',
    );
    expect(conditionSentence('Stage', 'EqualTo', { stringValue: 'Closed Won' })).toBe('Stage Equals "Closed Won"');
    expect(conditionSentence('Email', 'IsNull', { booleanValue: 'true' })).toBe('Email Is Null True');
    expect(conditionSentence('Name', 'NotEqualTo', { elementReference: 'oldName' })).toBe(
      'Name Does Not Equal {!oldName}',
    );
    expect(conditionSentence('Amount', 'GreaterThanOrEqualTo', { numberValue: '5' })).toBe(
      'Amount Greater Than or Equal 5',
    );
    expect(conditionSentence('Status', 'IsChanged', { booleanValue: 'true' })).toBe('Status Is Changed True');
    expect(conditionSentence('Id', 'In', { elementReference: 'ids' })).toBe('Id In {!ids}');
    expect(conditionSentence('Choice', 'WasSelected', { booleanValue: 'true' })).toBe('Choice Was Selected True');
  });
  it('humanises an operator it does not know', () => {
    expect(conditionSentence('x', 'SomeNewOperator', undefined)).toBe('x Some New Operator');
  });
});

describe('condition logic', () => {
  it('names AND, OR and custom logic', () => {
    expect(logicText('and', 2)).toBe('All conditions are met (AND)');
    expect(logicText(undefined, 1)).toBe('All conditions are met (AND)');
    expect(logicText('or', 2)).toBe('Any condition is met (OR)');
    expect(logicText('1 AND (2 OR 3)', 3)).toBe('Custom condition logic is met: 1 AND (2 OR 3)');
    expect(logicText('(1 or 2) and 3', 3)).toBe('Custom condition logic is met: (1 OR 2) AND 3');
    expect(logicText('no_conditions', 0)).toBe('None: always');
  });
});

describe('text helpers', () => {
  it('humanises enum values', () => {
    expect(humanise('slackPostMessage')).toBe('Slack Post Message');
    expect(humanise('RecordAfterSave')).toBe('Record After Save');
  });
  it('turns rich text into plain text without interpreting it', () => {
    expect(richToPlain('<p>Account: {!recordId.Name}</p><p>Line &amp; two</p>')).toBe(
      'Account: {!recordId.Name}\nLine & two',
    );
    expect(richToPlain('&lt;img src=x onerror=alert(1)&gt;')).toBe('<img src=x onerror=alert(1)>');
  });
});
