import { createEffect, type Accessor } from 'solid-js';
import type { DocConnection } from '@cydweithio/ui';
import { readMeta } from '@cydweithio/model/docs/meta';
import type { DocumentSummary } from '../../api/schemas';

/**
 * A document created through the API starts empty on the server. Its owner's first client
 * writes the starting layout, only after the first exchange with the server (so an existing
 * layout is never doubled by a stale offline copy). initialise() is a no-op once meta exists.
 */
export function createInitialiseWhenEmpty(connection: DocConnection, summary: Accessor<DocumentSummary | undefined>): void {
  createEffect(() => {
    const doc = summary();
    if (!connection.remoteSynced() || !doc || doc.access !== 'owner') return;
    if (readMeta(connection.doc) !== null) return;
    // The layouts of every kind are a chunk of their own, fetched only for a document that has
    // none yet (precached, so this works offline too); meta is checked again once it is here.
    void import('@cydweithio/model/docs/migrations').then(({ initialise }) => {
      if (readMeta(connection.doc) !== null) return;
      initialise(connection.doc, doc.kind, { title: doc.title, ...(doc.kind === 'peer-review' ? { hostSchoolId: doc.owner.id } : {}) });
    });
  });
}
