/**
 * Flowscope as a library: the one entry for an embedder, a script or the CLI (`package.json` "exports").
 * Everything here is pure TypeScript and runs in Node and in a browser, except `layoutGraph`, which runs
 * ELK in-process (Node; the app lays out in a Web Worker instead). See docs/architecture.md.
 *
 *   const parsed = parseFlow(xmlOrJson);                 // { ok: true, doc } | { ok: false, error }
 *   const graph = buildGraph(parsed.doc);                // the `graph --json` contract
 *   const diff = diffFlows(before, after);               // the `diff --json` contract, docs/diff-format.md
 *   const svg = renderSvg(graph, await layoutGraph(graph), { title, startLine: startLine(doc) });
 *   const link = await buildLink({ v: 1, route: 'view', a: inlineRef(doc) }, 'https://your.site/flowscope/');
 *   const back = await decodeLink(link.url);
 */

// The flow model: text → FlowDoc → FlowGraph.
export { buildDoc, parseFlow, type ParseOptions } from './model/parse/index';
export type {
  FlowDoc,
  FlowElement,
  FlowOrigin,
  FlowResource,
  Obj,
  ParseError,
  ParseResult,
  RecordChoice,
  Value,
} from './model/types';
export {
  buildGraph,
  elementIndex,
  START_ID,
  type EdgeKind,
  type ElementIndex,
  type FlowGraph,
  type FlowHeader,
  type GraphEdge,
  type GraphNode,
} from './model/graph';
export { openPaths, unionOpenPaths, type OpenPath } from './model/ends';
export { ALL_KINDS, elementKind, type Category, type ElementKind } from './model/elements';
export { isValueSlot, VALUE_SLOTS } from './model/values';
// A free-form flow's saved positions (for the `saved` layout engine), and one set for a comparison.
export { canvasMode, savedPositions, type SavedPoint } from './model/positions';
export { unionPositions } from './model/diff/positions';
// A flow set: many flows indexed together (facts, triggers, interfaces, subflow calls).
export {
  flowNameOfFile,
  indexFlow,
  indexSet,
  isFlowFileName,
  type SetCall,
  type SetFlow,
  type SetIndex,
  type SetParameter,
  type SetSkip,
  type SetTrigger,
} from './model/set';
export {
  createSetSearch,
  searchEntries,
  type SearchEntry,
  type SetSearch,
  type SetSearchOptions,
} from './model/setSearch';
export { compareRunOrder, phaseOf, PHASE_ORDER, triggersByObject } from './model/triggers';
export { callersOf, findFlow, subflowBinding } from './model/subflow';
export type * from './model/setTypes';
// Reading a set's files (the CLI and the set worker share it) and the set worker's client.
export {
  addFlowText,
  isZipName,
  NOT_A_FLOW,
  readFlowText,
  readFlowTexts,
  type SetEntry,
  type SetRead,
} from './sets/read';
export { readZip, ZIP_LIMITS, ZipRefused, type ZipRead } from './sets/zip';
export { summarizeSet } from './sets/summary';
export {
  createLocalSetClient,
  createSetClient,
  SetTimeoutError,
  SetWorkerError,
  type SetClientOptions,
} from './sets/client';
export { SetOpenError, type SetClient, type SetInputFile, type SetOpenOptions, type SetProgress } from './sets/types';

// Two versions compared (docs/diff-format.md).
export { diffFlows, isEmptyDiff } from './model/diff/index';
export { reverseDiff } from './model/diff/reverse';
export { filterNoise, NOISE_KINDS, type NoiseFiltered, type NoiseKind, readNoiseKinds } from './model/diff/noise';
export {
  changeList,
  type ChangeGroup,
  type ChangeItem,
  type ChangeStatus,
  type ChangeWords,
} from './model/diff/changes';
export type * from './model/diff/types';
// Two sets compared flow by flow (issue 14): the change set `flowscope changes` prints.
export {
  compareSets,
  countsOf,
  type ChangeSet,
  type ChangeSetDuplicate,
  type ChangeSetEntry,
  type CompareOptions,
  type FlowChange,
  type FlowChangeCounts,
  type FlowChangeStatus,
  type FlowCounts,
  type FlowPair,
} from './model/changeSet';
export {
  affectedCallers,
  interfaceChanges,
  interfaceOf,
  subflowUses,
  type CallerUse,
  type InterfaceChange,
  type InterfaceChangeKind,
  type InterfaceVariable,
  type SubflowUse,
} from './model/interfaceChanges';
// A flow's runtime (issue 16): FlowInterview records and the other Flow REST payloads, interviews on elements.
export {
  compareInvocable,
  describesFlow,
  detectFlowRestPayload,
  detectFlowRestText,
  placeInterviews,
  runtimeJson,
  statusCounts,
  versionToOpen,
  type FlowListItem,
  type FlowRestPayload,
  type Interview,
  type InvocableFlow,
  type InvocableMismatch,
  type InvocableParameter,
  type RuntimeJson,
  type RuntimePlacement,
} from './model/runtime';

// Review checks (issue 15): the rule table, findings on a flow and across a change, where they are, SARIF.
export {
  compareChecks,
  NEWEST_API_VERSION,
  newestApiVersionOf,
  readChecksConfig,
  RULES,
  ruleOf,
  runChecks,
  type CheckComparison,
  type CheckContext,
  type ChecksConfig,
  type Finding,
  type Rule,
  type RuleId,
  type Severity,
} from './checks/index';
export { flowLines, type FlowLines, recordFlowLines } from './checks/lines';
export { fileUri, findingLine, SARIF_SCHEMA, toSarif, type SarifFlow, type SarifOptions } from './checks/sarif';

// In Flow Builder's words.
export { describeElement } from './describe/element';
export {
  describeChanges,
  type ChangeContext,
  type ChangeLine,
  type ChangePart,
  type ChangeSubject,
} from './describe/change';
export {
  cutWords,
  flowChangeContext,
  lineText,
  lineWords,
  nodeChangeContext,
  resourceChangeContext,
  type LinePiece,
  type LineOptions,
} from './describe/changeLine';
export { plain, type Piece, type Words } from './describe/changeWords';
export { connectorWords } from './describe/connections';
export { processTypeName } from './describe/flow';
export { flowPropertyName } from './describe/properties';
export { resourceKindName } from './describe/resources';
export { startLine } from './describe/startLine';
export type { Row, Section } from './describe/types';

// Positions (Node), pictures, links.
export {
  layoutGraph,
  type LayoutEngine,
  type LayoutGraphInput,
  type LayoutOptions,
  type LayoutResult,
} from './layout/index';
export { LAYOUT_CHOICES, type LayoutChoice } from './layout/types';
export { renderSvg, type SvgOptions } from './render/svg';
export { STATUS_LOOK, statusWord, type StatusLook } from './render/status';
export {
  buildLink,
  COMMENT_LIMIT,
  decodeLink,
  inlineRef,
  type BuiltLink,
  type DecodedLink,
} from './share/link';
export { changesLinkUrl, readChangesLink } from './share/changes/link';
export {
  DIFF_MODES,
  LINK_LAYOUTS,
  type DiffMode,
  type FlowRef,
  type LinkLayout,
  type ChangesLinkState,
  type LinkState,
  type Route,
} from './share/types';
