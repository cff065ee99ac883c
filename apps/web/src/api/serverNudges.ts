import { env } from '../env';

/**
 * Change nudges from the server (GET /api/events, server S63): one EventSource for the page,
 * open while any card listens, closed when none does. A nudge names only a topic; each
 * listener asks its own route again. After a reconnect (the stream ends every few minutes, or
 * the connection dropped) every listener asks again too, since a nudge may have been missed.
 */
type Listener = () => void;

const listeners = new Map<string, Set<Listener>>();
let source: EventSource | undefined;

function tellAll(): void {
  for (const set of listeners.values()) for (const listener of set) listener();
}

function open(): void {
  if (source || typeof EventSource === 'undefined') return;
  let readyBefore = false;
  source = new EventSource(`${env.apiBase}/events`, { withCredentials: true });
  source.addEventListener('ready', () => {
    if (readyBefore) tellAll();
    readyBefore = true;
    // Says the page is listening (support staff and the browser tests read it).
    document.documentElement.dataset['nudges'] = 'listening';
  });
  source.addEventListener('error', () => {
    document.documentElement.dataset['nudges'] = 'reconnecting';
  });
  source.addEventListener('changed', (event) => {
    let topic: unknown;
    try {
      topic = (JSON.parse((event as MessageEvent<string>).data) as { topic?: unknown }).topic;
    } catch {
      return;
    }
    if (typeof topic === 'string') for (const listener of listeners.get(topic) ?? []) listener();
  });
}

/** Calls `listener` whenever the server says `topic` changed; returns the stop. */
export function onServerNudge(topic: string, listener: Listener): () => void {
  let set = listeners.get(topic);
  if (!set) listeners.set(topic, (set = new Set()));
  set.add(listener);
  open();
  return () => {
    set.delete(listener);
    if (set.size === 0) listeners.delete(topic);
    if (listeners.size === 0) {
      source?.close();
      source = undefined;
      delete document.documentElement.dataset['nudges'];
    }
  };
}
