// The ISO week a moment falls in, in a given zone: the unit of check-ins, reminders and the attention budget.
import type { DateTime } from 'luxon';

/** The ISO week (`2026-W48`) that `at` falls in, in `zone`. */
export function isoWeekOf(at: DateTime, zone: string): string {
  return at.setZone(zone).toFormat("kkkk-'W'WW");
}
