/** The Runtime panel's words: how long ago, an absolute date, counts. Pure. */

export const count = (n: number) => n.toLocaleString('en-US');
export const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;

const UNITS: [limit: number, seconds: number, unit: string][] = [
  [60, 1, 'second'],
  [3600, 60, 'minute'],
  [86400, 3600, 'hour'],
  [86400 * 30, 86400, 'day'],
  [86400 * 365, 86400 * 30, 'month'],
  [Number.POSITIVE_INFINITY, 86400 * 365, 'year'],
];

/** "3 days ago", "in 2 hours" (a clock ahead), "just now"; undefined for a date that does not read. */
export function relativeTime(iso: string | undefined, now: number): string | undefined {
  const at = iso === undefined ? Number.NaN : Date.parse(iso);
  if (!Number.isFinite(at)) return undefined;
  const seconds = Math.round((now - at) / 1000);
  const size = Math.abs(seconds);
  if (size < 45) return 'just now';
  const [, per, unit] = UNITS.find(([limit]) => size < limit) ?? (UNITS[UNITS.length - 1] as (typeof UNITS)[0]);
  const n = Math.max(1, Math.round(size / per));
  return seconds >= 0 ? `${plural(n, unit)} ago` : `in ${plural(n, unit)}`;
}

/** "2026-11-28 14:05 UTC": the same for every reader, whatever their locale. */
export function absoluteTime(iso: string | undefined): string | undefined {
  const at = iso === undefined ? Number.NaN : Date.parse(iso);
  if (!Number.isFinite(at)) return undefined;
  return `${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
