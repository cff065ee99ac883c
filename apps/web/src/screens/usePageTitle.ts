import { createEffect } from 'solid-js';

/** Each screen names itself in the document title, in the chosen language. */
export function usePageTitle(title: () => string): void {
  createEffect(() => {
    document.title = `${title()} – Cydweithio`;
  });
}
