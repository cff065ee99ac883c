/** A clock the test moves by hand: sessions, invitations and rate limits expire on cue. */
export function manualClock(start = Date.parse('2026-11-22T07:00:00Z')) {
  let now = start;
  const clock = () => now;
  return Object.assign(clock, {
    advance(ms: number) {
      now += ms;
    },
  });
}
