import { createEffect } from 'solid-js';
import type * as Y from 'yjs';
import { createYText } from './createYText';
import { makeSplice } from './textDiff';

export interface YTextFieldProps {
  text: Y.Text;
  id: string;
  readOnly: boolean;
  multiline?: boolean;
  describedBy?: string;
  testId?: string;
}

/**
 * A plain text input or textarea bound to a Y.Text. Local typing becomes a minimal splice;
 * remote changes update the field while keeping the caret in place relative to the text.
 * Label it with <label for={id}>.
 */
export function YTextField(props: YTextFieldProps) {
  const value = createYText(props.text);
  let field!: HTMLInputElement | HTMLTextAreaElement;

  createEffect(() => {
    const next = value();
    if (field.value === next) return;
    const focused = document.activeElement === field;
    const splice = makeSplice(field.value, next);
    const caret = field.selectionStart ?? 0;
    field.value = next;
    if (focused && splice) {
      const shifted = caret > splice.index ? Math.max(splice.index, caret + splice.insert.length - splice.remove) : caret;
      field.setSelectionRange(shifted, shifted);
    }
  });

  const onInput = () => {
    const splice = makeSplice(props.text.toString(), field.value);
    if (!splice) return;
    props.text.doc?.transact(() => {
      if (splice.remove > 0) props.text.delete(splice.index, splice.remove);
      if (splice.insert) props.text.insert(splice.index, splice.insert);
    });
  };

  const common = () => ({
    id: props.id,
    readOnly: props.readOnly,
    'aria-readonly': props.readOnly,
    'aria-describedby': props.describedBy,
    'data-testid': props.testId,
    onInput,
  });

  return props.multiline ? (
    <textarea ref={(el) => (field = el)} rows={3} {...common()} value={value()} />
  ) : (
    <input ref={(el) => (field = el)} type="text" {...common()} value={value()} />
  );
}
