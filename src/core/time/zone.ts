// Time zones as people and directories write them, checked one way everywhere.
import { IANAZone } from 'luxon';

/**
 * An IANA zone name (`Area/Location`, or `UTC`) that this runtime knows. Bare offsets ("+05:00", "UTC-5") are
 * not zones: they ignore daylight saving, so check-ins would move by an hour twice a year.
 */
const ZONE_NAME = /^(?:[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)+|utc)$/i;

const canonical = new Map<string, string | null>();

/** The zone's canonical spelling ("america/chicago" → "America/Chicago"), or null when it is no IANA zone. */
export function canonicalZone(value: string): string | null {
  // Building a formatter is slow and a practice repeats a handful of zones: each is worked out once.
  const known = canonical.get(value);
  if (known !== undefined) return known;
  let zone: string | null = null;
  if (ZONE_NAME.test(value) && IANAZone.isValidZone(value)) {
    try {
      zone = new Intl.DateTimeFormat('en-US', { timeZone: value }).resolvedOptions().timeZone;
    } catch {
      zone = null;
    }
  }
  if (canonical.size < 1000) canonical.set(value, zone);
  return zone;
}
