/**
 * Deciding, BEFORE an update touches the live document, whether Yjs would integrate all of it
 * (SPEC S12, RELIABILITY R4). Yjs integrates what it can and keeps the rest pending, and applies
 * the delete set regardless; a refusal afterwards cannot undo what was integrated (and already
 * broadcast and queued). So the check mirrors Yjs' own dependency rules (`Item.getMissing`, the
 * clock check in `integrateStructs`, `readAndApplyDeleteSet`) on the decoded update:
 *   - a client's structs must continue its clock: no struct may start above what the document
 *     plus the structs before it provide (a `Skip` provides nothing);
 *   - every `origin`, `rightOrigin` and parent id must exist in the document or the update,
 *     in an order that lets each struct integrate (a cycle inside the update stays pending);
 *   - every deleted range must exist once the structs are integrated.
 * Refs to the struct's own client must point before it (Yjs does not check them and throws or
 * misreads). A parent id must name a type; when that cannot be confirmed cheaply the verdict is
 * `unsure` and the caller tries the update on a scratch copy first.
 */
import * as Y from 'yjs';

export type UpdateVerdict = { kind: 'ok' } | { kind: 'unsure'; reason: string } | { kind: 'refuse'; reason: string };

type Decoded = ReturnType<typeof Y.decodeUpdate>;
type Struct = Decoded['structs'][number];
type Ref = { client: number; clock: number };

const MAX_ROUNDS = 32;

export function checkUpdate(doc: Y.Doc, decoded: Decoded): UpdateVerdict {
  const byClient = new Map<number, Struct[]>();
  for (const struct of decoded.structs) {
    const list = byClient.get(struct.id.client);
    if (!list) byClient.set(struct.id.client, [struct]);
    else {
      // Encoders write one contiguous run per client (Skips fill gaps). A second run for the same
      // client is something only a crafted update has, and Yjs keeps only the last one: let the
      // copy decide rather than model that.
      const last = list.at(-1)!;
      if (struct.id.clock !== last.id.clock + last.length) return { kind: 'unsure', reason: 'client written twice' };
      list.push(struct);
    }
  }
  // Per struct, on the hot path: plain functions over one state object, not closures made per call.
  const state: CheckState = { doc, available: new Map<number, number>() };
  // Integrate in rounds until nothing moves: cheap for real updates (one or two rounds), and
  // exact about order, so a dependency on a later struct of the same update is fine. A crafted
  // chain across many clients could need a round per struct; past MAX_ROUNDS the copy decides.
  const next = new Map<number, number>([...byClient.keys()].map((client) => [client, 0]));
  let rounds = 0;
  for (let progressed = true; progressed; rounds += 1) {
    if (rounds === MAX_ROUNDS) return { kind: 'unsure', reason: 'long dependency chain' };
    progressed = false;
    for (const [client, structs] of byClient) {
      let index = next.get(client) ?? 0;
      while (index < structs.length) {
        const struct = structs[index]!;
        if (!(struct instanceof Y.Skip)) {
          if (struct.id.clock > availableOf(state, client)) break; // a gap in the client's clock
          if (struct instanceof Y.Item) {
            if (!sameClientRefsOk(struct)) return { kind: 'refuse', reason: 'update refers to its own future' };
            if (!depsMet(state, struct)) break;
          }
          state.available.set(client, Math.max(availableOf(state, client), struct.id.clock + struct.length));
        }
        index += 1;
        progressed = true;
      }
      next.set(client, index);
    }
  }
  for (const [client, structs] of byClient) {
    if ((next.get(client) ?? 0) < structs.length) return { kind: 'refuse', reason: 'update depends on state the server does not have' };
  }
  for (const [client, ranges] of decoded.ds.clients) {
    for (const range of ranges) {
      if (range.clock + range.len > availableOf(state, client)) return { kind: 'refuse', reason: 'update deletes state the server does not have' };
    }
  }
  return parentsAreTypes(doc, decoded.structs, byClient);
}

interface CheckState {
  doc: Y.Doc;
  /** Per client, the clock the document plus the structs integrated so far provide. */
  available: Map<number, number>;
}

function availableOf(state: CheckState, client: number): number {
  return state.available.get(client) ?? Y.getState(state.doc.store, client);
}

function parentRef(item: Y.Item): Ref | null {
  return item.parent instanceof Y.ID ? item.parent : null;
}

/** A ref to the item's own client must point before it. */
function ownRefOk(ref: Ref | null, item: Y.Item): boolean {
  return ref === null || ref.client !== item.id.client || ref.clock < item.id.clock;
}

function sameClientRefsOk(item: Y.Item): boolean {
  return ownRefOk(item.origin, item) && ownRefOk(item.rightOrigin, item) && ownRefOk(parentRef(item), item);
}

/** A ref to another client must be provided already (the item's own client was checked above). */
function refMet(state: CheckState, ref: Ref | null, item: Y.Item): boolean {
  return ref === null || ref.client === item.id.client || ref.clock < availableOf(state, ref.client);
}

function depsMet(state: CheckState, item: Y.Item): boolean {
  return refMet(state, item.origin, item) && refMet(state, item.rightOrigin, item) && refMet(state, parentRef(item), item);
}

/** A parent id must name an item holding a type (Yjs reads `.content.type` without checking). */
function parentsAreTypes(doc: Y.Doc, structs: Struct[], byClient: Map<number, Struct[]>): UpdateVerdict {
  for (const struct of structs) {
    if (!(struct instanceof Y.Item) || !(struct.parent instanceof Y.ID)) continue;
    const target = findInUpdate(byClient, struct.parent) ?? findInDoc(doc, struct.parent);
    if (target instanceof Y.GC) continue; // Yjs turns the child into GC as well
    if (target instanceof Y.Item && target.content instanceof Y.ContentType) continue;
    return { kind: 'unsure', reason: 'parent is not a known type' };
  }
  return { kind: 'ok' };
}

/** Binary search: a client's structs come decoded in clock order. */
function findInUpdate(byClient: Map<number, Struct[]>, ref: Ref): Struct | undefined {
  const structs = byClient.get(ref.client) ?? [];
  let low = 0;
  let high = structs.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const struct = structs[middle]!;
    if (ref.clock < struct.id.clock) high = middle - 1;
    else if (ref.clock >= struct.id.clock + struct.length) low = middle + 1;
    else return struct instanceof Y.Skip ? undefined : struct;
  }
  return undefined;
}

function findInDoc(doc: Y.Doc, ref: Ref): Y.Item | Y.GC | undefined {
  if (ref.clock >= Y.getState(doc.store, ref.client)) return undefined;
  try {
    return Y.getItem(doc.store, Y.createID(ref.client, ref.clock)) as Y.Item | Y.GC;
  } catch {
    return undefined;
  }
}

/**
 * For an `unsure` update: apply it to a copy of the document and see whether Yjs integrates all
 * of it without throwing. O(document); only unusual updates get here.
 */
export function integratesOnCopy(doc: Y.Doc, update: Uint8Array): boolean {
  const copy = new Y.Doc({ gc: doc.gc });
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    Y.applyUpdate(copy, update);
    return copy.store.pendingStructs === null && copy.store.pendingDs === null;
  } catch {
    return false;
  } finally {
    copy.destroy();
  }
}
