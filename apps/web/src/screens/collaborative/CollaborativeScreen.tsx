import { useParams } from '@solidjs/router';
import { createMemo, createSignal, Show } from 'solid-js';
import { useLocale } from '@cydweithio/ui';
import { apiRequest, postJson } from '../../api/http';
import { langOf, nameIn } from '../../i18n/names';
import { useErrorText } from '../../i18n/useErrorText';
import { useText } from '../../i18n/useText';
import { useSession } from '../../session/SessionContext';
import { OpenDocument } from '../document/OpenDocument';
import { usePageTitle } from '../usePageTitle';
import { ConvenorsCard } from './ConvenorsCard';
import { InviteForm } from './InviteForm';
import { MembersCard } from './MembersCard';
import { MembershipCard } from './MembershipCard';
import { createDirectory } from './createDirectory';
import { createWorkspaceReaders } from './createWorkspaceReaders';

/** A collaborative: who is in it, and its live workspace (shared priorities, meetings). */
export default function CollaborativeScreen() {
  const t = useText();
  const locale = useLocale();
  const rawParams = useParams<{ id: string }>();
  const params = { get id() { return decodeURIComponent(rawParams.id); } };
  const session = useSession();
  const collaborative = createMemo(() => session.me()?.collaboratives.find((c) => c.id === params.id));
  const directory = createDirectory(() => params.id);
  const workspaceDoc = createMemo(() =>
    session.documents().find((d) => d.kind === 'workspace' && d.owner.type === 'collaborative' && d.owner.id === params.id),
  );
  const people = createWorkspaceReaders(() => workspaceDoc()?.id);
  const name = () => nameIn(collaborative()?.name ?? directory()?.name, locale()) || t('collaborative.title');
  const isConvenor = () =>
    (collaborative()?.convenorId ?? directory()?.convenorId) === session.me()?.person.id ||
    (session.me()?.roles ?? []).some((r) => r.role === 'convenor' && r.collaborativeId === params.id);
  const isMemberLaOfficer = () => {
    const laCodes = (directory()?.members ?? []).flatMap((m) => (m.laCode === undefined ? [] : [m.laCode]));
    return (session.me()?.roles ?? []).some((r) => r.role === 'la-officer' && r.laCode !== undefined && laCodes.includes(r.laCode));
  };
  usePageTitle(name);
  const errorText = useErrorText();
  const [error, setError] = createSignal<string>();
  const removeSchool = async (schoolId: string) => {
    const school = directory()?.members.find((m) => m.id === schoolId);
    if (!window.confirm(t('collaborative.confirmRemove', { school: nameIn(school?.name, locale()) }))) return;
    try {
      await apiRequest(`/collaboratives/${encodeURIComponent(params.id)}/members/${encodeURIComponent(schoolId)}`, { method: 'DELETE' });
      setError(undefined);
      directory.reload();
    } catch (failure) {
      setError(errorText(failure));
    }
  };
  const createWorkspace = async () => {
    try {
      await postJson(`/collaboratives/${encodeURIComponent(params.id)}/workspace`, {});
      await session.refreshDocuments();
    } catch (failure) {
      setError(errorText(failure));
    }
  };
  return (
    <div class="collaborative">
      <header class="page-header">
        <h1 lang={langOf(collaborative()?.name, locale())}>{name()}</h1>
        <Show when={collaborative()?.kind ?? directory()?.kind}>
          {(kind) => <p class={`kind-tag kind-tag--${kind()}`}>{t(`collaborative.kind.${kind()}Long`)}</p>}
        </Show>
        <Show when={directory()?.purpose}>
          {(purpose) => <p class="collaborative-purpose" lang={langOf(purpose(), locale())}>{nameIn(purpose(), locale())}</p>}
        </Show>
      </header>
      <div class="grid">
        <Show when={error()}>
          <p class="notice notice--error card--wide" role="alert">{error()}</p>
        </Show>
        <MembersCard directory={directory} people={people} onRemoveSchool={isConvenor() ? (id) => void removeSchool(id) : undefined} />
        <MembershipCard collaborativeId={params.id} onChanged={() => directory.reload()} />
        {/* Naming and removing convenors is theirs and a member LA's officers' (P138); the server decides each change again. */}
        <Show when={isConvenor() || isMemberLaOfficer()}>
          <ConvenorsCard collaborativeId={params.id} onChanged={() => { directory.reload(); void session.refresh(); }} />
        </Show>
        {/* The invitation route is the convenor's and a member LA's officer's (A21); the roles offered are the policy's (C115). */}
        <Show when={isConvenor() || isMemberLaOfficer()}>
          <InviteForm collaborativeId={params.id} directory={directory} me={session.me} />
        </Show>
      </div>
      <Show when={workspaceDoc()} keyed fallback={
        <div>
          <p>{t('collaborative.noWorkspace')}</p>
          {/* G24: the convenor makes the workspace an older collaborative never had. */}
          <Show when={isConvenor()}>
            <button type="button" class="button" onClick={() => void createWorkspace()}>{t('convening.createWorkspace')}</button>
          </Show>
        </div>
      }>
        {(doc) => <OpenDocument docId={doc.id} embedded />}
      </Show>
    </div>
  );
}
