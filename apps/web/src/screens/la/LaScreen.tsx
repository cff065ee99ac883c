import { For, Show } from 'solid-js';
import { useText } from '../../i18n/useText';
import { useSession } from '../../session/SessionContext';
import { usePageTitle } from '../usePageTitle';
import { RecordChooser } from '../cycle/RecordChooser';
import { CoverageList } from './CoverageList';
import { LaWorkspacePanel } from './LaWorkspacePanel';

/**
 * The LA view: shared priorities of the collaboratives the facilitator works with, read-only
 * and live (SPEC C15), and which schools are not yet in both kinds of collaborative. It never
 * ranks schools and holds no learner data (SPEC C12).
 */
export default function LaScreen() {
  const t = useText();
  const session = useSession();
  usePageTitle(() => t('la.title'));
  const laCode = () => session.me()?.roles.find((r) => r.laCode !== undefined)?.laCode;
  const workspaces = () => session.documents().filter((d) => d.kind === 'workspace');
  return (
    <div class="la">
      <h1>{t('la.title')}</h1>
      <p class="hint">{t('la.explain')}</p>
      <section aria-labelledby="la-priorities">
        <h2 id="la-priorities">{t('la.sharedPriorities')}</h2>
        <Show when={workspaces().length > 0} fallback={<p class="muted">{t('la.noCollaboratives')}</p>}>
          <For each={workspaces()}>{(doc) => <LaWorkspacePanel summary={doc} />}</For>
        </Show>
      </section>
      <RecordChooser laCode={laCode()} />
      <CoverageList laCode={laCode()} />
    </div>
  );
}
