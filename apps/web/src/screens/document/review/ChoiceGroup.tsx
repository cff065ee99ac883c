import { For, Show } from 'solid-js';
import type * as Y from 'yjs';
import { createYMapValue } from '@cydweithio/ui';

/**
 * A choice written to one key of a Y.Map, as native radio buttons in a fieldset (arrow keys move
 * between them). Each option is in words; `describe` adds the option's descriptor beneath it.
 */
export function ChoiceGroup(props: {
  map: Y.Map<unknown>;
  field: string;
  name: string;
  legend: string;
  options: readonly string[];
  label: (value: string) => string;
  describe?: (value: string) => string;
  readOnly: boolean;
  testId?: string;
}) {
  const value = createYMapValue<string>(props.map, props.field);
  return (
    <fieldset class="choice-group" data-testid={props.testId}>
      <legend>{props.legend}</legend>
      <For each={props.options}>
        {(option) => (
          <div class="choice-group__option">
            <input
              type="radio"
              id={`${props.name}-${option}`}
              name={props.name}
              value={option}
              checked={value() === option}
              disabled={props.readOnly}
              aria-describedby={props.describe ? `${props.name}-${option}-descriptor` : undefined}
              onChange={() => props.map.set(props.field, option)}
            />
            <label for={`${props.name}-${option}`}>{props.label(option)}</label>
            <Show when={props.describe}>
              {(describe) => <p class={`hint ${value() === option ? 'descriptor' : ''}`} id={`${props.name}-${option}-descriptor`}>{describe()(option)}</p>}
            </Show>
          </div>
        )}
      </For>
    </fieldset>
  );
}
