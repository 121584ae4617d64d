/**
 * Severities as the views say them: mark and word (the card notes' marks, state/checkNotes.ts, are the same).
 * Kept apart from state/checkNotes.ts so the Checks tab's chunk and the checks' runner share no chunk of their
 * own (each shared module is one more file name in the first screen's preload map).
 */
import type { Severity } from '../../state/store';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'note'];
export const SEVERITY_MARK: Readonly<Record<Severity, string>> = { error: '✖', warning: '⚠', note: 'ℹ' };
/** "Error", "Warning", "Note". */
export const severityWord = (severity: Severity) => `${severity[0]?.toUpperCase()}${severity.slice(1)}`;
/** "1 error", "2 warnings". */
export const severityCount = (severity: Severity, n: number) => `${n} ${severity}${n === 1 ? '' : 's'}`;
