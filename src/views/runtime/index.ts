/** Interviews and the other Flow REST payloads' views (issue 16), one lazy chunk: none of it is in the first screen. */
export { InterviewsDialog } from './InterviewsDialog';
export { RestViewDialog } from './RestViewDialog';
export { RuntimePanel } from './RuntimePanel';
