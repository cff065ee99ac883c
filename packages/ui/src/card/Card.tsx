import type { JSX } from 'solid-js';

/** A bordered group of related content; a landmark only when labelled by its heading. */
export function Card(props: { children: JSX.Element; labelledBy?: string; class?: string; testId?: string }) {
  return (
    <section class={`card ${props.class ?? ''}`} aria-labelledby={props.labelledBy} data-testid={props.testId}>
      {props.children}
    </section>
  );
}
