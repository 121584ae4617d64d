import { buildGraph } from '../../src/model/graph';
import { parseFlow } from '../../src/model/parse/index';
import type { FlowDoc } from '../../src/model/types';
import { type CheckContext, type ChecksConfig, type Finding, runChecks } from '../../src/checks/index';
import { fixture } from '../helpers/fixtures';

export function docOf(text: string, fileName = 'Test.flow-meta.xml'): FlowDoc {
  const r = parseFlow(text, { fileName });
  if (!r.ok) throw new Error(r.error.message);
  return r.doc;
}

export function check(text: string, config?: ChecksConfig, context?: CheckContext): Finding[] {
  const doc = docOf(text);
  return runChecks(doc, buildGraph(doc), config, context);
}

export const checkFixture = (rule: string, file: string, config?: ChecksConfig, context?: CheckContext) =>
  check(fixture(`checks/${rule}/${file}.flow-meta.xml`), config, context);

/** The findings of one rule, as [element, detail] pairs. */
export const of = (findings: Finding[], rule: string) =>
  findings.filter((f) => f.rule === rule).map((f) => [f.element, f.detail ?? '']);
