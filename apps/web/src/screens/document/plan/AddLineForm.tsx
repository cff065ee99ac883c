import { For, type JSX } from 'solid-js';

export interface AddLineField {
  name: string;
  label: string;
  type?: 'text' | 'date' | 'number' | 'select' | 'checkbox';
  options?: readonly { value: string; label: string }[];
  required?: boolean;
}

/**
 * A small form that adds one line to a list (a criterion, an action, a holiday…): labelled
 * fields, one button, cleared after adding. The caller turns the values into the new item.
 */
export function AddLineForm(props: { idPrefix: string; label: string; fields: AddLineField[]; onAdd: (values: Record<string, string>) => void; testId?: string }) {
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const values: Record<string, string> = {};
    for (const field of props.fields) values[field.name] = field.type === 'checkbox' ? (data.get(field.name) ? 'yes' : '') : String(data.get(field.name) ?? '').trim();
    if (props.fields.some((f) => f.required && values[f.name] === '')) return;
    props.onAdd(values);
    form.reset();
  };
  const control = (field: AddLineField): JSX.Element => {
    const id = `${props.idPrefix}-${field.name}`;
    switch (field.type) {
      case 'select':
        return <select id={id} name={field.name}><For each={field.options ?? []}>{(o) => <option value={o.value}>{o.label}</option>}</For></select>;
      case 'date':
        return <input id={id} name={field.name} type="date" />;
      case 'number':
        return <input id={id} name={field.name} type="number" min="0" max="365" step="0.5" />;
      case 'checkbox':
        return <input id={id} name={field.name} type="checkbox" />;
      default:
        return <input id={id} name={field.name} maxlength="500" required={field.required} />;
    }
  };
  return (
    <form class="form form--inline plan-add" onSubmit={submit} aria-label={props.label} data-testid={props.testId}>
      <For each={props.fields}>
        {(field) => (
          <div class={`field ${field.type === undefined || field.type === 'text' ? 'field--grow' : ''} ${field.type === 'checkbox' ? 'field--check' : ''}`}>
            <label for={`${props.idPrefix}-${field.name}`}>{field.label}</label>
            {control(field)}
          </div>
        )}
      </For>
      <button type="submit" class="button button--small">{props.label}</button>
    </form>
  );
}
