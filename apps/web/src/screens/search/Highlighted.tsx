import { For } from 'solid-js';
import { foldForSearch, searchTerms } from '@cydweithio/model/docs/searchText';

/**
 * The query's words marked in a snippet, found the way the server matched them (folded: ŵ
 * finds w). Text only: the pieces are rendered as text nodes and <mark>, never as markup.
 */
export function highlightPieces(text: string, query: string): { text: string; mark: boolean }[] {
  const folded = foldForSearch(text);
  if (folded.length !== text.length) return [{ text, mark: false }];
  const marked = new Array<boolean>(text.length).fill(false);
  for (const term of searchTerms(query)) {
    for (let at = folded.indexOf(term); at >= 0; at = folded.indexOf(term, at + term.length)) marked.fill(true, at, at + term.length);
  }
  const pieces: { text: string; mark: boolean }[] = [];
  for (let i = 0; i < text.length; i++) {
    const last = pieces[pieces.length - 1];
    if (last && last.mark === marked[i]) last.text += text[i];
    else pieces.push({ text: text[i] ?? '', mark: marked[i] ?? false });
  }
  return pieces;
}

export function Highlighted(props: { text: string; query: string }) {
  return <For each={highlightPieces(props.text, props.query)}>{(piece) => (piece.mark ? <mark>{piece.text}</mark> : piece.text)}</For>;
}
