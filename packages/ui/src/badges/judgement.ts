/** The four-step termly judgement of progress towards a priority, plus not yet evaluated. */
export const progressJudgements = ['veryGood', 'strong', 'satisfactory', 'limited'] as const;
export type ProgressJudgement = (typeof progressJudgements)[number];
export type TrackStatus = 'onTrack' | 'offTrack';

/** Accepts the model's kebab-case values as well ("very-good", "on-track"). */
export function normaliseJudgement(value: unknown): ProgressJudgement | TrackStatus | 'notYet' {
  if (typeof value !== 'string') return 'notYet';
  const camel = value.replace(/-([a-z])/g, (_m: string, c: string) => c.toUpperCase());
  if ((progressJudgements as readonly string[]).includes(camel) || camel === 'onTrack' || camel === 'offTrack') {
    return camel as ProgressJudgement | TrackStatus;
  }
  return 'notYet';
}
