import { useOpenDocument } from '../DocumentContext';
import { MeetingsSection } from './MeetingsSection';
import { PrioritiesBoard } from './PrioritiesBoard';
import { createWorkspaceRecord, WorkspaceRecordContext } from './WorkspaceRecord';

/** A collaborative's workspace: the shared priorities board, then meetings, over its record. */
export function WorkspaceBody() {
  const { connection } = useOpenDocument();
  const record = createWorkspaceRecord(connection);
  return (
    <WorkspaceRecordContext.Provider value={record}>
      <div class="workspace">
        <PrioritiesBoard />
        <MeetingsSection />
      </div>
    </WorkspaceRecordContext.Provider>
  );
}
