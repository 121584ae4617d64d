import { InterviewsDialog } from './InterviewsDialog';
import { RestViewDialog } from './RestViewDialog';

/**
 * The load bar's runtime dialogs (issue 16), one lazy chunk: Overlay interviews… when asked for, and the view of
 * a pasted or dropped flow list or invocable flow while there is one.
 */
export function RuntimeDialogs({ interviews, onClose }: { interviews: boolean; onClose: () => void }) {
  return (
    <>
      {interviews && <InterviewsDialog onClose={onClose} />}
      <RestViewDialog />
    </>
  );
}
