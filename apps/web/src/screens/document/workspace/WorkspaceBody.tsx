import { MeetingsSection } from './MeetingsSection';
import { PrioritiesBoard } from './PrioritiesBoard';

/** A collaborative's workspace: the shared priorities board, then meetings. */
export function WorkspaceBody() {
  return (
    <div class="workspace">
      <PrioritiesBoard />
      <MeetingsSection />
    </div>
  );
}
