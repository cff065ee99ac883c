import type { JSX } from 'solid-js';

/** The card's heading row; `id` lets the Card label itself by it. */
export function CardHeader(props: { id: string; title: JSX.Element; level?: 2 | 3; lang?: string; children?: JSX.Element }) {
  return (
    <header class="card__header">
      {props.level === 3 ? (
        <h3 id={props.id} lang={props.lang}>{props.title}</h3>
      ) : (
        <h2 id={props.id} lang={props.lang}>{props.title}</h2>
      )}
      {props.children}
    </header>
  );
}
