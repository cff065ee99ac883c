/**
 * Change nudges (SPEC S63): a word that something people watch on their home page changed
 * ("convening": a proposal, an approval, a membership request), so open pages ask the server
 * again at once instead of polling every few seconds. A nudge carries only its topic: nothing
 * about what changed or for whom, so it tells a listener nothing they could not ask for.
 * Every instance delivers nudges to its own listeners; the fan-out carries them between
 * instances like revocations.
 */
export const nudgeTopics = ['convening'] as const;
export type NudgeTopic = (typeof nudgeTopics)[number];

export type NudgeListener = (topic: NudgeTopic) => void;

export class Nudges {
  private readonly listeners = new Set<NudgeListener>();

  subscribe(listener: NudgeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  deliver(topic: NudgeTopic): void {
    for (const listener of this.listeners) {
      try {
        listener(topic);
      } catch {
        // One listener's closed stream never stops the others hearing.
      }
    }
  }

  get size(): number {
    return this.listeners.size;
  }
}

export function isNudgeTopic(value: unknown): value is NudgeTopic {
  return (nudgeTopics as readonly unknown[]).includes(value);
}
