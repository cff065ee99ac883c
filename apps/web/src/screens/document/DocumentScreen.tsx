import { useParams } from '@solidjs/router';
import { Show } from 'solid-js';
import { OpenDocument } from './OpenDocument';

/**
 * /documents/:id: one live document; a new id tears the old connection down (keyed). Ids contain
 * ':' which links encode, and the router hands the segment over still encoded.
 */
export default function DocumentScreen() {
  const params = useParams<{ id: string }>();
  return (
    <Show when={decodeURIComponent(params.id)} keyed>
      {(id) => <OpenDocument docId={id} />}
    </Show>
  );
}
