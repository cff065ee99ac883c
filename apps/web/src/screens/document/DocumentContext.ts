import { createContext, useContext, type Accessor } from 'solid-js';
import type { DocConnection } from '@cydweithio/ui';
import type { DocumentSummary } from '../../api/schemas';

export interface OpenDocumentState {
  connection: DocConnection;
  summary: Accessor<DocumentSummary | undefined>;
  /** Viewer access, or the server revoked/refused us: every field is read-only. */
  readOnly: Accessor<boolean>;
}

export const DocumentContext = createContext<OpenDocumentState>();

export function useOpenDocument(): OpenDocumentState {
  const state = useContext(DocumentContext);
  if (!state) throw new Error('useOpenDocument outside an open document');
  return state;
}
