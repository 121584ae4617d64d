import { useId, useMemo } from 'react';
import type { FlowGraph } from '../../model/graph';
import type { FlowDoc } from '../../model/types';
import { describeFlow } from '../../describe/flow';
import { interfaceRows } from '../checks/interfaceWords';
import { RowList } from './SectionList';
import './details.css';

export interface FlowFactsProps {
  doc: FlowDoc;
  graph: FlowGraph;
  /** 1 when this is the page's main title. */
  headingLevel?: 1 | 2;
  /** False when the input did not say the API name (pasted XML): the facts do not pass the label off as it. */
  nameKnown?: boolean;
}

/**
 * The flow header: label, API name, type, trigger, status, API version, run mode, interview label, description;
 * then its interface (what a caller passes in and gets back).
 */
export function FlowFacts({ doc, graph, headingLevel = 2, nameKnown = true }: FlowFactsProps) {
  const titleId = useId();
  const facts = useMemo(() => describeFlow(doc, graph, nameKnown), [doc, graph, nameKnown]);
  const io = useMemo(() => interfaceRows(doc), [doc]);
  const Heading = `h${headingLevel}` as const;
  return (
    <section className="fsd-panel fsd-flow-facts" aria-labelledby={titleId}>
      <Heading id={titleId} className="fsd-title">
        {facts.title}
      </Heading>
      <RowList rows={facts.rows} />
      <RowList rows={io} />
    </section>
  );
}
