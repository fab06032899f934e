// Respect for attention (docs/architecture.md, Rules 10): the weekly budget of unasked messages, and the pause after three unanswered check-ins. Pure.
import { DateTime } from 'luxon';
import type { DeliveryTrace } from '../ports.ts';
import { isoWeekOf } from '../time/week.ts';

/** Unanswered check-ins in a row that pause a member's check-ins. */
export const UNANSWERED_TO_PAUSE = 3;

/** A new hire's own onboarding sequence does not count against their budget. */
export function countsAgainstBudget(kind: string): boolean {
  return !kind.startsWith('onboarding');
}

/**
 * Unasked messages each member was recorded to get in their current ISO week (their own zone), from
 * the deliveries recorded for them lately. Everything Rounds sends on its own counts, whoever caused it.
 */
export function weekCounts(traces: readonly DeliveryTrace[], zoneOf: (memberId: string) => string | undefined, now: DateTime): Map<string, number> {
  const counts = new Map<string, number>();
  const currentWeek = new Map<string, string>();
  for (const trace of traces) {
    if (!countsAgainstBudget(trace.kind)) continue;
    const at = DateTime.fromISO(trace.createdAt);
    for (const memberId of trace.memberIds) {
      const zone = zoneOf(memberId);
      if (!zone) continue;
      let week = currentWeek.get(memberId);
      if (week === undefined) {
        week = isoWeekOf(now, zone);
        currentWeek.set(memberId, week);
      }
      if (isoWeekOf(at, zone) === week) {
        counts.set(memberId, (counts.get(memberId) ?? 0) + 1);
      }
    }
  }
  return counts;
}

/** Takes one message from each member's budget if all of them have room; false (and nothing taken) otherwise. */
export function takeFromBudget(counts: Map<string, number>, memberIds: readonly string[], budget: number): boolean {
  if (memberIds.some((id) => (counts.get(id) ?? 0) >= budget)) return false;
  for (const id of memberIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  return true;
}

/** Their latest check-ins (newest first, only those sent since they last resumed): the last three all unanswered. */
export function shouldPause(recent: readonly { answeredAt: string | null }[]): boolean {
  return recent.length >= UNANSWERED_TO_PAUSE && recent.slice(0, UNANSWERED_TO_PAUSE).every((c) => c.answeredAt === null);
}
