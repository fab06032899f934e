// The shapes of jsonb columns: parsed with zod on the way out, serialised on the way in.
import { z } from 'zod';
import { CADENCES, DEFAULT_SETTINGS, type Cadence, type WorkspaceSettings } from '../src/core/model.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected yyyy-MM-dd');
const weekday = z.number().int().min(1).max(7);

// A key missing from a stored row (written before the setting existed) takes its default;
// defaults are functions so no row ever shares DEFAULT_SETTINGS' arrays.
const settingsSchema = z.object({
  workDays: z.array(weekday).default(() => [...DEFAULT_SETTINGS.workDays]),
  holidays: z.array(isoDate).default(() => [...DEFAULT_SETTINGS.holidays]),
  holidayNames: z.record(isoDate, z.string()).default(() => ({})),
  holidaysSet: z.boolean().default(DEFAULT_SETTINGS.holidaysSet),
  checkinDay: weekday.default(DEFAULT_SETTINGS.checkinDay),
  checkinTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:mm')
    .default(DEFAULT_SETTINGS.checkinTime),
  cadence: z.enum(CADENCES as [Cadence, ...Cadence[]]).default(DEFAULT_SETTINGS.cadence),
  attentionBudget: z.number().int().min(0).default(DEFAULT_SETTINGS.attentionBudget),
  introCount: z.number().int().min(0).default(DEFAULT_SETTINGS.introCount),
});

const stringList = z.array(z.string());

export function parseSettings(value: unknown): WorkspaceSettings {
  return settingsSchema.parse(value ?? {});
}

export function parseStringList(value: unknown): string[] {
  return stringList.parse(value);
}

/**
 * jsonb parameters go in as JSON text: pg would send a JS array as a Postgres array literal.
 * Settings are validated on the way in too, so a bad value fails the write, not every later read.
 */
export function settingsJson(settings: WorkspaceSettings): string {
  return JSON.stringify(settingsSchema.parse(settings));
}

export function toJson(value: string[]): string {
  return JSON.stringify(stringList.parse(value));
}
