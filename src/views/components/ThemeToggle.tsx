import { useEffect, useState } from 'react';

type Theme = 'system' | 'light' | 'dark';
const NEXT: Record<Theme, Theme> = { system: 'light', light: 'dark', dark: 'system' };
const LABEL: Record<Theme, string> = { system: 'Theme: system', light: 'Theme: light', dark: 'Theme: dark' };

/** Light and dark themes: follows the system until the user picks one (kept for the tab only). */
export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>(() => (sessionStorage.getItem('flowscope.theme') as Theme | null) ?? 'system');
  useEffect(() => {
    if (theme === 'system') document.documentElement.removeAttribute('data-theme');
    else document.documentElement.setAttribute('data-theme', theme);
    sessionStorage.setItem('flowscope.theme', theme);
  }, [theme]);
  return (
    <button type="button" className="theme-toggle" aria-label={`${LABEL[theme]} (click to change)`} title={LABEL[theme]} onClick={() => setTheme(NEXT[theme])}>
      {theme === 'dark' ? '☾' : theme === 'light' ? '☀' : '◐'}
    </button>
  );
}
