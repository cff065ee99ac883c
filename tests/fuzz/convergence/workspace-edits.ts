/**
 * Random edits through the model's own workspace accessors (priorities board, meeting notes,
 * actions): the nested shapes real documents have, Y.Text in Y.Map in Y.Array and rich-text
 * XML fragments, edited concurrently. Ids include the client id so two replicas never mint
 * the same one.
 */
import type * as Y from 'yjs';
import * as prng from 'lib0/prng';
import { setParagraphs, workspace, workspaceToJson } from '@cydweithio/model';

const AREAS = ['vision-and-leadership', 'curriculum', 'learning-and-teaching', 'well-being'] as const;

function editText(gen: prng.PRNG, text: Y.Text): void {
  if (text.length > 0 && prng.bool(gen)) {
    const index = prng.int32(gen, 0, text.length - 1);
    text.delete(index, prng.int32(gen, 1, Math.min(4, text.length - index)));
  } else text.insert(prng.int32(gen, 0, text.length), prng.word(gen, 1, 6));
}

export function randomWorkspaceEdit(gen: prng.PRNG, doc: Y.Doc, serial: number): void {
  const ws = workspace(doc);
  const priorities = ws.priorities();
  const meetings = ws.meetings();
  const id = `${doc.clientID}-${serial}`;
  const roll = prng.int32(gen, 0, 9);
  if (roll === 0 || priorities.length === 0) {
    ws.addPriority({ id: `p${id}`, area: prng.oneOf(gen, [...AREAS]), title: prng.word(gen, 1, 8) });
  } else if (roll === 1 || meetings.length === 0) {
    ws.addMeeting({ id: `m${id}`, date: `2026-0${prng.int32(gen, 1, 9)}-1${prng.int32(gen, 0, 9)}` });
  } else if (roll <= 4) {
    const priority = prng.oneOf(gen, priorities);
    editText(gen, prng.oneOf(gen, [priority.title, priority.successCriteria, priority.support]));
  } else if (roll === 5) {
    ws.setArea(prng.oneOf(gen, priorities).id, prng.oneOf(gen, [...AREAS]));
  } else if (roll === 6) {
    const target = prng.bool(gen) ? prng.oneOf(gen, priorities).actions : prng.oneOf(gen, meetings).actions;
    ws.addAction(target, { id: `a${id}`, description: prng.word(gen, 1, 10), ownerName: 'Ffion', due: '2026-12-01', done: false });
  } else if (roll === 7) {
    const target = prng.oneOf(gen, priorities).actions;
    const action = target.length > 0 ? target.get(prng.int32(gen, 0, target.length - 1)) : undefined;
    if (action) ws.setActionDone(target, String(action.get('id')), prng.bool(gen));
  } else if (roll === 8) {
    setParagraphs(prng.oneOf(gen, meetings).notes, [prng.word(gen, 1, 12), prng.word(gen, 0, 12)]);
  } else {
    editText(gen, prng.oneOf(gen, meetings).agenda);
  }
}

/** The workspace as the web app reads it. */
export function workspaceContent(doc: Y.Doc): unknown {
  return workspaceToJson(doc);
}
