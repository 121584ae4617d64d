import {
  ELK_MAX_ELEMENTS,
  LAYOUT_CHOICES,
  type LayoutChoice,
  selectLayoutChoice,
  selectNoSavedReason,
  selectShownSize,
} from '../../state/store';
import { useApp } from '../storeContext';
import './LayoutPicker.css';

const NAMES: Record<LayoutChoice, string> = { saved: 'Saved positions', auto: 'Auto-Layout', elk: 'ELK layered' };
const ABOUT: Record<LayoutChoice, string> = {
  saved: 'Each element where the flow’s author put it in Flow Builder (free-form flows)',
  auto: 'Flow Builder’s Auto-Layout: branches side by side under their element, merging below',
  elk: 'ELK layered: top to bottom in layers, as few crossing connectors as it can',
};

/**
 * The Layout choice over the canvas (single flow and comparison): Saved positions (disabled, saying why,
 * for flows Builder keeps no positions for), Auto-Layout, ELK layered. Choosing lays out again and keeps
 * the selection.
 */
export function LayoutPicker() {
  const shown = useApp((s) => s.flow !== undefined || s.comparison !== undefined);
  const choice = useApp(selectLayoutChoice);
  const noSaved = useApp(selectNoSavedReason);
  const size = useApp(selectShownSize);
  const setLayoutChoice = useApp((s) => s.setLayoutChoice);
  if (!shown) return null;
  const why = (c: LayoutChoice) =>
    c === 'saved'
      ? noSaved
      : c === 'elk' && size > ELK_MAX_ELEMENTS
        ? `ELK layered takes too long past ${ELK_MAX_ELEMENTS} elements (this has ${size.toLocaleString('en-US')})`
        : undefined;
  return (
    <div className="layout-picker" role="radiogroup" aria-label="Layout">
      <span className="layout-picker-name" aria-hidden="true">
        Layout
      </span>
      {LAYOUT_CHOICES.map((c) => {
        const off = why(c);
        return (
          <button
            key={c}
            type="button"
            role="radio"
            aria-checked={choice === c}
            disabled={off !== undefined}
            title={off ?? ABOUT[c]}
            onClick={() => setLayoutChoice(c)}
          >
            {NAMES[c]}
          </button>
        );
      })}
    </div>
  );
}
