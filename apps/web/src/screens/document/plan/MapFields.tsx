import { For } from 'solid-js';
import type * as Y from 'yjs';
import { createYMapValue } from '@cydweithio/ui';

/**
 * Controls bound to one plain key of a Y.Map (a date, a choice, a short name): the value is the
 * shared one, a change is written at once. Long text lives in Y.Text (YTextField) instead, so
 * two people typing in it merge character by character.
 */
interface MapFieldProps {
  map: Y.Map<unknown>;
  field: string;
  id: string;
  readOnly: boolean;
  testId?: string;
}

export function MapTextInput(props: MapFieldProps & { maxLength?: number }) {
  const value = createYMapValue<string>(props.map, props.field);
  return (
    <input
      id={props.id}
      type="text"
      value={value() ?? ''}
      maxlength={props.maxLength ?? 200}
      readOnly={props.readOnly}
      aria-readonly={props.readOnly}
      data-testid={props.testId}
      onChange={(e) => props.map.set(props.field, e.currentTarget.value.trim())}
    />
  );
}

export function MapDateInput(props: MapFieldProps) {
  const value = createYMapValue<string>(props.map, props.field);
  return (
    <input
      id={props.id}
      type="date"
      value={value() ?? ''}
      readOnly={props.readOnly}
      aria-readonly={props.readOnly}
      data-testid={props.testId}
      onChange={(e) => props.map.set(props.field, e.currentTarget.value)}
    />
  );
}

export function MapNumberInput(props: MapFieldProps & { max: number }) {
  const value = createYMapValue<number>(props.map, props.field);
  return (
    <input
      id={props.id}
      type="number"
      min="0"
      max={props.max}
      step="0.5"
      value={value() ?? 0}
      readOnly={props.readOnly}
      aria-readonly={props.readOnly}
      data-testid={props.testId}
      onChange={(e) => {
        const n = Number(e.currentTarget.value);
        props.map.set(props.field, Number.isFinite(n) && n >= 0 ? Math.min(n, props.max) : 0);
      }}
    />
  );
}

export function MapCheckbox(props: MapFieldProps) {
  const value = createYMapValue<boolean>(props.map, props.field);
  return (
    <input
      id={props.id}
      type="checkbox"
      checked={value() === true}
      disabled={props.readOnly}
      data-testid={props.testId}
      onChange={(e) => props.map.set(props.field, e.currentTarget.checked)}
    />
  );
}

/** A choice among fixed values, each shown in words (never a bare code or colour). */
export function MapSelect(props: MapFieldProps & { options: readonly string[]; label: (value: string) => string; fallback: string }) {
  const value = createYMapValue<string>(props.map, props.field);
  const current = () => (props.options.includes(value() ?? '') ? (value() as string) : props.fallback);
  return (
    <select id={props.id} value={current()} disabled={props.readOnly} data-testid={props.testId} onChange={(e) => props.map.set(props.field, e.currentTarget.value)}>
      <For each={props.options}>{(option) => <option value={option}>{props.label(option)}</option>}</For>
    </select>
  );
}
