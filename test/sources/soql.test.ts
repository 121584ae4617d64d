import { describe, expect, it } from 'vitest';
import { flowDefinitionsQuery, flowVersionsQuery, isRecordId, likeContains, soqlString } from '../../src/sources/soql';
import { likeToRegExp, parseSoql } from '../helpers/mockSoql';

describe('SOQL from user input', () => {
  it('escapes backslashes, quotes and control characters in string literals', () => {
    expect(soqlString(`O'Brien "x" \\ \n\t`)).toBe(`O\\'Brien \\"x\\" \\\\ \\n\\t`);
  });

  it('makes % and _ literal in LIKE patterns', () => {
    expect(likeContains('100%_a')).toBe('%100\\%\\_a%');
    expect(likeToRegExp(likeContains('100%')).test('Bob’s 100% Flow')).toBe(true);
    expect(likeToRegExp(likeContains('100%')).test('100 Flow')).toBe(false);
    expect(likeToRegExp(likeContains('_')).test('ab')).toBe(false);
  });

  it('a typed quote cannot end the literal: the query parses to one condition per field', () => {
    const q = flowDefinitionsQuery(`x' OR Id != '`);
    const parsed = parseSoql(q);
    expect(parsed?.where.map((w) => w.field)).toEqual(['MasterLabel', 'DeveloperName']);
    expect(parsed?.from).toBe('FlowDefinition');
  });

  it('no filter, no WHERE; the filter is trimmed and capped', () => {
    expect(flowDefinitionsQuery('  ')).toBe(
      'SELECT Id, DeveloperName, MasterLabel, ActiveVersionId, LatestVersionId FROM FlowDefinition ORDER BY DeveloperName',
    );
    expect(flowDefinitionsQuery('a'.repeat(500)).length).toBeLessThan(400);
  });

  it('ids are checked by shape', () => {
    expect(isRecordId('300000000000001AAA')).toBe(true);
    expect(isRecordId('300000000000001')).toBe(true);
    expect(isRecordId("300000000000001' OR ''='")).toBe(false);
    expect(flowVersionsQuery('300000000000001AAA')).toContain(
      "WHERE DefinitionId = '300000000000001AAA' ORDER BY VersionNumber DESC",
    );
  });
});
