import { useEffect, useState } from 'react';

type Theme = 'system' | 'light' | 'dark';
const NEXT: Record<Theme, Theme> = { system: 'light', light: 'dark', dark: 'system' };
const LABEL: Record<Theme, string> = { system: 'Theme: system', light: 'Theme: light', dark: 'Theme: dark' };

const KEY = 'flowscope.theme';
/** Storage can be refused (private windows, sandboxed iframes): the theme then lasts for the page. */
function stored(): Theme {
  try {
    const t = localStorage.getItem(KEY);
    return t === 'light' || t === 'dark' ? t : 'system';
  } catch {
    return 'system';
  }
}

/**
 * Light and dark themes: follows the system until the user picks one, remembered on this browser (a preference,
 * nothing private).
 */
export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>(stored);
  useEffect(() => {
    if (theme === 'system') document.documentElement.removeAttribute('data-theme');
    else document.documentElement.setAttribute('data-theme', theme);
    try {
      if (theme === 'system') localStorage.removeItem(KEY);
      else localStorage.setItem(KEY, theme);
    } catch {
      // not kept: fine
    }
  }, [theme]);
  return (
    <button
      type="button"
      className="theme-toggle"
      aria-label={`${LABEL[theme]} (click to change)`}
      title={LABEL[theme]}
      onClick={() => setTheme(NEXT[theme])}
    >
      {theme === 'dark' ? '☾' : theme === 'light' ? '☀' : '◐'}
    </button>
  );
}
