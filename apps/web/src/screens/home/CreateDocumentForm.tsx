import { useNavigate } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import { Card, CardBody, CardHeader, useLocale } from '@cydweithio/ui';
import { format } from 'date-fns';
import { academicYearOf } from '@cydweithio/model/rules/schoolCalendar';
import { postJson } from '../../api/http';
import { nameIn } from '../../i18n/names';
import { useErrorText } from '../../i18n/useErrorText';
import { useText } from '../../i18n/useText';
import { useSession } from '../../session/SessionContext';
import { creatableKinds, schoolsWithCreatableKinds } from './creatableKinds';

/** Start a self-evaluation, a peer review or this year's development plan for one of my schools. */
export function CreateDocumentForm() {
  const t = useText();
  const errorText = useErrorText();
  const locale = useLocale();
  const session = useSession();
  const navigate = useNavigate();
  const [error, setError] = createSignal<string>();
  // Only what the policy would let this person own is offered (P30): a governor sees no form.
  const schools = createMemo(() => schoolsWithCreatableKinds(session.me()));
  const [schoolId, setSchoolId] = createSignal<string>();
  const school = () => schools().find((s) => s.id === schoolId()) ?? schools()[0];
  const kinds = () => {
    const chosen = school();
    return chosen ? creatableKinds(session.me(), chosen) : [];
  };
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const focus = String(form.get('focus') ?? '').trim();
    try {
      const title = String(form.get('title') ?? '').trim();
      // E1: a plan is made for a school and an academic year through its own route.
      const response = form.get('kind') === 'development-plan'
        ? await postJson('/plans', { schoolId: form.get('ownerId'), academicYear: academicYearOf(format(new Date(), 'yyyy-MM-dd')), title })
        : await postJson('/documents', { kind: form.get('kind'), ownerId: form.get('ownerId'), title, ...(focus ? { focus } : {}) });
      const created = (await response.json()) as { id?: string };
      await session.refreshDocuments();
      if (created.id) navigate(`/documents/${encodeURIComponent(created.id)}`);
    } catch (failure) {
      setError(errorText(failure));
    }
  };
  return (
    <Card labelledBy="create-heading" testId="create-card">
      <CardHeader id="create-heading" title={t('create.title')} />
      <CardBody>
        <form class="form" onSubmit={submit}>
          <label for="create-school">{t('create.school')}</label>
          <select id="create-school" name="ownerId" onChange={(e) => setSchoolId(e.currentTarget.value)}>
            <For each={schools()}>{(s) => <option value={s.id}>{nameIn(s.name, locale())}</option>}</For>
          </select>
          <label for="create-kind">{t('create.kind')}</label>
          <select id="create-kind" name="kind">
            <For each={kinds()}>{(kind) => <option value={kind}>{t(`documentKind.${kind}`)}</option>}</For>
          </select>
          <label for="create-title">{t('create.documentTitle')}</label>
          <input id="create-title" name="title" required maxlength="200" />
          <label for="create-focus">{t('create.focus')}</label>
          <input id="create-focus" name="focus" maxlength="300" aria-describedby="create-focus-hint" />
          <p id="create-focus-hint" class="hint">{t('create.focusHint')}</p>
          <Show when={error()}>
            <p class="notice notice--error" role="alert">{error()}</p>
          </Show>
          <button type="submit" class="button">{t('create.submit')}</button>
        </form>
      </CardBody>
    </Card>
  );
}
