import type { JSX } from 'solid-js';

export function CardBody(props: { children: JSX.Element }) {
  return <div class="card__body">{props.children}</div>;
}
