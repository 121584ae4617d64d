import { useState } from 'react';

/** Below this window width the map would cover a third of the screen: hidden unless asked for. */
export const MINI_MIN_WIDTH = 700;
const KEY = 'flowscope.minimap';

/** Whether the overview map starts shown: the user's last choice, else only on a wide enough window. */
export function minimapShownAtStart(): boolean {
  try {
    const saved = localStorage.getItem(KEY);
    if (saved === 'shown' || saved === 'hidden') return saved === 'shown';
  } catch {
    // Storage can be blocked (a sandboxed iframe): fall back to the window's width.
  }
  return typeof window === 'undefined' || window.innerWidth >= MINI_MIN_WIDTH;
}

/** The overview map's shown/hidden state and its toggle; the choice is remembered. */
export function useMinimap(): [boolean, () => void] {
  const [shown, setShown] = useState(minimapShownAtStart);
  const toggle = () => {
    setShown(!shown);
    try {
      localStorage.setItem(KEY, shown ? 'hidden' : 'shown');
    } catch {
      // Not remembered; the toggle still works for this page.
    }
  };
  return [shown, toggle];
}
