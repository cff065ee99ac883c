import { Match, Switch } from 'solid-js';
import { docKindOf } from '@cydweithio/model/domain/document';
import { useText } from '../../i18n/useText';
import { useSession } from '../../session/SessionContext';
import { createDocumentGate } from './createDocumentGate';
import { documentStoragePrefix } from './createDocumentConnection';
import { DocumentUnavailable } from './DocumentUnavailable';
import { LiveDocument } from './LiveDocument';
import { loadDocumentBody } from './documentBodies';

/**
 * A document by id: the live document once the server has not refused it, else a page saying
 * the person has no access or there is no such document (SPEC C120), never an empty editor.
 */
export function OpenDocument(props: { docId: string; embedded?: boolean }) {
  const t = useText();
  const session = useSession();
  // The body's chunk loads while access is checked (the id names the kind).
  void loadDocumentBody(docKindOf(props.docId))?.catch(() => undefined);
  const gate = createDocumentGate(props.docId, session, documentStoragePrefix(session));
  return (
    <Switch>
      <Match when={gate.state() === 'checking'}>
        <p role="status" data-testid="document-checking">{t('common.loading')}</p>
      </Match>
      <Match when={gate.state() === 'refused'}>
        <DocumentUnavailable reason="refused" revoked={gate.revoked()} embedded={props.embedded ?? false} draftRecord={gate.draftRecord()} />
      </Match>
      <Match when={gate.state() === 'missing'}>
        <DocumentUnavailable reason="missing" revoked={false} embedded={props.embedded ?? false} />
      </Match>
      <Match when={gate.state() === 'open'}>
        <LiveDocument docId={props.docId} embedded={props.embedded ?? false} onAccessLost={gate.lost} onRepeatedFailure={gate.recheck} />
      </Match>
    </Switch>
  );
}
