// The pause after three unanswered check-ins (docs/architecture.md, Rules 10). Pure. The weekly budget
// every kind of delivery shares is in deliveries/attention.ts.

/** Unanswered check-ins in a row that pause a member's check-ins. */
export const UNANSWERED_TO_PAUSE = 3;

/** Their latest check-ins (newest first, only those sent since they last resumed): the last three all unanswered. */
export function shouldPause(recent: readonly { answeredAt: string | null }[]): boolean {
  return recent.length >= UNANSWERED_TO_PAUSE && recent.slice(0, UNANSWERED_TO_PAUSE).every((c) => c.answeredAt === null);
}
