import { Show } from 'solid-js';
import { useText } from '../../i18n/useText';
import { useSession } from '../../session/SessionContext';
import { usePageTitle } from '../usePageTitle';
import { CollaborativesCard } from './CollaborativesCard';
import { CreateDocumentForm } from './CreateDocumentForm';
import { DocumentsCard } from './DocumentsCard';
import { ArchivedDocumentsCard } from './ArchivedDocumentsCard';
import { ActivityFeedCard } from './ActivityFeedCard';
import { InvitationsCard } from './InvitationsCard';
import { MembershipApprovalsCard } from './MembershipApprovalsCard';
import { MembershipRequestsCard } from './MembershipRequestsCard';
import { NotificationsCard } from './NotificationsCard';
import { ProposalsCard } from './ProposalsCard';
import { SchoolsCard } from './SchoolsCard';
import { schoolsWithCreatableKinds } from './creatableKinds';

export function HomeScreen() {
  const t = useText();
  const session = useSession();
  usePageTitle(() => t('home.title'));
  return (
    <div class="home">
      <h1>{t('home.greeting', { name: session.me()?.person.name ?? '' })}</h1>
      <div class="grid">
        <Show when={(session.me()?.invitations.length ?? 0) > 0}>
          <InvitationsCard />
        </Show>
        <NotificationsCard />
        <MembershipRequestsCard />
        <ProposalsCard />
        {/* Only LA officers decide on a school of their LA joining (G35); nobody else asks. */}
        <Show when={(session.me()?.roles ?? []).some((r) => r.role === 'la-officer')}>
          <MembershipApprovalsCard />
        </Show>
        <SchoolsCard />
        <CollaborativesCard />
        <ActivityFeedCard />
        <DocumentsCard />
        <ArchivedDocumentsCard />
        <Show when={schoolsWithCreatableKinds(session.me()).length > 0}>
          <CreateDocumentForm />
        </Show>
      </div>
    </div>
  );
}
