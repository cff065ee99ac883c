import { For, type Accessor } from 'solid-js';
import type { EditorState } from 'prosemirror-state';
import { useUiText } from '../i18n/useUiText';
import { historyAvailable, isActive, type FormatId } from './commands';

interface ButtonSpec {
  id: FormatId;
  glyph: string;
  keys: string;
  toggle: boolean;
}

const buttons: ButtonSpec[] = [
  { id: 'strong', glyph: 'B', keys: 'Control+B', toggle: true },
  { id: 'em', glyph: 'I', keys: 'Control+I', toggle: true },
  { id: 'heading', glyph: 'H', keys: 'Control+Alt+3', toggle: true },
  { id: 'subheading', glyph: 'h', keys: 'Control+Alt+4', toggle: true },
  { id: 'bullet_list', glyph: '•', keys: 'Control+Shift+8', toggle: true },
  { id: 'ordered_list', glyph: '1.', keys: 'Control+Shift+7', toggle: true },
  { id: 'link', glyph: '🔗', keys: 'Control+K', toggle: true },
  { id: 'undo', glyph: '↶', keys: 'Control+Z', toggle: false },
  { id: 'redo', glyph: '↷', keys: 'Control+Y', toggle: false },
];

export interface FormatToolbarProps {
  state: Accessor<EditorState | undefined>;
  /** The field's name, so each toolbar on a page is told apart ("Formatting: Notes"). */
  label: string;
  controls: string;
  onFormat: (id: FormatId) => void;
  /** Escape leaves the toolbar for the text. */
  onLeave: () => void;
}

/**
 * The formatting toolbar of one field (WAI-ARIA toolbar pattern): one tab stop, arrow keys,
 * Home and End move between buttons, toggles say whether they are on (aria-pressed), every
 * button names its shortcut. Buttons never take focus from the text on a mouse click, so the
 * selection they act on stays where the person made it.
 */
export function FormatToolbar(props: FormatToolbarProps) {
  const t = useUiText();
  let current = 0;
  const refs: HTMLButtonElement[] = [];

  const focusAt = (index: number) => {
    current = (index + buttons.length) % buttons.length;
    refs.forEach((b, i) => (b.tabIndex = i === current ? 0 : -1));
    refs[current]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, () => number> = { ArrowRight: () => current + 1, ArrowLeft: () => current - 1, Home: () => 0, End: () => buttons.length - 1 };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      focusAt(move());
    } else if (event.key === 'Escape') {
      event.preventDefault();
      props.onLeave();
    }
  };
  const disabled = (id: FormatId) => {
    const state = props.state();
    return !state || ((id === 'undo' || id === 'redo') && !historyAvailable(state, id));
  };

  return (
    <div role="toolbar" class="format-toolbar" aria-label={t('toolbar.label', { field: props.label })} aria-controls={props.controls} onKeyDown={onKeyDown} data-testid="format-toolbar">
      <For each={buttons}>
        {(spec, index) => (
          <button
            ref={(el) => (refs[index()] = el)}
            type="button"
            class={`format-toolbar__button format-toolbar__button--${spec.id}`}
            tabIndex={index() === 0 ? 0 : -1}
            title={`${t(`toolbar.${spec.id}`)} (${spec.keys.replace('Control', 'Ctrl')})`}
            aria-keyshortcuts={spec.keys}
            aria-pressed={spec.toggle ? (props.state() && isActive(props.state()!, spec.id) ? 'true' : 'false') : undefined}
            aria-disabled={disabled(spec.id) ? 'true' : undefined}
            data-format={spec.id}
            onMouseDown={(event) => event.preventDefault()}
            onFocus={() => (current = index())}
            onClick={() => !disabled(spec.id) && props.onFormat(spec.id)}
          >
            <span aria-hidden="true">{spec.glyph}</span>
            <span class="visually-hidden">{t(`toolbar.${spec.id}`)}</span>
          </button>
        )}
      </For>
    </div>
  );
}
