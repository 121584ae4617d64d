import type { AppState, Comparison, LoadError, LoadedFlow } from './types';

/**
 * What is on screen as a whole — the flow or comparison, its layout, the selection — kept when something new
 * replaces it, so that a later failure of the new one (its layout, its drawing) can bring it back as it was.
 */
export type Screen = Pick<
  AppState,
  | 'flow'
  | 'comparison'
  | 'layout'
  | 'layoutChoice'
  | 'selection'
  | 'selectedByStep'
  | 'highlight'
  | 'changeIndex'
  | 'diffMode'
>;

export const screenOf = (s: AppState): Screen => ({
  flow: s.flow,
  comparison: s.comparison,
  layout: s.layout,
  layoutChoice: s.layoutChoice,
  selection: s.selection,
  selectedByStep: s.selectedByStep,
  highlight: s.highlight,
  changeIndex: s.changeIndex,
  diffMode: s.diffMode,
});

/** The message of anything thrown or rejected. */
export const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

const REPORT = 'please report it with the file.';

/** A step that threw on a text that parsed: a Flowscope bug, said as one, with the error's own message. */
export function internalError(stage: 'graph' | 'diff', e: unknown, about: Pick<LoadError, 'source' | 'subject'>) {
  const step = stage === 'graph' ? 'building the graph' : 'comparing the two versions';
  const error: LoadError = {
    ...about,
    stage,
    message: `Internal error while ${step}: ${messageOf(e)}`,
    hint: `The input parsed, so this is a Flowscope bug, not your file: what was open stays on screen; ${REPORT}`,
  };
  return error;
}

/** The layout of what was shown failed (the layout service rejected or timed out). */
export function layoutError(e: unknown, about: Pick<LoadError, 'source' | 'subject'>, restored: boolean): LoadError {
  return {
    ...about,
    stage: 'layout',
    message: messageOf(e),
    hint: restored
      ? 'What was open before is back on screen. If the flow is very large, try again or render it with ' +
        '`flowscope render` in Node; if it keeps failing, please report it with the file.'
      : 'Try again; if the flow is very large, render it with `flowscope render` in Node. If it keeps ' +
        'failing, please report it with the file.',
  };
}

/** Drawing what is on screen threw (the page's safety net caught it). */
export function drawError(e: unknown, about: Pick<LoadError, 'source' | 'subject'>): LoadError {
  return {
    ...about,
    stage: 'draw',
    message: `Internal error while drawing: ${messageOf(e)}`,
    hint: `Close brings back what was open before; ${REPORT}`,
  };
}

/** Who an error about what is on screen names: the one flow, or both versions of a comparison. */
export function aboutScreen(flow: LoadedFlow | undefined, comparison: Comparison | undefined) {
  if (comparison) return aboutComparison(comparison.before, comparison.after);
  return { source: flow?.source ?? { kind: 'paste' as const, name: 'pasted text' } };
}

export function aboutComparison(
  before: Pick<LoadedFlow, 'source'>,
  after: Pick<LoadedFlow, 'source'>,
): Pick<LoadError, 'source' | 'subject'> {
  const name = (f: Pick<LoadedFlow, 'source'>) => (f.source.kind === 'paste' ? 'the pasted text' : f.source.name);
  return { source: after.source, subject: `the comparison of ${name(before)} with ${name(after)}` };
}
