/**
 * Untrusted text (labels, API names, values from a flow) made safe for one terminal line: control
 * characters — newlines, ESC and so ANSI escape sequences, C1 codes — and the bidi controls that can
 * reorder what a reader sees (Trojan Source) become spaces.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export const terminalLine = (s: string): string => s.replace(UNSAFE, ' ');

/** Lines of a terminal report, each made safe, joined with newlines and ending in one. */
export const terminalText = (lines: readonly string[]): string => `${lines.map(terminalLine).join('\n')}\n`;
