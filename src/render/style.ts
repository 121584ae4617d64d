/** The canvas's light theme (views/app.css, canvas.css, diff.css) as plain values for the SVG export. */

export const THEME = {
  canvas: '#f4f6f9',
  panel: '#ffffff',
  text: '#181818',
  muted: '#5c5c5c',
  border: '#d8dde6',
  accent: '#0176d3',
  warn: '#a96404',
  edge: '#747474',
  fault: '#ba0517',
  goTo: '#7526e3',
  scheduled: '#0b827c',
  font: "'Salesforce Sans', system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
} as const;

/** `color` mixed into white at `amount` (0..1): CSS color-mix(in srgb, color X%, white). */
export function tint(color: string, amount: number): string {
  return mix(color, '#ffffff', amount);
}

function mix(color: string, base: string, amount: number): string {
  const a = rgb(color);
  const b = rgb(base);
  const c = a.map((v, i) => Math.round(v * amount + (b[i] as number) * (1 - amount)));
  return `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

function rgb(hex: string): number[] {
  const h = hex.replace('#', '');
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16));
}

/** CSS saturate(amount) approximated: the colour mixed toward its own grey. */
export function desaturate(color: string, amount: number): string {
  const [r, g, b] = rgb(color) as [number, number, number];
  const l = Math.round(0.2126 * r + 0.7152 * g + 0.0722 * b);
  const grey = `#${l.toString(16).padStart(2, '0').repeat(3)}`;
  return mix(color, grey, amount);
}
