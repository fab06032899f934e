// The weekly attention budget (docs/architecture.md, Rules 10): how many unasked messages each member got
// in their current ISO week, counted over the delivery ledger for every kind that counts. Pure, but for
// the one read of the ledger.
import { DateTime } from 'luxon';
import type { DeliveryRepo, DeliveryTrace } from './repository.ts';
import { isoWeekOf } from '../time/week.ts';
import { countsAgainstBudget } from './kinds.ts';

/** The ledger's deliveries to any of `memberIds` that can still be in their current week (failed ones reached nobody). */
export function recentDeliveries(deliveries: Pick<DeliveryRepo, 'deliveriesTo'>, workspaceId: string, memberIds: readonly string[], now: DateTime): Promise<DeliveryTrace[]> {
  return deliveries.deliveriesTo(workspaceId, [...new Set(memberIds)], now.minus({ days: 8 }).toUTC().toISO() ?? '');
}

/**
 * Unasked messages each member was recorded to get in their current ISO week (their own zone), from
 * the deliveries recorded for them lately. Everything Rounds sends on its own counts, whoever caused it,
 * unless its kind says it does not (deliveries/kinds.ts).
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
