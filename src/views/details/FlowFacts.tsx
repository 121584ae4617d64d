import { useId, useMemo } from 'react';
import type { FlowGraph } from '../../model/graph';
import type { FlowDoc } from '../../model/types';
import { describeFlow } from '../../describe/flow';
import { RowList } from './SectionList';
import './details.css';

export interface FlowFactsProps {
  doc: FlowDoc;
  graph: FlowGraph;
  /** 1 when this is the page's main title. */
  headingLevel?: 1 | 2;
}

/** The flow header: label, API name, type, trigger, status, API version, run mode, interview label, description. */
export function FlowFacts({ doc, graph, headingLevel = 2 }: FlowFactsProps) {
  const titleId = useId();
  const facts = useMemo(() => describeFlow(doc, graph), [doc, graph]);
  const Heading = `h${headingLevel}` as const;
  return (
    <section className="fsd-panel fsd-flow-facts" aria-labelledby={titleId}>
      <Heading id={titleId} className="fsd-title">
        {facts.title}
      </Heading>
      <RowList rows={facts.rows} />
    </section>
  );
}
