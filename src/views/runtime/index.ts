/** Interviews and the other Flow REST payloads' views (issue 16), one lazy chunk: none of it is in the first screen. */
export { RuntimeDialogs } from './RuntimeDialogs';
export { RuntimePanel } from './RuntimePanel';
