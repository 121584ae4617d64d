import { type Category, elementKind } from '../model/elements';

/** Flow Builder's colours per category (light theme); views and the SVG renderer share them. */
const CATEGORY_COLORS: Record<Category, string> = {
  start: '#0b827c',
  interaction: '#032d60',
  logic: '#dd7a01',
  data: '#e3066a',
  orchestration: '#3a49da',
  end: '#c23934',
  legacy: '#706e6b',
  unknown: '#706e6b',
  missing: '#ba0517',
};

/** Builder's End colour: the red of its End element (the Ends Auto-Layout draws, on the canvas and in the SVG). */
export const END_COLOR = CATEGORY_COLORS.end;

/** `screens` is special among interaction elements: Builder draws it light blue. */
export function elementColor(type: string): string {
  if (type === 'screens') return '#1b96ff';
  return CATEGORY_COLORS[elementKind(type).category];
}
